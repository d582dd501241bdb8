// Edits made while the server is unreachable: two editors keep typing in their own sections while
// the server process is killed (kill -9), see "offline with unsynced changes", and once a new
// server process runs on the same port and data directory their edits merge, reach each other and
// survive yet another kill -9. Real server processes, real Chromium, no fixed sleeps.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../helpers/process';
import { launchChromium, openReport, openWindow, screenshotPath, type Window, waitForText } from './browser';
import { buildClient, DEMO } from './demo';

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
let reportId: string;
let a: Window;
let b: Window;

function start(port = 0): Promise<ServerProcess> {
  return spawnServer({ DATA_DIR: dataDir, SERVE_CLIENT: '1', PORT: String(port) });
}

async function kill(process: ServerProcess): Promise<void> {
  process.child.kill('SIGKILL');
  await process.exited;
}

/** Click into the first paragraph of one of the user's own editable sections and go to its end. */
async function focusOwnParagraph(window: Window) {
  await window.page
    .locator(`section.section-editable[data-owner="${window.user.departmentId}"] > p`)
    .first()
    .click();
  await window.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await window.page.keyboard.press('End');
}

function connection(window: Window, kind: string) {
  return window.page.locator(`[data-connection="${kind}"]`);
}

async function exportMarkdown(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO.secretary, password: DEMO.password }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${base}/api/reports/${reportId}/export?format=md`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'dongsoan-e2e-offline-'));
  // Built once here, so the server processes find an up-to-date client and start at once.
  await buildClient();
  server = await start();
  browser = await launchChromium();
  [a, b] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.editorB, DEMO.password),
  ]);
  reportId = (await a.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await Promise.all([a, b].map((w) => openReport(w, server.url, reportId)));
});

afterAll(async () => {
  if (a && b) {
    await a.page.screenshot({ path: screenshotPath('offline-editor-a.png') }).catch(() => {});
    await b.page.screenshot({ path: screenshotPath('offline-editor-b.png') }).catch(() => {});
  }
  await browser?.close();
  if (server) await kill(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('editing while the server is unreachable', () => {
  it('merges both editors’ offline edits on reconnect, and they persist', async () => {
    // Online first: the windows are connected and relay each other's words.
    await focusOwnParagraph(a);
    await a.page.keyboard.type(' (trước khi mất kết nối)');
    await waitForText(b.page, '(trước khi mất kết nối)');
    await Promise.all([connection(a, 'connected').waitFor(), connection(b, 'connected').waitFor()]);

    const port = server.port;
    await kill(server);
    await Promise.all([
      connection(a, 'connected').waitFor({ state: 'detached' }),
      connection(b, 'connected').waitFor({ state: 'detached' }),
    ]);

    // Both keep typing, each in their own section, while nothing can reach the server.
    const offlineA = ' Phòng A soạn khi mất mạng';
    const offlineB = ' Phòng B cũng soạn khi mất mạng';
    await focusOwnParagraph(a);
    await a.page.keyboard.type(offlineA);
    await focusOwnParagraph(b);
    await b.page.keyboard.type(offlineB);
    await Promise.all([waitForText(a.page, offlineA.trim()), waitForText(b.page, offlineB.trim())]);
    await Promise.all([connection(a, 'unsynced').waitFor(), connection(b, 'unsynced').waitFor()]);
    await a.page.evaluate(() => window.scrollTo(0, 0));
    await a.page.screenshot({ path: screenshotPath('offline-unsynced-a.png') });

    // A new server process, same port and data directory: the windows reconnect by themselves.
    server = await start(port);
    await Promise.all([
      connection(a, 'connected').waitFor({ timeout: 30_000 }),
      connection(b, 'connected').waitFor({ timeout: 30_000 }),
    ]);
    await Promise.all([waitForText(a.page, offlineB.trim()), waitForText(b.page, offlineA.trim())]);
    for (const w of [a, b]) {
      // Merged, not refused: no notice, and the edit made before the outage is still there.
      expect(await w.page.locator('[data-notice], [data-refused-changes]').count()).toBe(0);
      await waitForText(w.page, '(trước khi mất kết nối)');
    }

    // Stored: another kill -9 and a fresh process still have every edit the editors saw.
    await kill(server);
    server = await start(port);
    const markdown = await exportMarkdown(server.url);
    for (const text of ['(trước khi mất kết nối)', offlineA.trim(), offlineB.trim()]) {
      expect(markdown).toContain(text);
    }
    await Promise.all([
      connection(a, 'connected').waitFor({ timeout: 30_000 }),
      connection(b, 'connected').waitFor({ timeout: 30_000 }),
    ]);
  });

  it('had no page errors (failed reconnection attempts are only console noise)', () => {
    const pageErrors = [...a.errors, ...b.errors].filter((error) => error.startsWith('pageerror:'));
    expect(pageErrors).toEqual([]);
  });
});
