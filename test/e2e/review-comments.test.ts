// Comments (Góp ý) in three real browsers against the real server: the viewer (the leadership)
// comments on words of a department's section, that department's editor replies, the secretary
// resolves — each seen live in every window and the same after a reload; the filters (open,
// resolved, mine, my department) and the outline's open counts follow; text typed before the
// commented words by another window keeps the highlight on the same words; a thread whose words are
// deleted shows detached; an author edits and deletes their own comment. Nothing is refused: the
// server's guard must accept every entry an honest client writes (server/collab/guard-review.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let reportId: string;
let secretary: Window;
let editor: Window;
let viewer: Window;
let sectionId: string;
let words: string;

const SECTION = 'section[data-owner="baochi"]';
const COMMENT = 'Số liệu này cần đối chiếu với báo cáo quý II.';
const REPLY = 'Đã đối chiếu, số liệu khớp.';

const windows = () => [secretary, editor, viewer];
const thread = (page: Page) => page.locator('.comment-panel [data-thread-id]');
const outlineCount = (page: Page) =>
  page.locator(`li[data-outline-section="${sectionId}"] > button [data-outline-comments]`);

/** Select `text` inside the first paragraph of the section, as a mouse drag would. */
async function selectWords(page: Page, text: string): Promise<void> {
  await page.evaluate(
    ([selector, target]) => {
      const paragraph = document.querySelector(`.report-document ${selector} > p`) as HTMLElement;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(target);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        const selection = document.getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${target}" is not in one text node of the paragraph`);
    },
    [SECTION, text] as const,
  );
}

/** The text of the document's highlighted comment ranges (other users' caret labels left out). */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.report-document .comment-range')].map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return copy.textContent ?? '';
    }),
  );
}

async function waitForHighlight(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll('.report-document .comment-range')]
        .map((element) => {
          const copy = element.cloneNode(true) as HTMLElement;
          for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
          return copy.textContent;
        })
        .join('|') === expected,
    text,
  );
}

async function setFilter(page: Page, ...filters: string[]): Promise<void> {
  for (const filter of filters)
    await page.locator(`.comment-panel [data-comment-filter="${filter}"]`).click();
}

beforeAll(async () => {
  server = await startDemoServer('review-comments');
  browser = await launchChromium();
  // One window after the other: three logins and page loads at once time out on a busy box.
  secretary = await openWindow(browser, server.url, DEMO.secretary, DEMO.password);
  editor = await openWindow(browser, server.url, DEMO.editorA, DEMO.password);
  viewer = await openWindow(browser, server.url, 'lanhdao', DEMO.password);
  reportId = (await secretary.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  for (const window of windows()) await openReport(window, server.url, reportId);
  sectionId =
    (await viewer.page.locator(`.report-document ${SECTION}`).first().getAttribute('data-section-id')) ?? '';
  const paragraph =
    (await viewer.page.locator(`.report-document ${SECTION} > p`).first().textContent()) ?? '';
  // Three words from the middle of the section's first paragraph.
  words = paragraph.split(' ').slice(3, 6).join(' ');
});

afterAll(async () => {
  await viewer?.page.screenshot({ path: screenshotPath('review-comments-viewer.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('comments in the browser', () => {
  it('lets the viewer comment on words of a department section; every window shows it live', async () => {
    expect(words.split(' ')).toHaveLength(3);
    await selectWords(viewer.page, words);
    await viewer.page.locator('.toolbar [data-action="comment"]').click();
    const draft = viewer.page.locator('[data-comment-draft]');
    await draft.waitFor();
    expect(await draft.locator('blockquote').textContent()).toBe(words);
    await draft.locator('textarea').fill(COMMENT);
    await draft.locator('[data-comment-submit]').click();
    await draft.waitFor({ state: 'detached' });

    for (const window of windows()) {
      const card = thread(window.page);
      await card.locator('.comment-text', { hasText: COMMENT }).waitFor();
      expect(await card.locator('.comment-quote').first().textContent()).toBe(words);
      expect(await card.locator('.comment-author').first().textContent()).toBe('Đặng Lãnh Đạo');
      await waitForHighlight(window.page, words);
      await outlineCount(window.page).waitFor();
      expect(await outlineCount(window.page).textContent()).toBe('1');
    }
  });

  it('keeps the highlight on the same words when another window types before them', async () => {
    const paragraph = editor.page.locator(`.report-document ${SECTION} > p`).first();
    await paragraph.click();
    await editor.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
    // The caret at the paragraph's very start (Home would go to the start of its last line).
    await editor.page.evaluate((section) => {
      const paragraph = document.querySelector(`.report-document ${section} > p`) as HTMLElement;
      const first = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode() as Text;
      document.getSelection()?.collapse(first, 0);
    }, SECTION);
    await editor.page.keyboard.type('Theo số liệu sơ bộ, ');
    for (const window of windows()) {
      await window.page.waitForFunction(
        (section) =>
          document
            .querySelector(`.report-document ${section} > p`)
            ?.textContent?.startsWith('Theo số liệu sơ bộ, '),
        SECTION,
      );
      await waitForHighlight(window.page, words);
    }
  });

  it("filters: the editor finds it under 'my department', not under 'mine' until replying; the reply is live", async () => {
    const page = editor.page;
    await setFilter(page, 'mine');
    await page.locator('.comment-panel .comment-threads').waitFor({ state: 'detached' });
    await setFilter(page, 'department');
    await thread(page).waitFor();
    // A click on the highlighted words makes the thread active.
    await page.locator('.report-document .comment-range').first().click();
    await page.locator('.comment-panel .comment-thread-active').waitFor();

    const card = thread(page);
    await card.locator('.comment-reply textarea').fill(REPLY);
    await card.locator('[data-comment-reply]').click();
    for (const window of windows()) {
      const reply = thread(window.page).locator('.comment-replies .comment-message');
      await reply.locator('.comment-text', { hasText: REPLY }).waitFor();
      expect(await reply.locator('.comment-author').textContent()).toBe('Lê Thị Báo Chí');
    }
    await setFilter(page, 'mine');
    await thread(page).waitFor();
    // The viewer may not resolve another's thread on another's section? It is the viewer's own
    // thread: its author may. The editor of the section's department may too.
    expect(await thread(page).locator('[data-comment-resolve="resolve"]').count()).toBe(1);
  });

  it('lets the secretary resolve it: gone from the open list, the highlight and the outline count everywhere', async () => {
    await thread(secretary.page).locator('[data-comment-resolve="resolve"]').click();
    for (const window of windows()) {
      await window.page.locator('.comment-panel [data-thread-id]').first().waitFor({ state: 'detached' });
      await window.page.waitForFunction(() => !document.querySelector('.report-document .comment-range'));
      await outlineCount(window.page).waitFor({ state: 'detached' });
    }
    await setFilter(viewer.page, 'resolved');
    const card = thread(viewer.page);
    await card.waitFor();
    expect(await card.getAttribute('data-resolved')).toBe('true');
    expect(await card.locator('.comment-resolved-note').textContent()).toBe(
      'Đã giải quyết bởi Nguyễn Thị Thư Ký',
    );
  });

  it('marks a thread detached when its words are deleted; its author edits and deletes it', async () => {
    for (const window of windows()) await setFilter(window.page, 'open', 'everyone');
    const page = editor.page;
    const paragraph = (await page.locator(`.report-document ${SECTION} > p`).first().textContent()) ?? '';
    // Well after the first thread's words (the paragraph now starts with five more words).
    const other = paragraph.split(' ').slice(14, 16).join(' ');
    const card = (p: Page) =>
      p.locator('.comment-panel [data-thread-id]', { has: p.locator(`.comment-quote:text-is("${other}")`) });
    await page.locator(`.report-document ${SECTION} > p`).first().click();
    await selectWords(page, other);
    await page.keyboard.press('Control+Alt+KeyM');
    const draft = page.locator('[data-comment-draft]');
    await draft.locator('textarea').fill('Nên viết rõ hơn.');
    await draft.locator('[data-comment-submit]').click();
    for (const window of windows()) await card(window.page).waitFor();

    await card(page).locator('[data-comment-edit]').click();
    await card(page).locator('.comment-edit textarea').fill('Nên viết rõ hơn, kèm số liệu.');
    await card(page).locator('.comment-edit button').first().click();
    for (const window of windows())
      await card(window.page)
        .locator('.comment-text', { hasText: 'Nên viết rõ hơn, kèm số liệu.' })
        .waitFor();

    // The editor deletes the commented words: the thread stays, with its quote, marked detached.
    await page.locator(`.report-document ${SECTION} > p`).first().click();
    await selectWords(page, other);
    await page.waitForFunction(() => {
      const root = document.querySelector('.report-document') as
        | (Element & { editor?: { state: { selection: { empty: boolean } } } })
        | null;
      return root?.editor?.state.selection.empty === false;
    });
    await page.keyboard.press('Backspace');
    for (const window of windows()) {
      await window.page.locator(`.comment-panel [data-detached="true"]`).waitFor();
      expect(await card(window.page).locator('.comment-detached').textContent()).toBe(
        'Đoạn được góp ý đã bị xoá',
      );
    }

    page.once('dialog', (dialog) => void dialog.accept());
    await card(page).locator('[data-comment-delete]').first().click();
    for (const window of windows()) await card(window.page).waitFor({ state: 'detached' });
  });

  it('shows the same after a reload in every window', async () => {
    for (const window of windows()) {
      await window.page.reload();
      await window.page.locator('.report-document [data-section-number]').first().waitFor();
      await window.page.locator('.comment-panel [data-comments-open-count]').waitFor();
      expect(await window.page.locator('.comment-panel [data-comments-open-count]').textContent()).toBe('0');
      expect(await thread(window.page).count()).toBe(0);
      await setFilter(window.page, 'resolved');
      const card = thread(window.page);
      await card.waitFor();
      expect(await card.locator('.comment-quote').first().textContent()).toBe(words);
      expect(await card.locator('.comment-message .comment-text').allTextContents()).toEqual([
        COMMENT,
        REPLY,
      ]);
      expect(await outlineCount(window.page).count()).toBe(0);
    }
    // Reopened by the secretary: highlighted on the same words again, after the typing before them.
    await thread(secretary.page).locator('[data-comment-resolve="reopen"]').click();
    for (const window of windows()) {
      await waitForHighlight(window.page, words);
      expect(await highlighted(window.page)).toEqual([words]);
      await outlineCount(window.page).waitFor();
    }
    // An honest client is never refused: no socket closed with 4403 (its notice), no page error.
    for (const window of windows()) {
      expect(await window.page.locator('[data-notice]').count()).toBe(0);
      expect(window.errors).toEqual([]);
    }
  });

  it('refuses, with a notice and nothing sent, deleting a thread others replied to', async () => {
    // The viewer's thread has the editor's reply: deleting it would take the editor's reply with it.
    for (const window of windows()) await setFilter(window.page, 'open');
    const card = thread(viewer.page);
    await card.waitFor();
    let asked = false;
    const onDialog = (dialog: { dismiss: () => Promise<void> }) => {
      asked = true;
      void dialog.dismiss();
    };
    viewer.page.on('dialog', onDialog);
    await card.locator('[data-comment-delete]').first().click();
    await card.locator('.comment-error').waitFor();
    viewer.page.off('dialog', onDialog);
    expect(asked).toBe(false);
    expect(await card.locator('.comment-error').textContent()).toBe(
      'Không xoá được: người khác đã trả lời góp ý này. Hãy bấm “Đã giải quyết” để đóng góp ý.',
    );
    for (const window of windows())
      expect(await thread(window.page).locator('.comment-message .comment-text').allTextContents()).toEqual([
        COMMENT,
        REPLY,
      ]);
    expect(viewer.errors).toEqual([]);
  });
});
