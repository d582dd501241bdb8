// Outline editing in the browser: the secretary builds a report from the blank template — adds
// part III with two sub-sections, moves one up (keyboard), demotes another (menu), deletes one
// (confirmed, then undone and deleted again) — while an editor in a second browser watches the
// numbers change live in the outline and in the document. The editor is offered no restructuring
// of the secretary's parts and a shortcut there is refused with a message (the server's refusal
// of a crafted update is in test/integration/guard-structure.test.ts). An outline click shows the
// heading below the sticky bars; the appendix is an outline entry.
import type { Editor } from '@tiptap/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let secretary: Window;
let editor: Window;

/** The outline as "number title" lines, in order. */
function outlineLines(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('li[data-outline-section]')].map((li) => {
      const row = li.querySelector(':scope > .outline-item');
      const number = row?.querySelector('.outline-number')?.textContent ?? '';
      const title = row?.querySelector('.outline-title')?.textContent ?? '';
      return `${number} ${title}`;
    }),
  );
}

/** The numbers shown in front of the document's section titles, in order. */
function documentNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.report-document [data-section-number]')].map(
      (el) => el.getAttribute('data-section-number') ?? '',
    ),
  );
}

/** Wait until the outline's lines after the first two parts are `tail`, and the document's numbers follow. */
async function expectPartThree(page: Page, tail: string[], numbers: string[]) {
  try {
    await page.waitForFunction(
      ({ tail, numbers }) => {
        const lines = [...document.querySelectorAll('li[data-outline-section]')].map((li) => {
          const row = li.querySelector(':scope > .outline-item');
          return `${row?.querySelector('.outline-number')?.textContent ?? ''} ${row?.querySelector('.outline-title')?.textContent ?? ''}`;
        });
        const shown = [...document.querySelectorAll('.report-document [data-section-number]')].map((el) =>
          el.getAttribute('data-section-number'),
        );
        return (
          JSON.stringify(lines.slice(2)) === JSON.stringify(tail) &&
          JSON.stringify(shown) === JSON.stringify(numbers)
        );
      },
      { tail, numbers },
      { timeout: 20_000 },
    );
  } catch {
    // Say what was shown instead.
    expect({ outline: (await outlineLines(page)).slice(2), numbers: await documentNumbers(page) }).toEqual({
      outline: tail,
      numbers,
    });
  }
}

async function bothShow(tail: string[], numbers: string[]) {
  await Promise.all([secretary, editor].map((w) => expectPartThree(w.page, tail, numbers)));
}

/** The outline entry titled `title`. */
function entry(page: Page, title: string) {
  return page.locator('li[data-outline-section]').filter({
    has: page.locator(':scope > .outline-item .outline-title', { hasText: new RegExp(`^${title}$`) }),
  });
}

/** The entry's own button (its sub-entries left out). */
function row(page: Page, title: string) {
  return entry(page, title).locator(':scope > .outline-item');
}

async function menu(page: Page, title: string, op: string) {
  await entry(page, title).locator(':scope > .outline-menu .outline-menu-button').click();
  await page.locator(`[role=menu] [data-outline-op=${op}]`).click();
}

/** Wait for the caret in an empty new title (as the editor sees it), then type the title. */
async function typeNewTitle(page: Page, title: string) {
  await page.waitForFunction(() => {
    const root = document.querySelector('.report-document') as (Element & { editor?: Editor }) | null;
    const parent = root?.editor?.state.selection.$from.parent;
    return parent?.type.name === 'sectionTitle' && parent.content.size === 0 && root?.editor?.isFocused;
  });
  await page.keyboard.type(title);
}

/** Where a heading sits against the sticky bars after an outline click. */
function headingBelowBars(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel)?.getBoundingClientRect();
    const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect();
    const header = document.querySelector('.app-header')?.getBoundingClientRect();
    if (!target || !toolbar || !header) return null;
    return {
      top: target.top,
      barsBottom: Math.max(toolbar.bottom, header.bottom),
      height: window.innerHeight,
    };
  }, selector);
}

beforeAll(async () => {
  server = await startDemoServer('outline');
  browser = await launchChromium();
  [secretary, editor] = await Promise.all([
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
  ]);
  const created = await secretary.page.evaluate(async () => {
    const session = JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null');
    const response = await fetch('/api/reports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: 'blank', title: 'Báo cáo thử dàn ý' }),
    });
    return { status: response.status, body: await response.json() };
  });
  expect(created.status).toBe(201);
  const reportId = created.body.id as string;
  await Promise.all([secretary, editor].map((w) => openReport(w, server.url, reportId)));
});

afterAll(async () => {
  await secretary?.page.screenshot({ path: screenshotPath('outline-secretary.png') }).catch(() => {});
  await editor?.page.screenshot({ path: screenshotPath('outline-editor.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('outline editing', () => {
  it('starts from the blank template: two parts and the appendix entry', async () => {
    await bothShow([], ['I.', 'II.']);
    expect(await secretary.page.locator('[data-outline-appendix]').textContent()).toContain('PHỤ LỤC');
  });

  it('adds part III with two sub-sections, the editor seeing the numbers at once', async () => {
    const page = secretary.page;
    const partTwo = (await outlineLines(page))[1].replace(/^II\. /, '');
    await menu(page, partTwo, 'addAfter');
    await typeNewTitle(page, 'Phần ba');
    await bothShow(['III. Phần ba'], ['I.', 'II.', 'III.']);

    await menu(page, 'Phần ba', 'addChild');
    await typeNewTitle(page, 'Mục A');
    // The key to add a section after the one with the caret.
    await page.keyboard.press('Alt+Shift+Enter');
    await typeNewTitle(page, 'Mục B');
    await bothShow(['III. Phần ba', '1. Mục A', '2. Mục B'], ['I.', 'II.', 'III.', '1.', '2.']);
  });

  it('moves a sub-section up with the keyboard', async () => {
    // The caret is still in "Mục B"'s title.
    await secretary.page.keyboard.press('Alt+Shift+ArrowUp');
    await bothShow(['III. Phần ba', '1. Mục B', '2. Mục A'], ['I.', 'II.', 'III.', '1.', '2.']);
  });

  it('demotes a sub-section from the menu', async () => {
    await menu(secretary.page, 'Mục A', 'demote');
    await bothShow(['III. Phần ba', '1. Mục B', '1.1. Mục A'], ['I.', 'II.', 'III.', '1.', '1.1.']);
  });

  it('deletes a section after confirmation, and Undo brings it back', async () => {
    const page = secretary.page;
    await menu(page, 'Mục A', 'delete');
    const dialog = page.locator('[data-dialog=delete-section]');
    expect(await dialog.textContent()).toContain('1.1. Mục A');
    // Cancelling deletes nothing.
    await dialog.locator('.button-secondary').click();
    await dialog.waitFor({ state: 'detached' });
    await menu(page, 'Mục A', 'delete');
    await dialog.locator('[data-confirm-delete]').click();
    await bothShow(['III. Phần ba', '1. Mục B'], ['I.', 'II.', 'III.', '1.']);

    await page.locator('[data-outline-undo]').click();
    await bothShow(['III. Phần ba', '1. Mục B', '1.1. Mục A'], ['I.', 'II.', 'III.', '1.', '1.1.']);

    await menu(page, 'Mục A', 'delete');
    await dialog.locator('[data-confirm-delete]').click();
    await bothShow(['III. Phần ba', '1. Mục B'], ['I.', 'II.', 'III.', '1.']);
  });

  it('shows a clicked heading below the sticky header and toolbar, and the appendix too', async () => {
    const page = secretary.page;
    // The short report must be able to scroll its last part to the top.
    await page.evaluate(() => {
      document.body.style.paddingBottom = '1500px';
      window.scrollTo(0, document.body.scrollHeight);
    });
    await row(page, 'Phần ba').click();
    const partThree = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('li[data-outline-section]')];
      return rows[2]?.getAttribute('data-outline-section') ?? '';
    });
    const placed = await headingBelowBars(page, `.report-document [data-section-id="${partThree}"]`);
    expect(placed).not.toBeNull();
    expect(placed!.top).toBeGreaterThanOrEqual(placed!.barsBottom);
    expect(placed!.top).toBeLessThan(placed!.barsBottom + 60);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-outline-appendix] button').click();
    const appendix = await headingBelowBars(page, '.report-document [data-indicator-table]');
    expect(appendix!.top).toBeGreaterThanOrEqual(appendix!.barsBottom);
    expect(appendix!.top).toBeLessThan(appendix!.barsBottom + 60);
  });

  it('offers the editor no restructuring of the secretary’s parts and refuses the shortcut with a message', async () => {
    const page = editor.page;
    expect(await page.locator('.outline-menu-button').count()).toBe(0);
    expect(await page.locator('.outline-item[draggable=true]').count()).toBe(0);
    await page.locator('.report-document .section-title', { hasText: 'Mục B' }).click();
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await page.locator('[data-outline-toast]').waitFor();
    expect(await page.locator('[data-outline-toast]').textContent()).toContain('Không thực hiện được');
    await bothShow(['III. Phần ba', '1. Mục B'], ['I.', 'II.', 'III.', '1.']);
    expect(editor.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });
});

describe('outline drag and drop', () => {
  it('moves a sub-section into another part when dropped on the middle of its entry', async () => {
    const page = secretary.page;
    await page.evaluate(() => window.scrollTo(0, 0));
    const partTwo = (await outlineLines(page))[1].replace(/^II\. /, '');
    await row(page, 'Mục B').dragTo(row(page, partTwo));
    await bothShow(['1. Mục B', 'III. Phần ba'], ['I.', 'II.', '1.', 'III.']);
  });
});
