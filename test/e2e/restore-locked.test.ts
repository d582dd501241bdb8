// The history page of a locked report (issue 16): the secretary still sees "Khôi phục" on every
// version, disabled, with the reason (unlock first) as its tooltip and in a note above the list —
// the rule of shared/version-restore.ts, which the server applies too (409). Once the report is
// unlocked, the same button restores.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWindow, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let secretary: Window;

/** A REST call with the secretary's session token, as the page makes it. */
async function call(method: string, path: string, body?: unknown): Promise<number> {
  const token = await secretary.page.evaluate(
    () => JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null').token as string,
  );
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status;
}

beforeAll(async () => {
  server = await startDemoServer('restore-locked');
  browser = await launchChromium();
  secretary = await openWindow(browser, server.url, DEMO.secretary, DEMO.password);
  reportId = (await secretary.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('restore on the history page of a locked report', () => {
  it('shows the button disabled with the reason, and enabled again after unlocking', async () => {
    expect(await call('POST', `/api/reports/${reportId}/versions`, { name: 'Bản A' })).toBe(201);
    expect(await call('POST', `/api/reports/${reportId}/lock`)).toBe(200);

    const page = secretary.page;
    await page.goto(`${server.url}/reports/${encodeURIComponent(reportId)}/history`);
    await page.locator('[data-history-tab="versions"]').click();
    const note = page.locator('[data-restore-refused="locked"]');
    await note.waitFor();
    expect(await note.textContent()).toContain('mở khóa');

    const button = page.locator('[data-version-name="Bản A"] [data-restore-version]');
    await button.waitFor();
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('title')).toContain('Hãy mở khóa báo cáo trước');
    expect(await button.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));

    expect(await call('POST', `/api/reports/${reportId}/unlock`, { reason: 'sửa tiếp' })).toBe(200);
    await page.reload();
    await page.locator('[data-history-tab="versions"]').click();
    const enabled = page.locator('[data-version-name="Bản A"] [data-restore-version]:enabled');
    await enabled.waitFor();
    expect(await enabled.getAttribute('title')).toBeNull();
    expect(await page.locator('[data-restore-refused]').count()).toBe(0);
    await enabled.click();
    await page.locator('[data-dialog="restore-version"] [data-confirm-restore]').click();
    await page.locator('[data-restore-notice]').waitFor();
    expect(secretary.errors).toEqual([]);
  });
});
