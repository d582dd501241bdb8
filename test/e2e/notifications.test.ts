// Notifications in real Chromium against the real server (issue 16): when the secretary returns a
// section with a comment, its department's editor sees a toast live and, after a reload, finds it
// in the inbox behind the header's bell; an editor of another department gets nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let editor: Window;
let otherEditor: Window;
let secretary: Window;
/** A section of the editor's department. */
let target: string;
const COMMENT = 'Bổ sung số liệu tháng 6 giúp Văn phòng';

const outlineItem = (page: Page, id: string) => page.locator(`li[data-outline-section="${id}"]`);
const bell = (page: Page) => page.locator('.app-header .notification-bell');

async function openSectionMenu(page: Page, id: string) {
  const toggle = outlineItem(page, id).locator('> [data-section-workflow] > [data-section-menu]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return outlineItem(page, id).locator('> [data-section-workflow] > .section-workflow-panel');
}

/** The user's inbox as the server holds it, read with the page's own session. */
function serverInbox(window: Window): Promise<{ unread: number; notifications: { kind: string }[] }> {
  return window.page.evaluate(async () => {
    const token = JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null').token;
    const response = await fetch('/api/notifications', { headers: { Authorization: `Bearer ${token}` } });
    return response.json();
  });
}

beforeAll(async () => {
  server = await startDemoServer('notifications');
  browser = await launchChromium();
  [editor, otherEditor, secretary] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.editorB, DEMO.password),
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
  ]);
  reportId = (await secretary.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await Promise.all([editor, secretary].map((window) => openReport(window, server.url, reportId)));
  target =
    (await secretary.page.evaluate(
      (department) =>
        document
          .querySelector(`.report-document section[data-owner="${department}"]`)
          ?.getAttribute('data-section-id') ?? null,
      editor.user.departmentId,
    )) ?? '';
  expect(target).not.toBe('');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('notifications', () => {
  it('a returned section reaches its editor live as a toast, with the comment, and nobody else', async () => {
    // Every stream is listening before anything happens (the other editor stays on the report list).
    await Promise.all(
      [editor, otherEditor, secretary].map((w) =>
        bell(w.page).and(w.page.locator('[data-stream="open"]')).waitFor(),
      ),
    );

    let panel = await openSectionMenu(editor.page, target);
    await panel.locator('[data-workflow-action="submit"]').click();
    // The secretary is told of the submission.
    await secretary.page.locator('.notification-toast[data-notification-kind="submit"]').waitFor();

    panel = await openSectionMenu(secretary.page, target);
    await panel.locator('[data-workflow-action="return"]').click();
    await panel.locator('textarea[name="comment"]').fill(COMMENT);
    await panel.locator('[data-workflow-action="return-confirm"]').click();

    const toast = editor.page.locator('.notification-toast[data-notification-kind="return"]');
    await toast.waitFor();
    expect(await toast.textContent()).toContain(COMMENT);
    expect(await toast.textContent()).toContain('trả lại');
    await bell(editor.page).and(editor.page.locator('[data-unread="1"]')).waitFor();
    await editor.page.screenshot({ path: screenshotPath('notifications-toast.png') });

    // The other department: no toast, no count, an empty inbox on the server.
    expect(await otherEditor.page.locator('.notification-toast').count()).toBe(0);
    expect(await bell(otherEditor.page).getAttribute('data-unread')).toBe('0');
    expect(await serverInbox(otherEditor)).toEqual({ notifications: [], unread: 0 });
  });

  it('after a reload the notification is in the inbox; opening it marks it read', async () => {
    await editor.page.reload();
    await bell(editor.page).and(editor.page.locator('[data-unread="1"]')).waitFor();
    await bell(editor.page).click();
    const item = editor.page.locator(
      '.notification-panel .notification-item[data-notification-kind="return"]',
    );
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.textContent()).toContain(COMMENT);
    await editor.page.screenshot({ path: screenshotPath('notifications-inbox.png') });

    // The English switch words it in English.
    await editor.page.locator('.lang-switch select').selectOption('en');
    expect(await item.textContent()).toContain('returned section');
    await editor.page.locator('.lang-switch select').selectOption('vi');

    // Scrolled far away from the section first, so following the link must bring it back.
    const inView = (id: string) =>
      editor.page.evaluate((sectionId) => {
        const box = document
          .querySelector(`.report-document [data-section-id="${sectionId}"]`)
          ?.getBoundingClientRect();
        return box !== undefined && box.top < window.innerHeight && box.bottom > 0;
      }, id);
    await editor.page.evaluate(() => document.scrollingElement?.scrollTo(0, document.body.scrollHeight));
    expect(await inView(target)).toBe(false);
    await item.locator('a').click();
    await bell(editor.page).and(editor.page.locator('[data-unread="0"]')).waitFor();
    expect(new URL(editor.page.url()).pathname).toBe(`/reports/${reportId}`);
    // It leads to the section: brought into view.
    await editor.page.waitForFunction((id) => {
      const box = document
        .querySelector(`.report-document [data-section-id="${id}"]`)
        ?.getBoundingClientRect();
      return box !== undefined && box.top < window.innerHeight && box.bottom > 0;
    }, target);
    expect((await serverInbox(editor)).unread).toBe(0);
    expect(editor.errors).toEqual([]);
    expect(otherEditor.errors).toEqual([]);
  });
});
