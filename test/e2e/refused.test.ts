// An editor typing offline in two of their sections while the secretary approves one of them: on
// reconnect the server refuses the update (4403). Nothing is lost silently: the text in the section
// that is still theirs is put back and reaches the others, the text in the approved section is
// shown in a notice to copy, and never reaches anyone. Real server, real Chromium; the editor's
// socket is cut through Playwright's WebSocket routing (test/e2e/network.ts).
import type { Browser } from 'playwright-core';
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
import { type ConnectionSwitch, connectionSwitch } from './network';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let editor: Window;
let secretary: Window;
let network: ConnectionSwitch;

/** Two of the editor's editable sections with their own paragraph, neither inside the other. */
async function twoOwnSections(window: Window): Promise<[string, string]> {
  const ids = await window.page.evaluate((department) => {
    const sections = [
      ...document.querySelectorAll<HTMLElement>(`section.section-editable[data-owner="${department}"]`),
    ].filter((section) => section.querySelector(':scope > p'));
    const first = sections[0];
    const second = sections.find((section) => !first.contains(section) && !section.contains(first));
    return [first?.dataset.sectionId, second?.dataset.sectionId];
  }, window.user.departmentId);
  if (!ids[0] || !ids[1])
    throw new Error('the demo report gives the editor fewer than two separate sections');
  return ids as [string, string];
}

/** Type `text` at the end of the first paragraph of section `id`. */
async function typeIn(window: Window, id: string, text: string) {
  await window.page.locator(`section[data-section-id="${id}"] > p`).first().click();
  await window.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await window.page.keyboard.press('End');
  await window.page.keyboard.type(text);
}

async function approve(sectionId: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO.secretary, password: DEMO.password }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${server.url}/api/reports/${reportId}/sections/${sectionId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'approved' }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  server = await startDemoServer('refused');
  browser = await launchChromium();
  [editor, secretary] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
  ]);
  network = await connectionSwitch(editor.page);
  reportId = (await editor.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await Promise.all([editor, secretary].map((w) => openReport(w, server.url, reportId)));
});

afterAll(async () => {
  if (editor) await editor.page.screenshot({ path: screenshotPath('refused-editor.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('an update refused after the section was approved meanwhile', () => {
  it('puts back what the editor may still change and shows the rest to copy', async () => {
    const [approved, stillOpen] = await twoOwnSections(editor);
    await editor.page.locator('[data-connection="connected"]').waitFor();

    await network.offline();
    await editor.page.locator('[data-connection="connected"]').waitFor({ state: 'detached' });
    const refusedText = ' viết khi mục đã được duyệt';
    const keptText = ' viết ở mục vẫn được sửa';
    await typeIn(editor, approved, refusedText);
    await typeIn(editor, stillOpen, keptText);
    await editor.page.locator('[data-connection="unsynced"]').waitFor();

    // The secretary approves the first section while the editor cannot hear about it.
    await approve(approved);
    network.online();

    // The whole offline update is refused; the page reloads from the server and sorts it out.
    const notice = editor.page.locator('[data-refused-changes]');
    await notice.waitFor({ timeout: 30_000 });
    await editor.page.screenshot({ path: screenshotPath('refused-notice.png') });
    const item = notice.locator(`[data-refused-section="${approved}"]`);
    expect(await item.getAttribute('data-refused-kind')).toBe('content');
    expect(await item.locator('[data-refused-text]').inputValue()).toContain(refusedText.trim());
    expect(await notice.textContent()).toContain('không còn quyền sửa');
    expect(await notice.locator(`[data-refused-section="${stillOpen}"]`).count()).toBe(0);

    // The other section's text was put back and travelled to the secretary; the refused one did not.
    await waitForText(secretary.page, keptText.trim());
    await waitForText(editor.page, keptText.trim());
    await editor.page.locator('[data-connection="connected"]').waitFor();
    for (const w of [editor, secretary]) expect(await documentText(w.page)).not.toContain(refusedText.trim());
    // The approved section now reads as read-only for the editor.
    await editor.page.locator(`section.section-readonly[data-section-id="${approved}"]`).waitFor();
  });

  it('shows the notice in English after the language switch', async () => {
    await editor.page.locator('header select').first().selectOption('en');
    expect(await editor.page.locator('[data-refused-changes]').textContent()).toContain('may no longer edit');
    await editor.page.locator('[data-refused-dismiss]').click();
    await editor.page.locator('[data-refused-changes]').waitFor({ state: 'detached' });
  });

  it('had no page errors', () => {
    expect([...editor.errors, ...secretary.errors].filter((error) => error.startsWith('pageerror:'))).toEqual(
      [],
    );
  });
});
