// Suggesting mode in Chromium against the real server, three people at once: the secretary, in
// suggesting mode, changes a sentence of a department's section (an insertion and a deletion); the
// department's editor sees both live in the secretary's name and colour, accepts one and rejects
// the other; the leadership (viewer) sees the result live; all the same after a reload. Then an
// editor suggests in another department's section, and the structural edits suggesting mode refuses.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionEntry } from '../../shared/review/entries';
import { launchChromium, openReport, openWindow, screenshotPath, type Window, waitForText } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let secretary: Window;
let owner: Window;
let viewer: Window;

/** The demo's department whose section the secretary suggests in, and its colour. */
const DEPARTMENT = 'buuchinh';
/** The secretary's department (Văn phòng) colour, as the browser computes it. */
const SECRETARY_COLOR = 'rgb(37, 99, 235)';

const sectionParagraph = (page: Page): Locator =>
  page.locator(`.report-document section[data-owner="${DEPARTMENT}"] > p`).first();

/** A paragraph's text without other users' caret labels (which sit inside the text). */
function textOf(paragraph: Locator): Promise<string> {
  return paragraph.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

/**
 * Select characters [from, to) of a paragraph (counted in its text; `to` omitted: a caret at
 * `from`; negative: from the end) through the editor, as a click or a drag would, and wait until
 * the browser shows it.
 */
async function select(paragraph: Locator, from: number, to?: number) {
  await paragraph.evaluate(
    (el, [start, end]) => {
      type View = {
        posAtDOM(node: Node, offset: number): number;
        state: { doc: { resolve(pos: number): { end(): number } } };
      };
      type Chain = {
        focus(): Chain;
        setTextSelection(range: { from: number; to: number }): Chain;
        run(): boolean;
      };
      const root = document.querySelector('.report-document') as Element & {
        editor: { view: View; chain(): Chain };
      };
      const { view } = root.editor;
      const begin = view.posAtDOM(el, 0);
      const finish = view.state.doc.resolve(begin).end();
      const at = (offset: number) => (offset < 0 ? finish + offset + 1 : begin + offset);
      root.editor
        .chain()
        .focus()
        .setTextSelection({ from: at(start), to: at(end ?? start) })
        .run();
    },
    [from, to] as const,
  );
  await paragraph.page().waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
}

async function chooseMode(window: Window, mode: 'suggesting' | 'editing') {
  await window.page.locator(`.toolbar [data-suggest-choice="${mode}"]`).click();
  await window.page.locator(`.toolbar [data-suggest-mode="${mode}"]`).waitFor();
}

/** The decision entries of the report's review map, read from the window's live Y.Doc. */
function decisions(page: Page): Promise<DecisionEntry[]> {
  return page.evaluate(() => {
    type Ext = { name: string; options: { document?: { getMap(name: string): { toJSON(): object } } } };
    const root = document.querySelector('.report-document') as
      | (Element & { editor?: { extensionManager: { extensions: Ext[] } } })
      | null;
    const collaboration = root?.editor?.extensionManager.extensions.find((e) => e.name === 'collaboration');
    const map = collaboration?.options.document?.getMap('review').toJSON() ?? {};
    return Object.values(map).filter((entry) => (entry as { kind: string }).kind === 'decision');
  }) as Promise<DecisionEntry[]>;
}

/** Rest the pointer on a suggestion (on its first line: it may wrap) until its card shows; the card. */
async function openCard(page: Page, suggestion: Locator): Promise<Locator> {
  await suggestion.scrollIntoViewIfNeeded();
  const rect = await suggestion.evaluate((el) => {
    const first = el.getClientRects()[0];
    return { x: first.x + Math.min(first.width / 2, 6), y: first.y + first.height / 2 };
  });
  await page.mouse.move(rect.x, rect.y);
  const card = page.locator('.suggestion-card:not([hidden])');
  await card.waitFor();
  return card;
}

beforeAll(async () => {
  server = await startDemoServer('review-suggest');
  browser = await launchChromium();
  secretary = await openWindow(browser, server.url, DEMO.secretary, DEMO.password);
  reportId = (await secretary.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  owner = await openWindow(browser, server.url, DEPARTMENT, DEMO.password);
  viewer = await openWindow(browser, server.url, 'lanhdao', DEMO.password);
  await Promise.all([secretary, owner, viewer].map((window) => openReport(window, server.url, reportId)));
});

afterAll(async () => {
  await owner?.page.screenshot({ path: screenshotPath('review-suggestions-owner.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('suggesting mode', () => {
  it("the secretary suggests in a department's section; its editor accepts one and rejects the other, live and after a reload", async () => {
    const paragraph = sectionParagraph(secretary.page);
    const original = await textOf(paragraph);
    const firstWord = original.split(' ')[0];
    expect(firstWord.length).toBeGreaterThan(1);

    await chooseMode(secretary, 'suggesting');
    // Select the first word and delete it: struck through, not removed.
    await select(paragraph, 0, firstWord.length);
    await secretary.page.keyboard.press('Delete');
    // Then type at the end of the paragraph.
    await select(paragraph, -1);
    await secretary.page.keyboard.type(' đề xuất thêm');

    const inserted = (page: Page) =>
      sectionParagraph(page).locator('ins[data-suggestion][data-author="u-secretary"]');
    const deleted = (page: Page) =>
      sectionParagraph(page).locator('del[data-suggestion][data-author="u-secretary"]');
    for (const window of [secretary, owner, viewer]) {
      await inserted(window.page).waitFor();
      await deleted(window.page).waitFor();
      expect(await textOf(inserted(window.page))).toBe(' đề xuất thêm');
      expect(await textOf(deleted(window.page))).toBe(firstWord);
    }
    // The struck text is still in the document for everyone.
    expect(await textOf(sectionParagraph(owner.page))).toBe(`${original} đề xuất thêm`);
    // In the secretary's colour, with her name and the time on the card.
    for (const locator of [inserted(owner.page), deleted(owner.page)])
      await expect.poll(() => locator.evaluate((el) => getComputedStyle(el).color)).toBe(SECRETARY_COLOR);
    const card = await openCard(owner.page, inserted(owner.page));
    expect(await card.locator('[data-card-author]').textContent()).toBe('Nguyễn Thị Thư Ký (Văn phòng)');
    expect(await card.locator('[data-card-time]').textContent()).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(await card.locator('[data-card-kind="insert"]').textContent()).toBe('Thêm:  đề xuất thêm');
    // The viewer sees who suggested it but may not decide.
    const viewerCard = await openCard(viewer.page, deleted(viewer.page));
    expect(await viewerCard.locator('[data-decide]').count()).toBe(0);

    // The department accepts the insertion…
    await card.locator('[data-decide="accepted-one"]').click();
    const expected = `${original} đề xuất thêm`;
    for (const window of [secretary, owner, viewer])
      await window.page.waitForFunction(
        (el) => el?.querySelector('ins[data-suggestion]') === null,
        await sectionParagraph(window.page).elementHandle(),
      );
    // …and rejects the deletion: the first word stays.
    const ownerCard = await openCard(owner.page, deleted(owner.page));
    await ownerCard.locator('[data-decide="rejected-one"]').click();
    for (const window of [secretary, owner, viewer]) {
      await window.page.waitForFunction(
        (el) => el?.querySelector('[data-suggestion]') === null,
        await sectionParagraph(window.page).elementHandle(),
      );
      expect(await textOf(sectionParagraph(window.page))).toBe(expected);
    }
    // Both decisions are recorded in the review map, by the department's editor.
    const recorded = await decisions(viewer.page);
    expect(
      recorded.map((d) => [d.suggestionKind, d.decision, d.authorId, d.suggestionAuthorId]).sort(),
    ).toEqual([
      ['delete', 'rejected', 'u-buuchinh', 'u-secretary'],
      ['insert', 'accepted', 'u-buuchinh', 'u-secretary'],
    ]);
    expect(recorded.find((d) => d.suggestionKind === 'delete')?.text).toBe(firstWord);

    // The same after a reload, in every window.
    for (const window of [secretary, owner, viewer]) {
      await openReport(window, server.url, reportId);
      await waitForText(window.page, expected);
      expect(await textOf(sectionParagraph(window.page))).toBe(expected);
      expect(await sectionParagraph(window.page).locator('[data-suggestion]').count()).toBe(0);
    }
    expect((await decisions(owner.page)).length).toBe(2);
    // Nobody's socket was closed for a refused change.
    for (const window of [secretary, owner, viewer]) {
      expect(window.errors).toEqual([]);
      expect(await window.page.locator('[data-notice]').count()).toBe(0);
    }
  });

  it('refuses structural edits in suggesting mode with a notice, sending nothing', async () => {
    const paragraphs = (page: Page) =>
      page.locator(`.report-document section[data-owner="${DEPARTMENT}"] > p`);
    const count = await paragraphs(owner.page).count();
    const paragraph = sectionParagraph(secretary.page);
    const text = await textOf(paragraph);
    await select(paragraph, -1);
    await secretary.page.keyboard.press('Enter');
    const notice = secretary.page.locator('[data-edit-denied]:not([hidden])');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('chỉ đề xuất được chữ trong một đoạn');
    // What follows the Enter reaches the department; the paragraph was not split.
    await secretary.page.keyboard.type('!');
    await waitForText(owner.page, `${text}!`);
    expect(await paragraphs(owner.page).count()).toBe(count);
    expect(await sectionParagraph(owner.page).locator('ins[data-author="u-secretary"]').textContent()).toBe(
      '!',
    );
    await chooseMode(secretary, 'editing');
  });

  it("an editor suggests in another department's section: offered the switch, then a suggestion in the editor's colour", async () => {
    const baochi = await openWindow(browser, server.url, DEMO.editorA, DEMO.password);
    await openReport(baochi, server.url, reportId);
    const paragraph = sectionParagraph(baochi.page);
    const before = await textOf(paragraph);
    await select(paragraph, -1);
    await baochi.page.keyboard.type('x');
    const notice = baochi.page.locator('[data-edit-denied]:not([hidden])');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Bạn vẫn có thể đề xuất thay đổi.');
    expect(await textOf(paragraph)).toBe(before);
    await notice.locator('[data-notice-action]').click();
    await baochi.page.locator('.toolbar [data-suggest-mode="suggesting"]').waitFor();
    await baochi.page.keyboard.type(' góp thêm');
    const suggestion = sectionParagraph(owner.page).locator('ins[data-author="u-baochi"]');
    await suggestion.waitFor();
    expect(await textOf(suggestion)).toBe(' góp thêm');
    // The author's colour rule may be written a moment after the mark is drawn (a new author).
    await expect
      .poll(() => suggestion.evaluate((el) => getComputedStyle(el).color))
      .toBe('rgb(219, 39, 119)');
    // The owner rejects all of this author's suggestions.
    const card = await openCard(owner.page, suggestion);
    expect(await card.locator('[data-card-author]').textContent()).toBe(
      'Lê Thị Báo Chí (Phòng Thông tin - Báo chí - Xuất bản)',
    );
    await card.locator('[data-decide="rejected-author"]').click();
    await baochi.page.waitForFunction(
      (el) => el?.querySelector('[data-author="u-baochi"]') === null,
      await sectionParagraph(baochi.page).elementHandle(),
    );
    expect(await textOf(sectionParagraph(baochi.page))).toBe(before);
    expect(baochi.errors).toEqual([]);
    expect(await baochi.page.locator('[data-notice]').count()).toBe(0);
    await baochi.context.close();
  });

  it('Ctrl+Z after the department accepted one’s suggestion sends nothing the server refuses', async () => {
    const baochi = await openWindow(browser, server.url, DEMO.editorA, DEMO.password);
    await openReport(baochi, server.url, reportId);
    await chooseMode(baochi, 'suggesting');
    const paragraph = sectionParagraph(baochi.page);
    await select(paragraph, -1);
    await baochi.page.keyboard.type(' nhờ xem');
    const suggestion = sectionParagraph(owner.page).locator('ins[data-author="u-baochi"]');
    await suggestion.waitFor();
    const card = await openCard(owner.page, suggestion);
    await card.locator('[data-decide="accepted-one"]').click();
    await baochi.page.waitForFunction(
      (el) => el?.querySelector('[data-author="u-baochi"]') === null,
      await sectionParagraph(baochi.page).elementHandle(),
    );
    const accepted = await textOf(sectionParagraph(owner.page));
    expect(accepted).toContain(' nhờ xem');
    // The undo of the accepted suggestion would delete the department's text now: nothing is sent.
    await baochi.page.keyboard.press('Control+z');
    // The next suggestion arrives on the same socket: the connection was not closed with 4403.
    await baochi.page.keyboard.type('!');
    await sectionParagraph(owner.page).locator('ins[data-author="u-baochi"]', { hasText: '!' }).waitFor();
    expect(await textOf(sectionParagraph(owner.page))).toBe(`${accepted}!`);
    expect(await textOf(sectionParagraph(baochi.page))).toBe(`${accepted}!`);
    expect(await baochi.page.locator('[data-notice]').count()).toBe(0);
    expect(baochi.errors).toEqual([]);
    await baochi.context.close();
  });
});
