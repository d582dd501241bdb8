// Ordinary tables in the browser: an editor inserts a table in her own section from the toolbar,
// types in its cells, adds a row, drops a column and toggles the header row; the other department
// sees every step live, cannot insert a table in her section, and the table goes away for both when
// it is deleted.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openReport,
  openWindow,
  screenshotPath,
  type TestWindow,
  type Window,
  waitForText,
} from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let a: Window;
let b: Window;

async function placeCaret(target: Locator) {
  await target.click();
  const element = await target.elementHandle();
  await target
    .page()
    .waitForFunction((el) => (window as unknown as TestWindow).caretIn(el as Element), element, {
      polling: 'raf',
    });
}

const ownParagraphs = (window: Window): Locator =>
  window.page.locator(`section.section-editable[data-owner="${window.user.departmentId}"] > p`);
const sectionOf = (window: Window, of: Window): Locator =>
  window.page.locator(`section[data-owner="${of.user.departmentId}"]`).first();
const tool = (window: Window, action: string) => window.page.locator(`.toolbar [data-action="${action}"]`);

/** Rows × columns of the first table in A's section, as `window` shows it. */
function shape(window: Window): Promise<[number, number, number]> {
  return sectionOf(window, a)
    .locator('table')
    .first()
    .evaluate((table) => [
      table.querySelectorAll('tr').length,
      table.querySelector('tr')?.children.length ?? 0,
      table.querySelectorAll('th').length,
    ]);
}

async function waitForShape(window: Window, expected: [number, number, number]) {
  await expect.poll(() => shape(window), { timeout: 30_000 }).toEqual(expected);
}

beforeAll(async () => {
  server = await startDemoServer('table');
  browser = await launchChromium();
  [a, b] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.editorB, DEMO.password),
  ]);
  const reportId = (await a.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await Promise.all([a, b].map((w) => openReport(w, server.url, reportId)));
});

afterAll(async () => {
  await a?.page.screenshot({ path: screenshotPath('table-editor-a.png') }).catch(() => {});
  await b?.page.screenshot({ path: screenshotPath('table-editor-b.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('ordinary tables', () => {
  it('inserts a table from the toolbar and types in its cells; the other editor sees it', async () => {
    const paragraph = ownParagraphs(a).first();
    const before = await paragraph.textContent();
    await placeCaret(paragraph);
    await tool(a, 'insert-table').click();
    const picker = a.page.locator('.table-picker');
    await picker.locator('input[name=rows]').fill('2');
    await picker.locator('input[name=cols]').fill('3');
    await picker.locator('[data-action="insert-table-confirm"]').click();
    await a.page.keyboard.type('Đơn vị');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.type('Số văn bản');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.type('Sở Y tế');
    await waitForShape(a, [2, 3, 3]);
    await waitForShape(b, [2, 3, 3]);
    await waitForText(b.page, 'Sở Y tế');
    const header = await sectionOf(b, a).locator('table th').first().textContent();
    expect(header).toBe('Đơn vị');
    // The table follows the paragraph, which stays whole (the caret was inside it).
    expect(await paragraph.textContent()).toBe(before);
    const next = await paragraph.evaluate((p) => p.nextElementSibling?.querySelector('table') !== null);
    expect(next).toBe(true);
  });

  it('adds a row, deletes a column and toggles the header row, live for the other editor', async () => {
    await tool(a, 'table-add-row').click();
    await waitForShape(b, [3, 3, 3]);
    // The caret is in the first column: it goes with "Đơn vị" and "Sở Y tế".
    await tool(a, 'table-delete-column').click();
    await waitForShape(b, [3, 2, 2]);
    // Cell texts only: the other editor's caret label sits inside the table.
    const cells = () =>
      sectionOf(b, a)
        .locator('table')
        .first()
        .evaluate((table) =>
          [...table.querySelectorAll('p')].map((p) => {
            const copy = p.cloneNode(true) as HTMLElement;
            for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
            return copy.textContent;
          }),
        );
    await expect.poll(cells, { timeout: 30_000 }).toEqual(['Số văn bản', '', '', '', '', '']);
    await tool(a, 'table-toggle-header').click();
    await waitForShape(b, [3, 2, 0]);
    await tool(a, 'table-toggle-header').click();
    await waitForShape(b, [3, 2, 2]);
  });

  it('offers no table in another department’s section, and one in the editor’s own', async () => {
    await placeCaret(sectionOf(b, a).locator(':scope > p').first());
    await expect.poll(() => tool(b, 'insert-table').isDisabled(), { timeout: 30_000 }).toBe(true);
    await placeCaret(ownParagraphs(b).first());
    await expect.poll(() => tool(b, 'insert-table').isDisabled(), { timeout: 30_000 }).toBe(false);
  });

  it('deletes the table for both, with no errors in either page', async () => {
    await placeCaret(sectionOf(a, a).locator('table td p').first());
    await tool(a, 'table-delete').click();
    await expect.poll(() => sectionOf(b, a).locator('table').count(), { timeout: 30_000 }).toBe(0);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
