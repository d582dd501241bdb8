// Restoring a version in the browser (issue 16): the secretary takes version A on the history page,
// an editor types in Chromium, the secretary restores A after the confirmation dialog; the editor's
// open document loses the words typed since, the versions list keeps A and the version taken just
// before the restore, and the activity timeline shows the restore by the secretary.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentText,
  launchChromium,
  openReport,
  openWindow,
  screenshotPath,
  type TestWindow,
  type Window,
  waitForText,
} from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

const TYPED = 'Deltawordrestore';
const VERSION_A = 'Phiên bản trước khi sửa';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let editor: Window;
let secretary: Window;

beforeAll(async () => {
  server = await startDemoServer('restore');
  browser = await launchChromium();
  [editor, secretary] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
  ]);
  reportId = (await editor.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('restoring a version from the history page', () => {
  it('brings the version’s text back for everyone, keeping both versions in history', async () => {
    const history = `${server.url}/reports/${encodeURIComponent(reportId)}/history`;
    await secretary.page.goto(history);
    await secretary.page.locator('[data-history-tab="versions"]').click();
    await secretary.page.locator('input[name=versionName]').fill(VERSION_A);
    await secretary.page.locator('[data-create-version]').click();
    const versionRow = secretary.page.locator(`[data-version-name="${VERSION_A}"]`);
    await versionRow.waitFor();

    await openReport(editor, server.url, reportId);
    const paragraph = editor.page
      .locator(`section.section-editable[data-owner="${editor.user.departmentId}"] > p`)
      .first();
    const box = await paragraph.boundingBox();
    if (!box) throw new Error('the editor’s paragraph is not visible');
    await paragraph.click({ position: { x: box.width - 4, y: box.height - 6 } });
    await editor.page.keyboard.press('End');
    await editor.page.keyboard.type(` ${TYPED}`, { delay: 10 });
    await waitForText(editor.page, TYPED);

    await versionRow.locator('[data-restore-version]').click();
    const dialog = secretary.page.locator('[data-dialog="restore-version"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(VERSION_A);
    await secretary.page.screenshot({ path: screenshotPath('restore-confirm.png') });
    await dialog.locator('[data-confirm-restore]').click();
    await secretary.page.locator('[data-restore-notice]').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The editor's open document follows without a reload.
    await editor.page.waitForFunction(
      (word) => !(window as unknown as TestWindow).documentText().includes(word as string),
      TYPED,
    );
    expect(await documentText(editor.page)).not.toContain(TYPED);

    // Both versions are listed: A, and the automatic one holding the text as it was before.
    await versionRow.waitFor();
    await secretary.page.locator(`[data-version-name^="Trước khi khôi phục"]`).waitFor();
    await secretary.page.screenshot({ path: screenshotPath('restore-versions.png') });

    await secretary.page.locator('[data-history-tab="activity"]').click();
    await secretary.page
      .locator(`.timeline li[data-activity-kind=restore][data-activity-user="${secretary.user.id}"]`)
      .waitFor();
    expect(secretary.errors).toEqual([]);
    expect(editor.errors).toEqual([]);
  });
});
