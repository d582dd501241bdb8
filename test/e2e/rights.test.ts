// Where rights stop, in Chromium against the real server: an editor typing into another
// department's section is told whose it is; the secretary approving a section is told which
// unsubmitted sub-sections it locks; afterwards the department sees them approved, is offered no
// "Nộp" and is told why typing there does nothing; a viewer can search (find only).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionSummary } from '../../shared/types';
import { documentText, launchChromium, openReport, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let editor: Window;
let secretary: Window;

const outlineItem = (page: Page, id: string) => page.locator(`li[data-outline-section="${id}"]`);
const outlineStatus = (page: Page, id: string, status: string) =>
  outlineItem(page, id).locator(`> button .status-chip.status-${status}`);

async function openSectionMenu(page: Page, id: string) {
  const toggle = outlineItem(page, id).locator('> [data-section-workflow] > [data-section-menu]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return outlineItem(page, id).locator('> [data-section-workflow] > .section-workflow-panel');
}

/** The report outline as the REST API gives it, read with the window's own token. */
function outline(window: Window): Promise<SectionSummary[]> {
  return window.page.evaluate(async (id) => {
    const token = JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null').token;
    const response = await fetch(`/api/reports/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()).sections;
  }, reportId);
}

const flat = (sections: readonly SectionSummary[]): SectionSummary[] =>
  sections.flatMap((section) => [section, ...flat(section.children)]);

/** Click into the first paragraph of a section and type: the caret is there, the text is refused. */
async function typeInto(window: Window, sectionSelector: string, text: string) {
  await window.page.locator(`.report-document ${sectionSelector} > p`).first().click();
  await window.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await window.page.keyboard.press('End');
  await window.page.keyboard.type(text);
}

beforeAll(async () => {
  server = await startDemoServer('rights');
  browser = await launchChromium();
  secretary = await openWindow(browser, server.url, DEMO.secretary, DEMO.password);
  reportId = (await secretary.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await openReport(secretary, server.url, reportId);
});

afterAll(async () => {
  await editor?.page.screenshot({ path: screenshotPath('rights-editor.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('where rights stop', () => {
  it("tells an editor typing in another department's section whose it is, and changes nothing", async () => {
    const baochi = await openWindow(browser, server.url, DEMO.editorA, DEMO.password);
    await openReport(baochi, server.url, reportId);
    const before = await documentText(baochi.page);
    await typeInto(baochi, 'section[data-owner="buuchinh"]', 'xyzzy');
    const notice = baochi.page.locator('[data-edit-denied]');
    await notice.waitFor({ state: 'visible' });
    // Whose it is, and (issue #18) that a suggestion is still possible, with the switch.
    expect(await notice.textContent()).toBe(
      'Mục này do Phòng Bưu chính - Viễn thông phụ trách. Liên hệ văn phòng / thư ký để được giao. Bạn vẫn có thể đề xuất thay đổi. Chuyển sang Đề xuất',
    );
    expect(await notice.locator('[data-notice-action]').textContent()).toBe('Chuyển sang Đề xuất');
    expect(await documentText(baochi.page)).toBe(before);
    // The disabled toolbar buttons say the same.
    const bold = baochi.page.locator('.toolbar [data-action="bold"]');
    expect(await bold.isDisabled()).toBe(true);
    expect(await bold.getAttribute('title')).toContain('Phòng Bưu chính - Viễn thông phụ trách');
    expect(baochi.errors).toEqual([]);
    await baochi.context.close();
  });

  it('asks the secretary before an approval locks unsubmitted sub-sections; the department sees them approved', async () => {
    const sections = flat(await outline(secretary));
    const parent = sections.find(
      (section) => section.owner !== null && section.children.some((child) => child.owner === null),
    );
    if (!parent) throw new Error('the demo report has no assigned section with inheriting sub-sections');
    const children = flat(parent.children);
    // A sub-section of the department itself (the others belong to other departments).
    const own = children.find((child) => child.effectiveOwner === parent.owner) as SectionSummary;
    // Demo usernames are the department ids.
    editor = await openWindow(browser, server.url, parent.owner as string, DEMO.password);
    await openReport(editor, server.url, reportId);
    await outlineStatus(editor.page, children[0].id, 'draft').waitFor();

    const panel = await openSectionMenu(secretary.page, parent.id);
    await panel.locator('[data-workflow-action="approve"]').click();
    const confirm = panel.locator('[data-approve-confirm]');
    await confirm.waitFor();
    expect(await confirm.locator('p').textContent()).toBe(
      `Phê duyệt mục này sẽ khóa cả ${children.length} mục con chưa nộp:`,
    );
    expect(await confirm.locator('li').allTextContents()).toEqual(
      children.map((child) => `${child.number} ${child.title}`),
    );
    await confirm.locator('[data-workflow-action="approve-confirm"]').click();
    await outlineStatus(secretary.page, parent.id, 'approved').waitFor();
    for (const child of children) await outlineStatus(secretary.page, child.id, 'approved').waitFor();
    expect(
      await outlineItem(secretary.page, children[0].id).locator('[data-approved-with]').textContent(),
    ).toBe(`Đã duyệt cùng mục ${parent.number}`);

    // The department, on its next poll: approved sub-sections, no "Nộp" on them.
    for (const child of children) await outlineStatus(editor.page, child.id, 'approved').waitFor();
    const childItem = outlineItem(editor.page, own.id);
    expect(await childItem.locator('[data-section-menu]').count()).toBe(0);
    expect(await childItem.locator('[data-workflow-action="submit"]').count()).toBe(0);
    // Typing there is refused with the reason.
    const before = await documentText(editor.page);
    await typeInto(editor, `section[data-section-id="${own.id}"]`, 'xyzzy');
    const notice = editor.page.locator('[data-edit-denied]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain('phê duyệt cùng mục cha');
    expect(await documentText(editor.page)).toBe(before);
    expect(editor.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });

  it('lets a viewer search the report, without replace', async () => {
    const viewer = await openWindow(browser, server.url, 'lanhdao', DEMO.password);
    await openReport(viewer, server.url, reportId);
    const { page } = viewer;
    await page.locator('.toolbar [data-action="search"]').waitFor();
    expect(await page.locator('.toolbar [data-action="bold"]').count()).toBe(0);
    expect(await page.locator('.toolbar [data-action="search-replace"]').count()).toBe(0);
    await page.keyboard.press('Control+h');
    const query = page.locator('[data-search-query]');
    await query.waitFor();
    expect(await page.locator('[data-search-replacement]').count()).toBe(0);
    await query.fill('Bưu chính');
    await page.waitForFunction(() =>
      /^\d+\/\d+$/.test(document.querySelector('[data-search-count]')?.textContent ?? ''),
    );
    await query.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-search-count]')?.textContent?.startsWith('1/'),
    );
    expect(await page.locator('.report-document .search-current').count()).toBeGreaterThan(0);
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  });
});
