// Client benchmark (not a timed test): in Chromium, against the real server,
//  1. opening the demo report until it is editable;
//  2. keystroke-to-render on a report 30× the sample (imported through POST /api/reports).
// Run: npx tsx bench/client.ts   (CHROMIUM_PATH overrides /usr/bin/chromium)
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

/**
 * Per keystroke: keydown → the editor has processed the input (next task after `input`, so
 * ProseMirror's mutation handling, plugins and view update are done) and → the next frame.
 */
async function measureKeystrokes(page: Page): Promise<{ processed: number[]; frame: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: { processed: number[]; frame: number[] } };
    w.__keys = { processed: [], frame: [] };
    let t0 = 0;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => w.__keys.processed.push(performance.now() - t0);
    document.addEventListener(
      'keydown',
      () => {
        t0 = performance.now();
        requestAnimationFrame(() => w.__keys.frame.push(performance.now() - t0));
      },
      true,
    );
    document.addEventListener('input', () => channel.port2.postMessage(0), true);
  });
  const paragraph = page.locator('section.section-editable > p').nth(40);
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Space' : 'a');
  }
  await page.waitForFunction(
    (n) => (window as unknown as { __keys: { frame: number[] } }).__keys.frame.length >= n,
    KEYSTROKES,
  );
  return page.evaluate(
    () => (window as unknown as { __keys: { processed: number[]; frame: number[] } }).__keys,
  );
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

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dongsoan-bench-client-'));
  process.env.NODE_ENV = 'production';
  const clientDir = await ensureClientBuilt(ROOT, silentLogger);
  const server = await startServer({ port: 0, dataDir, seed: 'demo', clientDir, logger: silentLogger });
  const browser = await launchChromium();
  try {
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
    const demoId = reports[0].id;
    const sample = readFileSync(path.join(ROOT, 'shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt'), 'utf8');
    const created = await fetch(`${server.url}/api/reports`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Báo cáo 30×', text: thirtyTimes(sample) }),
    });
    if (!created.ok)
      throw new Error(`creating the 30× report failed: ${created.status} ${await created.text()}`);
    const bigId = ((await created.json()) as { id: string }).id;

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await login(page, server.url, 'secretary');
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) opens.push(await openUntilEditable(page, server.url, demoId));
    const bigOpen = await openUntilEditable(page, server.url, bigId);
    const sections = await page.locator('[data-section-number]').count();
    const keys = await measureKeystrokes(page);
    const fmt = (v: number) => v.toFixed(1);
    console.log(
      `open demo report until editable: median ${percentile(opens, 50)} ms (runs: ${opens.join(', ')})`,
    );
    console.log(`open 30× report (${sections} sections) until editable: ${bigOpen} ms`);
    console.log(
      `keystroke on the 30× report (${KEYSTROKES} keys): processed p50 ${fmt(percentile(keys.processed, 50))} ms, p95 ${fmt(percentile(keys.processed, 95))} ms; to next frame p50 ${fmt(percentile(keys.frame, 50))} ms, p95 ${fmt(percentile(keys.frame, 95))} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
