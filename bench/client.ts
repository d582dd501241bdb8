// Client benchmark (not a timed test): in Chromium, against the real server,
//  1. opening the demo report until it is editable;
//  2. keystroke-to-render on a report 30× the sample (imported through POST /api/reports), and on
//     the demo report itself for comparison.
// Run: npx tsx bench/client.ts   (CHROMIUM_PATH overrides /usr/bin/chromium; RUNS=n paragraphs
// typed into per mode, default 3; BENCH_CLIENT_DIR serves another client build instead of this
// tree's; BENCH_CLIENT_COMPARE=dir[,dir] types into other builds turn by turn with the first;
// OPENS=0 and DEMO=0 skip the timed opens and the demo report's typing, for a short run)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureClientBuilt } from '../server/build-client';
import { silentLogger } from '../server/log';
import { startServer } from '../server/server';
import { launchChromium } from '../test/e2e/browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const KEYSTROKES = 60;
const PACE_MS = 100;
const RUNS = Number(process.env.RUNS ?? 3);
/** Opens of the demo report timed (OPENS=0 skips them, for a short typing-only run). */
const OPENS = Number(process.env.OPENS ?? 5);
/** DEMO=0 skips the typing on the demo report (1×). */
const DEMO = process.env.DEMO !== '0';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function login(page: Page, base: string, username: string) {
  await page.goto(base);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('demo');
  await page.locator('button[type=submit]').click();
  await page.locator('[data-report-id]').first().waitFor();
}

/** Milliseconds from navigation to an editable document with numbered sections. */
async function openUntilEditable(page: Page, base: string, reportId: string): Promise<number> {
  const started = Date.now();
  await page.goto(`${base}/reports/${reportId}`);
  await page
    .locator('.report-document[contenteditable=true] [data-section-number]')
    .first()
    .waitFor({ timeout: 120_000 });
  return Date.now() - started;
}

interface KeyTimes {
  /** keydown → the end of the task that handled the key (ProseMirror, plugins, y-tiptap, React). */
  processed: number[];
  /** keydown → the end of the first frame whose DOM shows the character. */
  rendered: number[];
}

/**
 * CPU time of the page's renderer process over the typing, divided by the keys typed (Chromium's
 * ProcessTime metric: every thread of the renderer, so script, layout, paint and raster): the
 * work a key costs, which the machine's load changes far less than it changes the latencies.
 * (Its ThreadTime metric, the main thread alone, reads 0 in this headless build.)
 */
type KeyCpu = number;

async function cpuTimes(page: Page): Promise<KeyCpu> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return metric('ProcessTime');
  } finally {
    await session.detach();
  }
}

/**
 * Installs the measurement in the page. Per keystroke: the start is the keydown event's own
 * timeStamp (when the browser received the key: time the key waited for a busy main thread
 * counts); `processed` ends in a task posted from the `keypress` event, which runs after the
 * task that handled the key: ProseMirror, every plugin, y-tiptap and any synchronous React work;
 * `rendered` polls each animation frame until the text block holding the caret is one character
 * longer, then ends in a task posted from that frame's callback, i.e. after its style, layout and
 * paint.
 */
async function installKeyProbe(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap the inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const keys = { processed: [], rendered: [] };
    window.__keys = keys;
    let start = 0;
    const afterTask = (record, from) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record.push(performance.now() - from);
      channel.port2.postMessage(0);
    };
    const caretBlockLength = () => {
      const node = document.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest('p, li, td, [data-section-title]')?.textContent?.length ?? 0;
    };
    document.addEventListener('keydown', (event) => {
      // Characters only: a navigation key (End) shows no new text.
      if (event.key.length !== 1) return;
      start = event.timeStamp;
      const from = start;
      const before = caretBlockLength();
      const poll = () => {
        if (caretBlockLength() > before) afterTask(keys.rendered, from);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, true);
    // Whether the browser or ProseMirror inserts the character, a task posted from keypress runs
    // after the whole task that handled the key (keypress, beforeinput, input, their microtasks).
    document.addEventListener('keypress', () => afterTask(keys.processed, start));
  })()`);
}

type Typing = 'paced' | 'burst';

/**
 * Types `count` characters into a paragraph of the open report. `paced`: one key, then wait until
 * it is on screen and for the rest of a 100 ms interval (a fast typist's 10 keys a second, so
 * work deferred by a keystroke lands between keys as it would for a person); `burst`: keys sent
 * back to back as fast as the DevTools protocol delivers them (each waits only for the previous
 * key's events to be dispatched), so deferred work competes with the next key.
 */
async function measureKeystrokes(
  page: Page,
  typing: Typing,
  count: number,
  nth: number,
): Promise<KeyTimes & { cpu: KeyCpu }> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: KeyTimes };
    w.__keys.processed.length = 0;
    w.__keys.rendered.length = 0;
  });
  const paragraph = page.locator('section.section-editable > p').nth(nth);
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await page.keyboard.press('End');
  /** Whether the n-th character is on screen; a lost keystroke is reported, not waited for. */
  const rendered = async (n: number): Promise<boolean> => {
    try {
      await page.waitForFunction(
        (k) => (window as unknown as { __keys: KeyTimes }).__keys.rendered.length >= k,
        n,
        { polling: 'raf', timeout: 10_000 },
      );
      return true;
    } catch {
      const state = await page.evaluate(() => ({
        shown: (window as unknown as { __keys: KeyTimes }).__keys.rendered.length,
        focus: document.activeElement?.tagName,
        connection: document.querySelector('[data-connection]')?.getAttribute('data-connection'),
        notice: document.querySelector('[data-notice], [data-refused-changes]')?.textContent,
      }));
      console.warn(`  keystroke ${n} never showed: ${JSON.stringify(state)}`);
      return false;
    }
  };
  // Let the click's own work (selection, toolbar, awareness) settle before the first key.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  let ok = true;
  const cpuBefore = await cpuTimes(page);
  for (let i = 0; i < count && ok; i++) {
    const sent = Date.now();
    await page.keyboard.press(i % 10 === 9 ? 'Space' : 'a');
    if (typing === 'paced') {
      ok = await rendered(i + 1);
      const rest = PACE_MS - (Date.now() - sent);
      if (ok && rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  }
  if (ok) await rendered(count);
  const cpuAfter = await cpuTimes(page);
  const keys = await page.evaluate(() => (window as unknown as { __keys: KeyTimes }).__keys);
  const typed = Math.max(1, keys.rendered.length);
  const cpu = (cpuAfter - cpuBefore) / typed;
  return { ...keys, cpu };
}

/** A page with the selectors measureKeystrokes uses, and nothing but a contenteditable. */
function bareEditablePage(): string {
  const paragraphs = Array.from(
    { length: 20 },
    (_, i) => `<p>Đoạn ${i + 1}: nội dung báo cáo để gõ thử, không có trình soạn thảo nào chạy.</p>`,
  ).join('');
  return `<!doctype html><meta charset="utf-8"><div class="ProseMirror" contenteditable="true" spellcheck="false"><section class="section-editable">${paragraphs}</section></div>`;
}

/** The sample with its body (from "I." up to "Nơi nhận") repeated 30 times: 30× the sections. */
function thirtyTimes(sample: string): string {
  const lines = sample.split('\n');
  const start = lines.findIndex((line) => /^I\.\s/.test(line.trim()));
  const end = lines.findIndex((line) => line.trim().startsWith('Nơi nhận'));
  if (start < 0 || end < 0) throw new Error('sample layout not recognised');
  const body = lines.slice(start, end);
  return [
    ...lines.slice(0, start),
    ...Array.from({ length: 30 }, () => body).flat(),
    ...lines.slice(end),
  ].join('\n');
}

/** A report typed into: its page, how to open it afresh, which paragraph each run types into. */
interface Target {
  label: string;
  page: Page;
  open: () => Promise<unknown>;
  paragraph: (run: number) => number;
}

/** A server with the demo data and the 30× report, serving one build of the client. */
async function serve(clientDir: string | null, dataDir: string) {
  // Warnings and errors stay visible: a refused edit during the bench invalidates its figures.
  const logger = { ...silentLogger, warn: console.warn, error: console.error };
  const server = await startServer({ port: 0, dataDir, seed: 'demo', clientDir, logger });
  const login0 = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'secretary', password: 'demo' }),
  });
  const { token } = (await login0.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const reports = (await (await fetch(`${server.url}/api/reports`, { headers: auth })).json()) as {
    id: string;
  }[];
  const sample = readFileSync(path.join(ROOT, 'shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt'), 'utf8');
  const created = await fetch(`${server.url}/api/reports`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: 'Báo cáo 30×', text: thirtyTimes(sample) }),
  });
  if (!created.ok)
    throw new Error(`creating the 30× report failed: ${created.status} ${await created.text()}`);
  const bigId = ((await created.json()) as { id: string }).id;
  return { server, demoId: reports[0].id, bigId };
}

const fmt = (v: number) => v.toFixed(1);
const summary = (values: number[]) =>
  values.length === 0
    ? 'no keystroke measured'
    : `p50 ${fmt(percentile(values, 50))} ms, p95 ${fmt(percentile(values, 95))} ms, max ${fmt(Math.max(...values))} ms`;

const cpuSummary = (cpu: KeyCpu) => `${fmt(cpu)} ms`;

/**
 * RUNS runs of KEYSTROKES keys per mode and target, the targets taking turns run by run (so a
 * change of the machine's load reaches them alike); per run and in total, p50/p95/max.
 */
async function typingSeries(targets: Target[], modes: Typing[]): Promise<void> {
  for (const typing of modes) {
    const all = targets.map(() => ({
      processed: [] as number[],
      rendered: [] as number[],
      lost: 0,
      cpu: [] as KeyCpu[],
    }));
    for (let run = 0; run < RUNS; run++) {
      for (const [i, target] of targets.entries()) {
        const keys = await measureKeystrokes(target.page, typing, KEYSTROKES, target.paragraph(run));
        all[i].processed.push(...keys.processed);
        all[i].rendered.push(...keys.rendered);
        all[i].cpu.push(keys.cpu);
        const missing = KEYSTROKES - keys.rendered.length;
        all[i].lost += missing;
        console.log(
          `  ${target.label}, ${typing} run ${run + 1}: processed ${summary(keys.processed)}; rendered ${summary(keys.rendered)}; renderer CPU per key ${cpuSummary(keys.cpu)}${missing ? `; ${missing} keystrokes never showed` : ''}`,
        );
        if (missing) {
          // Start the next run from a freshly opened page.
          await target.open();
          await installKeyProbe(target.page);
        }
      }
    }
    for (const [i, target] of targets.entries()) {
      const { processed, rendered, lost, cpu } = all[i];
      const runs = (values: number[]) => values.map(fmt).join(', ');
      console.log(
        `keystroke on ${target.label}, ${typing === 'paced' ? `paced ${PACE_MS} ms` : 'burst'} (${RUNS}×${KEYSTROKES} keys): processed ${summary(processed)}; rendered ${summary(rendered)}${lost ? `; ${lost} keystrokes never showed` : ''}; renderer CPU per key ${runs(cpu)} ms (per run)`,
      );
    }
  }
}

async function main() {
  const dataDirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dongsoan-bench-client-'));
    dataDirs.push(dir);
    return dir;
  };
  process.env.NODE_ENV = 'production';
  // BENCH_CLIENT_DIR serves another build of the client (e.g. of an older commit, to compare).
  const clientDir = process.env.BENCH_CLIENT_DIR ?? (await ensureClientBuilt(ROOT, silentLogger));
  // BENCH_CLIENT_COMPARE: other builds (comma-separated directories), each served by a server of
  // its own, typed into turn by turn with the first on the 30× report (interleaved, in one run).
  const compareDirs = (process.env.BENCH_CLIENT_COMPARE ?? '').split(',').filter(Boolean);
  const builds = [{ name: 'this build', dir: clientDir }];
  for (const dir of compareDirs) builds.push({ name: `the build in ${dir}`, dir });
  const served = [];
  for (const build of builds) served.push({ ...build, ...(await serve(build.dir, dataDir())) });
  const browser = await launchChromium();
  try {
    const { server, demoId } = served[0];
    const newPage = async () =>
      (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const page = await newPage();
    await login(page, server.url, 'secretary');
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) opens.push(await openUntilEditable(page, server.url, demoId));
    if (opens.length > 0)
      console.log(
        `open demo report until editable: median ${percentile(opens, 50)} ms (runs: ${opens.join(', ')})`,
      );
    // The target: a report 30× the sample, paragraphs spread over it, one page per build.
    const big: Target[] = [];
    for (const [i, build] of served.entries()) {
      const buildPage = i === 0 ? page : await newPage();
      if (i > 0) await login(buildPage, build.server.url, 'secretary');
      const open = () => openUntilEditable(buildPage, build.server.url, build.bigId);
      const opened = await open();
      const sections = await buildPage.locator('[data-section-number]').count();
      console.log(`open 30× report (${sections} sections) until editable, ${build.name}: ${opened} ms`);
      await installKeyProbe(buildPage);
      const label = served.length > 1 ? `the 30× report (${build.name})` : 'the 30× report';
      big.push({ label, page: buildPage, open, paragraph: (run) => 40 + run * 200 });
    }
    console.log(
      'keystroke method: start = keydown event.timeStamp; processed = a task posted from the keypress event has run; rendered = end of the first animation frame whose DOM shows the character (rAF poll, then a posted task after that frame)',
    );
    // The floor of this method on this machine: the same typing into a bare contenteditable of
    // twenty paragraphs (no editor, no script), i.e. the browser's own input-to-paint path, in
    // a page of its own taking its turn with the 30× report.
    const floorPage = await newPage();
    const openBare = () => floorPage.setContent(bareEditablePage());
    await openBare();
    await installKeyProbe(floorPage);
    const floor: Target = {
      label: 'a bare contenteditable (the floor, for comparison)',
      page: floorPage,
      open: openBare,
      paragraph: (run) => 5 + run,
    };
    await typingSeries([...big, floor], ['paced', 'burst']);
    if (DEMO) {
      // For scale: the same typing on the demo report itself (1×).
      const openDemo = () => openUntilEditable(page, server.url, demoId);
      await openDemo();
      await installKeyProbe(page);
      await typingSeries(
        [
          {
            label: 'the demo report (1×, for comparison)',
            page,
            open: openDemo,
            paragraph: (run) => 5 + run * 10,
          },
        ],
        ['paced'],
      );
    }
  } finally {
    await browser.close();
    for (const { server } of served) await server.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
