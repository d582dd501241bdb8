// Suggesting-mode benchmark (not a timed test), in Chromium against the real server, on a report
// 30× the sample (made as bench/client.ts makes it):
//  1. keystroke → paint while suggesting vs while editing directly, the two modes interleaved run by
//     run in the same page (the secretary, who may do both everywhere), medians and spreads;
//  2. accepting 500 pending suggestions at once (all of one author's, from a suggestion's card):
//     click → the frame showing none left.
// Run: npm run bench:review   (RUNS=n runs per mode, default 3; CHROMIUM_PATH as for the e2e tests)
// The keystroke probe is the one of bench/client.ts, reduced to the rendered time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureClientBuilt } from '../server/build-client';
import { silentLogger } from '../server/log';
import { startServer } from '../server/server';
import { launchChromium } from '../test/e2e/browser';
import { describeMachine } from './lib/machine';
import { median } from './lib/stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const KEYSTROKES = 60;
const PACE_MS = 100;
const RUNS = Number(process.env.RUNS ?? 3);
const SUGGESTIONS = 500;

/** The sample with its body (from "I." up to "Nơi nhận") repeated 30 times. */
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

/** keydown.timeStamp → a task posted after the first frame showing the character (bench/client.ts). */
async function installKeyProbe(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const keys = { rendered: [] };
    window.__keys = keys;
    const afterTask = (record, from) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record.push(performance.now() - from);
      channel.port2.postMessage(0);
    };
    const caretBlockLength = () => {
      const node = document.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest('p, li, td')?.textContent?.length ?? 0;
    };
    document.addEventListener('keydown', (event) => {
      if (event.key.length !== 1) return;
      const from = event.timeStamp;
      const before = caretBlockLength();
      const poll = () => {
        if (caretBlockLength() > before) afterTask(keys.rendered, from);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, true);
  })()`);
}

async function chooseMode(page: Page, mode: 'editing' | 'suggesting'): Promise<void> {
  await page.locator(`.toolbar [data-suggest-choice="${mode}"]`).click();
  await page.locator(`.toolbar [data-suggest-mode="${mode}"]`).waitFor();
}

/** Paced typing (10 keys a second) at the end of the n-th editable paragraph: rendered times. */
async function typeKeys(page: Page, nth: number): Promise<number[]> {
  await page.evaluate(() => {
    (window as unknown as { __keys: { rendered: number[] } }).__keys.rendered.length = 0;
  });
  const paragraph = page.locator('section.section-editable > p').nth(nth);
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await page.keyboard.press('End');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  for (let i = 0; i < KEYSTROKES; i++) {
    const sent = Date.now();
    await page.keyboard.press(i % 10 === 9 ? 'Space' : 'a');
    await page.waitForFunction(
      (k) => (window as unknown as { __keys: { rendered: number[] } }).__keys.rendered.length >= k,
      i + 1,
      { polling: 'raf', timeout: 10_000 },
    );
    const rest = PACE_MS - (Date.now() - sent);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  return page.evaluate(() => (window as unknown as { __keys: { rendered: number[] } }).__keys.rendered);
}

/**
 * Marks the first `count` words of the document's body paragraphs as the secretary's suggested
 * insertions (one suggestion per word, as if typed one by one), through the editor directly: a
 * direct edit of the secretary's, which the guard accepts.
 */
async function makeSuggestions(page: Page, count: number): Promise<number> {
  return page.evaluate((wanted) => {
    type Mark = unknown;
    type TextNode = { isText: boolean; text?: string };
    type Tr = {
      addMark(from: number, to: number, mark: Mark): Tr;
      setMeta(key: string, value: unknown): Tr;
    };
    const root = document.querySelector('.report-document') as Element & {
      editor: {
        state: {
          tr: Tr;
          schema: { marks: { insertion: { create(attrs: object): Mark } } };
          doc: {
            descendants(
              f: (node: TextNode, pos: number, parent: { type: { name: string } }) => boolean,
            ): void;
          };
        };
        view: { dispatch(tr: Tr): void };
      };
    };
    const { state, view } = root.editor;
    const tr = state.tr;
    let made = 0;
    const now = Date.now().toString(36);
    state.doc.descendants((node, pos, parent) => {
      if (made >= wanted) return false;
      if (!node.isText || parent.type.name !== 'paragraph') return true;
      const re = /[^\s]+/g;
      for (let m = re.exec(node.text ?? ''); m && made < wanted; m = re.exec(node.text ?? '')) {
        const id = `sg:u-secretary:${now}:${made.toString(36).padStart(6, '0')}`;
        tr.addMark(pos + m.index, pos + m.index + m[0].length, state.schema.marks.insertion.create({ id }));
        made++;
      }
      return false;
    });
    view.dispatch(tr.setMeta('dongsoan:notSuggested', true));
    return made;
  }, count);
}

/** Click "accept all of this author's" on a suggestion's card: ms until a frame shows none left. */
async function acceptAll(page: Page): Promise<number> {
  const first = page.locator('.report-document ins[data-suggestion]').first();
  await first.scrollIntoViewIfNeeded();
  await first.hover();
  const button = page.locator('.suggestion-card:not([hidden]) [data-decide="accepted-author"]');
  await button.waitFor();
  // A string, not a function: tsx would wrap the inner functions in a helper the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const button = document.querySelector('.suggestion-card:not([hidden]) [data-decide="accepted-author"]');
    const start = performance.now();
    button.click();
    const poll = () => {
      if (document.querySelector('.report-document [data-suggestion]') === null) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(0);
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  })`) as Promise<number>;
}

const fmt = (v: number) => v.toFixed(1);
const spread = (values: number[]) =>
  `median ${fmt(median(values))} ms (min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))}, n=${values.length})`;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dongsoan-bench-review-'));
  process.env.NODE_ENV = 'production';
  const clientDir = await ensureClientBuilt(ROOT, silentLogger);
  const logger = { ...silentLogger, warn: console.warn, error: console.error };
  const server = await startServer({ port: 0, dataDir, seed: 'demo', clientDir, logger });
  const browser = await launchChromium();
  try {
    console.log(JSON.stringify(describeMachine()));
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'secretary', password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const sample = readFileSync(path.join(ROOT, 'shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt'), 'utf8');
    const created = await fetch(`${server.url}/api/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Báo cáo 30×', text: thirtyTimes(sample) }),
    });
    if (!created.ok) throw new Error(`creating the 30× report failed: ${created.status}`);
    const bigId = ((await created.json()) as { id: string }).id;

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.on('pageerror', (error) => console.warn(`pageerror: ${error.message}`));
    await page.goto(server.url);
    await page.locator('input[name=username]').fill('secretary');
    await page.locator('input[name=password]').fill('demo');
    await page.locator('button[type=submit]').click();
    await page.locator('[data-report-id]').first().waitFor();
    await page.goto(`${server.url}/reports/${bigId}`);
    await page.locator('.report-document[contenteditable=true] [data-section-number]').first().waitFor({
      timeout: 120_000,
    });
    console.log(`30× report: ${await page.locator('[data-section-number]').count()} sections`);
    await installKeyProbe(page);

    // 1. Interleaved: editing then suggesting in each run, each in a paragraph of its own.
    const medians = { editing: [] as number[], suggesting: [] as number[] };
    const all = { editing: [] as number[], suggesting: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      for (const mode of ['editing', 'suggesting'] as const) {
        await chooseMode(page, mode);
        const times = await typeKeys(page, 40 + run * 200 + (mode === 'suggesting' ? 100 : 0));
        medians[mode].push(median(times));
        all[mode].push(...times);
        console.log(`  run ${run + 1} ${mode}: keystroke → paint ${spread(times)}`);
      }
    }
    for (const mode of ['editing', 'suggesting'] as const)
      console.log(
        `keystroke → paint, ${mode} (${RUNS}×${KEYSTROKES} keys, paced ${PACE_MS} ms): all keys ${spread(all[mode])}; run medians ${medians[mode].map(fmt).join(', ')}`,
      );
    console.log(
      `suggesting / editing (median of all keys): ${(median(all.suggesting) / median(all.editing)).toFixed(2)}×`,
    );

    // 2. Accept all of 500 suggestions.
    await chooseMode(page, 'editing');
    const accepts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const made = await makeSuggestions(page, SUGGESTIONS);
      await page
        .locator('.report-document ins[data-suggestion]')
        .nth(made - 1)
        .waitFor({ state: 'attached' });
      const ms = await acceptAll(page);
      accepts.push(ms);
      console.log(`  run ${run + 1}: accept all of ${made} suggestions: ${fmt(ms)} ms`);
    }
    console.log(`accept all of ${SUGGESTIONS} suggestions, click → frame showing none: ${spread(accepts)}`);
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
