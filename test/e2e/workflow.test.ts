// The section workflow, the lock and the export menu in real Chromium against the real server:
// the secretary assigns a section to a department, its editor writes and submits, the secretary
// approves (the section goes read-only for the department), locks the report (read-only for all),
// unlocks it with a reason, edits the heading form, and downloads a DOCX from the export menu.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentText,
  launchChromium,
  openReport,
  openWindow,
  screenshotPath,
  type Window,
  waitForText,
} from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let editor: Window;
let secretary: Window;
/** The section the secretary hands over to the editor's department. */
let target: string;

/** The outline entry of a section (not its nested sub-sections). */
const outlineItem = (page: Page, id: string) => page.locator(`li[data-outline-section="${id}"]`);
const outlineStatus = (page: Page, id: string, status: string) =>
  outlineItem(page, id).locator(`> button .status-chip.status-${status}`);

/** Opens the workflow panel of a section in the outline (if it is not open yet). */
async function openSectionMenu(page: Page, id: string) {
  const toggle = outlineItem(page, id).locator('> [data-section-workflow] > [data-section-menu]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return outlineItem(page, id).locator('> [data-section-workflow] > .section-workflow-panel');
}

/** Puts the caret at the end of the first paragraph of a section. */
async function focusParagraph(window: Window, sectionSelector: string) {
  await window.page.locator(`.report-document ${sectionSelector} > p`).first().click();
  await window.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await window.page.keyboard.press('End');
}

/** A section of the editor's department other than the target, to prove honest edits still flow. */
function ownSectionSelector(window: Window) {
  return `section.section-editable[data-owner="${window.user.departmentId}"]:not([data-section-id="${target}"])`;
}

/** The live document as the server holds it (Markdown export, with the secretary's token). */
async function serverMarkdown(window: Window): Promise<string> {
  return window.page.evaluate(async (id) => {
    const token = JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null').token;
    const response = await fetch(`/api/reports/${id}/export?format=md`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return response.text();
  }, reportId);
}

beforeAll(async () => {
  server = await startDemoServer('workflow');
  browser = await launchChromium();
  [editor, secretary] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
  ]);
  for (const window of [editor, secretary]) {
    // Say which request failed: Chromium's console line for it names no URL.
    window.page.on('response', (response) => {
      if (response.status() >= 400) window.errors.push(`http ${response.status()}: ${response.url()}`);
    });
  }
  reportId = (await secretary.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await Promise.all([editor, secretary].map((w) => openReport(w, server.url, reportId)));

  // A leaf section of depth 2 with text, owned by someone else than the editor's department.
  target =
    (await secretary.page.evaluate((department) => {
      for (const el of document.querySelectorAll(
        '.report-document section[data-section-id][data-depth="2"]',
      )) {
        if (el.getAttribute('data-owner') === department) continue;
        if (el.querySelector(':scope > section')) continue;
        if (!el.querySelector(':scope > p')?.textContent?.trim()) continue;
        return el.getAttribute('data-section-id');
      }
      return null;
    }, editor.user.departmentId)) ?? '';
});

afterAll(async () => {
  await editor?.page.screenshot({ path: screenshotPath('workflow-editor.png') }).catch(() => {});
  await secretary?.page.screenshot({ path: screenshotPath('workflow-secretary.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('section workflow, lock and export in the browser', () => {
  it('starts with a section the editor may not edit', async () => {
    expect(target).toBeTruthy();
    expect(editor.user.role).toBe('editor');
    await editor.page.locator(`section[data-section-id="${target}"].section-readonly`).waitFor();
  });

  it('the secretary assigns the section and its department may edit it', async () => {
    const panel = await openSectionMenu(secretary.page, target);
    await panel.locator('select[data-owner-select]').selectOption(editor.user.departmentId ?? '');
    // The server changes the owner in the live document: the editor's window follows.
    await editor.page.locator(`section[data-section-id="${target}"].section-editable`).waitFor();
    await focusParagraph(editor, `section[data-section-id="${target}"]`);
    const words = ' Phòng nhận mục được giao';
    await editor.page.keyboard.type(words, { delay: 10 });
    await waitForText(secretary.page, words.trim());
  });

  it('the editor submits and the secretary sees it', async () => {
    const panel = await openSectionMenu(editor.page, target);
    await panel.locator('[data-workflow-action="submit"]').click();
    await outlineStatus(editor.page, target, 'submitted').waitFor();
    // The secretary's page notices on its next metadata poll.
    await outlineStatus(secretary.page, target, 'submitted').waitFor();
  });

  it('after approval the editor cannot change the section any more', async () => {
    const panel = await openSectionMenu(secretary.page, target);
    await secretary.page.screenshot({ path: screenshotPath('workflow-section-menu.png') });
    await panel.locator('[data-workflow-action="approve"]').click();
    await outlineStatus(secretary.page, target, 'approved').waitFor();
    await editor.page.locator(`section[data-section-id="${target}"].section-readonly`).waitFor();
    await outlineStatus(editor.page, target, 'approved').waitFor();

    await focusParagraph(editor, `section[data-section-id="${target}"]`);
    await editor.page.keyboard.type(' CHẶN SAU DUYỆT', { delay: 10 });
    // An honest edit typed afterwards in one of the department's own sections reaches the
    // secretary: anything typed before it would have arrived too.
    await focusParagraph(editor, ownSectionSelector(editor));
    await editor.page.keyboard.type(' Mốc sau duyệt', { delay: 10 });
    await waitForText(secretary.page, 'Mốc sau duyệt');
    expect(await documentText(editor.page)).not.toContain('CHẶN SAU DUYỆT');
    expect(await documentText(secretary.page)).not.toContain('CHẶN SAU DUYỆT');
    // The keystrokes were swallowed locally, not refused by the server.
    expect(await editor.page.locator('[data-notice]').count()).toBe(0);
  });

  it('the dashboard shows progress, last edit and who is online per department', async () => {
    await secretary.page.locator('[data-open-dashboard]').click();
    const row = secretary.page.locator(`[data-dashboard-row="${editor.user.departmentId}"]`);
    await row.waitFor();
    expect(Number(await row.locator('[data-count="approved"]').textContent())).toBeGreaterThanOrEqual(1);
    // The editor's typing is in the activity log and the editor is connected.
    await row.locator('td', { hasText: editor.user.name }).first().waitFor();
    await row.locator('.dashboard-online', { hasText: editor.user.name }).waitFor();
    await secretary.page.screenshot({ path: screenshotPath('workflow-dashboard.png') });
    await secretary.page.locator('[data-dialog="dashboard"] button[data-primary]').click();
    await secretary.page.locator('[data-dialog="dashboard"]').waitFor({ state: 'detached' });
  });

  it('the secretary locks: everyone sees the banner and nobody can type', async () => {
    await secretary.page.locator('[data-lock]').click();
    await secretary.page.locator('[data-dialog="lock"] [data-confirm-lock]').click();
    await secretary.page.locator('[data-lock-banner]').waitFor();
    await editor.page.locator('[data-lock-banner]').waitFor();
    await editor.page.screenshot({ path: screenshotPath('workflow-locked-editor.png') });
    await editor.page.locator('.report-document[contenteditable="false"]').waitFor();
    await secretary.page.locator('.report-document[contenteditable="false"]').waitFor();

    const before = [await documentText(editor.page), await documentText(secretary.page)];
    const ownSection = `section[data-owner="${editor.user.departmentId}"]:not([data-section-id="${target}"])`;
    await editor.page.locator(`.report-document ${ownSection} > p`).first().click();
    await editor.page.keyboard.type(' GÕ KHI KHÓA', { delay: 10 });
    await secretary.page.locator(`.report-document section[data-section-id="${target}"] > p`).first().click();
    await secretary.page.keyboard.type(' THƯ KÝ GÕ KHI KHÓA', { delay: 10 });
    expect([await documentText(editor.page), await documentText(secretary.page)]).toEqual(before);
  });

  it('unlocking needs a reason, then editing resumes', async () => {
    await secretary.page.locator('[data-unlock]').click();
    const confirm = secretary.page.locator('[data-dialog="unlock"] [data-confirm-unlock]');
    expect(await confirm.isDisabled()).toBe(true);
    await secretary.page
      .locator('[data-dialog="unlock"] textarea[name="reason"]')
      .fill('Bổ sung số liệu quý II');
    await confirm.click();
    await secretary.page.locator('[data-lock-banner]').waitFor({ state: 'detached' });
    await editor.page.locator('[data-lock-banner]').waitFor({ state: 'detached' });
    await editor.page.locator('.report-document[contenteditable="true"]').waitFor();
    // Nothing typed during the lock reached the server.
    const markdown = await serverMarkdown(secretary);
    expect(markdown).toContain('Mốc sau duyệt');
    expect(markdown).not.toContain('GÕ KHI KHÓA');
    expect(markdown).not.toContain('CHẶN SAU DUYỆT');
  });

  it('the secretary reopens the section, and returns it with a comment after a new submission', async () => {
    let panel = await openSectionMenu(secretary.page, target);
    await panel.locator('[data-workflow-action="reopen"]').click();
    await editor.page.locator(`section[data-section-id="${target}"].section-editable`).waitFor();
    panel = await openSectionMenu(editor.page, target);
    await panel.locator('[data-workflow-action="submit"]').click();
    await outlineStatus(secretary.page, target, 'submitted').waitFor();

    panel = await openSectionMenu(secretary.page, target);
    await panel.locator('[data-workflow-action="return"]').click();
    const send = panel.locator('[data-workflow-action="return-confirm"]');
    expect(await send.isDisabled()).toBe(true);
    await panel.locator('textarea[name="comment"]').fill('Thiếu số liệu tháng 6');
    await send.click();
    await outlineStatus(editor.page, target, 'returned').waitFor();
    await outlineItem(editor.page, target)
      .locator('> [data-section-workflow] > [data-section-comment]', { hasText: 'Thiếu số liệu tháng 6' })
      .waitFor();
    // Returned is a draft again: the department keeps writing.
    await editor.page.locator(`section[data-section-id="${target}"].section-editable`).waitFor();
  });

  it('the secretary edits the heading form and every client sees it', async () => {
    expect(await editor.page.locator('[data-open-forms]').count()).toBe(0);
    await secretary.page.locator('[data-open-forms]').click();
    const dialog = secretary.page.locator('[data-dialog="document-forms"]');
    await dialog.locator('input[name="header.number"]').fill('99-BC/ĐU');
    await dialog.locator('input[name="closing.name"]').fill('Nguyễn Văn Ký');
    await dialog.locator('[data-save-forms]').click();
    await dialog.waitFor({ state: 'detached' });
    await editor.page.locator('.report-header-number', { hasText: 'Số 99-BC/ĐU' }).waitFor();
    await editor.page.locator('.closing-name', { hasText: 'Nguyễn Văn Ký' }).waitFor();
  });

  it('the export menu downloads a DOCX', async () => {
    await editor.page.locator('[data-export-toggle]').click();
    const download = editor.page.waitForEvent('download');
    await editor.page.locator('[data-export-format="docx"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await editor.page.locator('[data-export-status="done"]').waitFor();
  });

  it('raised no page errors', () => {
    for (const window of [editor, secretary]) {
      // The previous-period panel (client/admin) asks for last period's text of the section under
      // the caret and gets 404 on a report made without one: expected, and not this area's.
      const previous404 = window.errors.filter((line) => /^http 404: .*\/previous\//.test(line));
      const unexpected = window.errors.filter(
        (line) => !previous404.includes(line) && !line.startsWith('console: Failed to load resource'),
      );
      expect(unexpected).toEqual([]);
      const failedLoads = window.errors.filter((line) => line.startsWith('console: Failed to load resource'));
      expect(failedLoads.length).toBe(previous404.length);
    }
  });
});
