// Two department editors (and the secretary) co-editing the demo report in real Chromium against
// the real server: typing, presence, footnote renumbering, indicator evaluation, read-only sections.
import type { Browser, Locator, Page } from 'playwright-core';
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

let server: DemoServer;
let browser: Browser;
let reportId: string;
let a: Window;
let b: Window;
let secretary: Window;

/**
 * Clicks into `target` and waits until the browser and the editor agree the caret is there (the
 * editor reads a click's caret from a later selectionchange event).
 */
async function placeCaret(target: Locator, position?: { x: number; y: number }) {
  await target.click(position ? { position } : {});
  const element = await target.elementHandle();
  await target
    .page()
    .waitForFunction((el) => (window as unknown as TestWindow).caretIn(el as Element), element, {
      polling: 'raf',
    });
}

/** Click into the first paragraph of one of the user's own editable sections and go to its end. */
async function focusOwnParagraph(window: Window) {
  const paragraph = window.page
    .locator(`section.section-editable[data-owner="${window.user.departmentId}"] > p`)
    .first();
  await placeCaret(paragraph);
  await window.page.keyboard.press('End');
}

function footnoteNumbers(page: Page): Promise<string[]> {
  return page.$$eval('.report-document [data-footnote-number]', (els) =>
    els.map((el) => el.getAttribute('data-footnote-number') ?? ''),
  );
}

function footnoteBodies(page: Page): Promise<string[]> {
  return page.$$eval('[data-footnote-body]', (els) =>
    els.map((el) => (el.textContent ?? '').replace(/^\d+\s*/, '').trim()),
  );
}

/**
 * Types `words` as an input method does (Vietnamese Telex, say): each word a composition updated
 * per key, then shown without its diacritics and with them, then committed.
 */
async function compose(page: Page, words: string[]) {
  const cdp = await page.context().newCDPSession(page);
  for (const word of words) {
    const steps = [...word].map((_, i) => word.slice(0, i + 1));
    for (const text of [
      ...steps.slice(0, -1),
      word.normalize('NFD').replace(/[\u0300-\u0309\u0323]/g, ''),
      word,
    ]) {
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
    }
    await cdp.send('Input.insertText', { text: word });
  }
  await cdp.detach();
}

beforeAll(async () => {
  if (process.env.E2E_BASE_URL) {
    // Against an already running server (debugging): nothing to start or stop.
    server = { url: process.env.E2E_BASE_URL, wsUrl: '', close: async () => {} };
  } else {
    server = await startDemoServer('collab');
  }
  browser = await launchChromium();
  [a, b, secretary] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.editorB, DEMO.password),
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
  ]);
  reportId = (await a.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await Promise.all([a, b, secretary].map((w) => openReport(w, server.url, reportId)));
});

afterAll(async () => {
  if (a && b) {
    await a.page.screenshot({ path: screenshotPath('editor-a.png') }).catch(() => {});
    await b.page.screenshot({ path: screenshotPath('editor-b.png') }).catch(() => {});
    await secretary?.page.screenshot({ path: screenshotPath('secretary.png') }).catch(() => {});
  }
  await browser?.close();
  await server?.close();
});

describe('co-editing in the browser', () => {
  it('logs in as editors of two departments', () => {
    expect(a.user.role).toBe('editor');
    expect(b.user.role).toBe('editor');
    expect(a.user.departmentId).toBeTruthy();
    expect(b.user.departmentId).not.toBe(a.user.departmentId);
  });

  it('shows derived section numbers', async () => {
    const numbers = await a.page.$$eval('.report-document [data-section-number]', (els) =>
      els.map((el) => el.textContent),
    );
    expect(numbers.slice(0, 2)).toEqual(['I.', '1.']);
    expect(numbers).toContain('2.7.1.');
  });

  it('both type in their own sections at once and each sees the other’s words', async () => {
    // Clicks one window after the other (two simultaneous clicks can leave one headless page
    // without a focused frame, which then drops its key events); the typing itself is concurrent.
    await focusOwnParagraph(a);
    await focusOwnParagraph(b);
    const wordsA = ' Phòng A viết thêm câu này';
    const wordsB = ' Phòng B bổ sung nội dung';
    await Promise.all([
      a.page.keyboard.type(wordsA, { delay: 15 }),
      b.page.keyboard.type(wordsB, { delay: 15 }),
    ]);
    // Each window first shows its own words, then the other's.
    try {
      await Promise.all([waitForText(a.page, wordsA.trim()), waitForText(b.page, wordsB.trim())]);
      await Promise.all([waitForText(a.page, wordsB.trim()), waitForText(b.page, wordsA.trim())]);
    } catch (error) {
      // Say what each window holds: lost keystrokes and a missing relay look alike otherwise.
      for (const [name, w] of [
        ['A', a],
        ['B', b],
      ] as const) {
        const text = await documentText(w.page);
        const at = (s: string) => text.indexOf(s.trim().slice(0, 7));
        console.error(
          `window ${name}:`,
          JSON.stringify(text.slice(at(wordsA) - 10, at(wordsA) + 40)),
          '|',
          JSON.stringify(text.slice(at(wordsB) - 10, at(wordsB) + 40)),
          '| notice:',
          await w.page.locator('[data-notice]').count(),
          '| active:',
          await w.page.evaluate(() => document.activeElement?.className),
        );
      }
      throw error;
    }
    expect(await documentText(a.page)).toContain(wordsA.trim());
    expect(await documentText(b.page)).toContain(wordsB.trim());
  });

  it('types Vietnamese with diacritics', async () => {
    await focusOwnParagraph(a);
    const words = ' Đồng soạn báo cáo: ưu tiên, chuyển đổi số, điện tử.';
    await a.page.keyboard.type(words);
    await waitForText(b.page, words.trim());
  });

  it('types Vietnamese through an input method (composition events)', async () => {
    await focusOwnParagraph(a);
    await a.page.evaluate(() => {
      const seen = { start: 0, end: 0 };
      (window as unknown as { compositions: typeof seen }).compositions = seen;
      document.addEventListener('compositionstart', () => seen.start++);
      document.addEventListener('compositionend', () => seen.end++);
    });
    await compose(a.page, [' Việt', ' Nam']);
    await Promise.all([waitForText(a.page, 'Việt Nam'), waitForText(b.page, 'Việt Nam')]);
    expect(await documentText(b.page)).not.toContain('Viêt');
    const compositions = await a.page.evaluate(
      () => (window as unknown as { compositions: object }).compositions,
    );
    expect(compositions).toEqual({ start: 2, end: 2 });
  });

  it('typed text takes the bold mark, and undo takes back one’s own typing only', async () => {
    await focusOwnParagraph(a);
    await a.page.keyboard.press('Control+b');
    await a.page.keyboard.type(' chudam');
    await a.page.keyboard.press('Control+b');
    await a.page.keyboard.type(' chuthuong');
    const boldRun = (page: Page) =>
      page.waitForFunction(() =>
        [...document.querySelectorAll('.report-document strong')].some((el) => el.textContent === ' chudam'),
      );
    await Promise.all([boldRun(a.page), boldRun(b.page), waitForText(b.page, 'chudam chuthuong')]);
    // B writes meanwhile; A's undo must leave it.
    await focusOwnParagraph(b);
    await b.page.keyboard.type(' loiB');
    await waitForText(a.page, 'loiB');
    // Typing close together is one undo step; allow the step before it (A's earlier words).
    for (let i = 0; i < 3; i++) {
      const before = await documentText(a.page);
      if (!before.includes('chudam')) break;
      await a.page.locator('[data-action=undo]').click();
      await a.page.waitForFunction(
        (text) => (window as unknown as TestWindow).documentText() !== text,
        before,
      );
    }
    await b.page.waitForFunction(() => !(window as unknown as TestWindow).documentText().includes('chudam'));
    expect(await documentText(a.page)).not.toContain('chuthuong');
    expect(await documentText(a.page)).toContain('loiB');
    expect(await documentText(b.page)).toContain('loiB');
  });

  it('each sees the other in the presence list', async () => {
    await a.page.locator(`[data-presence-user="${b.user.id}"]`).waitFor();
    await b.page.locator(`[data-presence-user="${a.user.id}"]`).waitFor();
    await b.page.locator(`[data-presence-user="${secretary.user.id}"]`).waitFor();
  });

  it('a footnote inserted in an early section renumbers later references for both', async () => {
    const before = await footnoteNumbers(b.page);
    const bodiesBefore = await footnoteBodies(b.page);
    expect(before.length).toBeGreaterThan(0);
    // At the very start of A's first own paragraph: before the footnotes that follow it.
    const paragraph = a.page
      .locator(`section.section-editable[data-owner="${a.user.departmentId}"] > p`)
      .first();
    await placeCaret(paragraph);
    await a.page.keyboard.press('Home');
    await a.page.locator('[data-action=footnote]').click();
    await a.page.waitForFunction(() => document.activeElement?.closest('[data-footnote-editor]'));
    const text = 'Chú thích mới của phòng A';
    await a.page.keyboard.type(text);
    await a.page.keyboard.press('Escape');

    const expected = before.map((_, i) => String(i + 1)).concat(String(before.length + 1));
    for (const w of [a, b]) {
      await w.page.waitForFunction(
        ([t, n]) =>
          [...document.querySelectorAll('[data-footnote-body]')].some((el) =>
            el.textContent?.includes(t as string),
          ) && document.querySelectorAll('.report-document [data-footnote-number]').length === n,
        [text, expected.length] as const,
      );
      expect(await footnoteNumbers(w.page)).toEqual(expected);
    }
    const bodiesAfter = await footnoteBodies(b.page);
    const inserted = bodiesAfter.findIndex((body) => body.includes(text));
    // Inserted before at least one existing footnote, and the old ones keep their order.
    expect(inserted).toBeLessThan(bodiesBefore.length);
    expect(bodiesAfter.filter((_, i) => i !== inserted)).toEqual(bodiesBefore);
  });

  it('a footnote opened at the end of a section shows whole', async () => {
    // Sections skip rendering when off screen, which clips what overflows them: not the editor.
    const last = b.page
      .locator(`section.section-editable[data-owner="${b.user.departmentId}"] > p:last-child`)
      .first();
    // On its last line, then to the line's end: the end of the section.
    const box = await last.boundingBox();
    if (!box) throw new Error('no paragraph ending a section of B');
    await placeCaret(last, { x: box.width - 4, y: box.height - 6 });
    await b.page.keyboard.press('End');
    await b.page.locator('[data-action=footnote]').click();
    await b.page.waitForFunction(() => document.activeElement?.closest('[data-footnote-editor]'));
    await b.page.keyboard.type('Chú thích ở cuối mục, đủ dài để khung chú thích vượt quá đáy của mục');
    const shown = await b.page.evaluate(() => {
      const popover = document.querySelector('.report-document .footnote-popover');
      const section = popover?.closest('section');
      if (!popover || !section) return null;
      const box = popover.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 8, box.bottom - 4);
      return {
        overflows: box.bottom > section.getBoundingClientRect().bottom,
        hit: !!hit && popover.contains(hit),
      };
    });
    expect(shown).toEqual({ overflows: true, hit: true });
    await b.page.keyboard.press('Escape');
  });

  it('an evaluation changed by the secretary shows for the editors', async () => {
    const select = secretary.page.locator('tr[data-indicator-row] select').first();
    const current = await select.inputValue();
    const next = current === 'notAchieved' ? 'achieved' : 'notAchieved';
    const summaryBefore = await a.page.locator('[data-indicator-summary]').textContent();
    await select.selectOption(next);
    for (const w of [a, b]) {
      await w.page.waitForFunction(
        (value) =>
          (document.querySelector('tr[data-indicator-row] select') as HTMLSelectElement | null)?.value ===
          value,
        next,
      );
    }
    expect(await a.page.locator('[data-indicator-summary]').textContent()).not.toBe(summaryBefore);
    // Editors cannot change evaluations (the table belongs to the secretary).
    expect(await a.page.locator('tr[data-indicator-row] select').first().isDisabled()).toBe(true);
  });

  it('typing into the other department’s section changes nothing for anyone', async () => {
    const foreign = a.page
      .locator(`section.section-readonly[data-owner="${b.user.departmentId}"] > p`)
      .first();
    // Without other users' caret labels, which come and go inside the paragraph's text.
    const foreignText = () =>
      foreign.evaluate((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        return copy.textContent;
      });
    const foreignBefore = await foreignText();
    await placeCaret(foreign);
    await a.page.keyboard.type('CHỮ LẠ KHÔNG ĐƯỢC PHÉP');
    await a.page.keyboard.press('Backspace');
    await a.page.keyboard.press('Enter');
    await compose(a.page, [' CHỮ LẠ', ' gõ', ' Telex']);
    // A later, allowed edit from the same window travels after the refused attempt: once the
    // others see it, they would have seen the refused one too.
    await focusOwnParagraph(a);
    const marker = ' dấu mốc sau khi thử';
    await a.page.keyboard.type(marker);
    await Promise.all([waitForText(b.page, marker.trim()), waitForText(secretary.page, marker.trim())]);
    for (const w of [a, b, secretary]) {
      expect(await documentText(w.page)).not.toContain('CHỮ LẠ');
    }
    expect(await foreignText()).toBe(foreignBefore);
    // The server never had to refuse anything: no "edit refused" notice.
    expect(await a.page.locator('[data-notice]').count()).toBe(0);
  });

  it('had no page errors in any window', async () => {
    await a.page.screenshot({ path: screenshotPath('editor-a.png') });
    await b.page.screenshot({ path: screenshotPath('editor-b.png') });
    expect([...a.errors, ...b.errors, ...secretary.errors]).toEqual([]);
  });
});
