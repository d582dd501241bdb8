// Search and replace in the browser: an editor searches a word that occurs in a footnote, in a
// section far down the report (skipped by content-visibility until reached) and in another
// department's section; stepping reveals each match below the sticky bars, the footnote's editor
// opens on its match, and replace-all changes only the editor's own text, for everyone.
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
let a: Window;
let b: Window;

const WORD = 'Đạtkiwi';

async function placeCaret(target: Locator) {
  await target.click();
  const element = await target.elementHandle();
  await target
    .page()
    .waitForFunction((el) => (window as unknown as TestWindow).caretIn(el as Element), element, {
      polling: 'raf',
    });
}

function ownParagraphs(window: Window): Locator {
  return window.page.locator(`section.section-editable[data-owner="${window.user.departmentId}"] > p`);
}

/** Where the current match is shown, against the viewport and the sticky bars above it. */
function currentMatch(page: Page) {
  return page.evaluate(() => {
    const current = document.querySelector('.report-document .search-current');
    if (!current) return null;
    const rect = current.getBoundingClientRect();
    const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect();
    const footnote = current.closest('.footnote');
    const paragraph = current.closest('p');
    return {
      inFootnote: footnote !== null,
      text: footnote ? '' : (paragraph?.textContent ?? ''),
      popover: document.querySelector('[data-footnote-editor]')?.textContent ?? null,
      visible: rect.height > 0 && rect.top >= (toolbar?.bottom ?? 0) && rect.bottom <= window.innerHeight,
    };
  });
}

function count(page: Page): Promise<string> {
  return page
    .locator('[data-search-count]')
    .textContent()
    .then((t) => t ?? '');
}

beforeAll(async () => {
  server = await startDemoServer('search');
  browser = await launchChromium();
  [a, b] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.editorB, DEMO.password),
  ]);
  const reportId = (await a.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await Promise.all([a, b].map((w) => openReport(w, server.url, reportId)));
});

afterAll(async () => {
  await a?.page.screenshot({ path: screenshotPath('search-editor-a.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('search and replace', () => {
  it('prepares the word in a footnote, in a far section and in another department’s text', async () => {
    await placeCaret(ownParagraphs(b).first());
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(` ${WORD} phòng B`);

    await placeCaret(ownParagraphs(a).first());
    await a.page.keyboard.press('End');
    await a.page.keyboard.type(` ${WORD} đầu`);
    await a.page.locator('[data-action=footnote]').click();
    await a.page.waitForFunction(() => document.activeElement?.closest('[data-footnote-editor]'));
    await a.page.keyboard.type(`${WORD} chú thích`);
    await a.page.keyboard.press('Escape');

    await placeCaret(ownParagraphs(a).last());
    await a.page.keyboard.press('End');
    await a.page.keyboard.type(` ${WORD} cuối`);

    await Promise.all([
      waitForText(a.page, `${WORD} phòng B`),
      waitForText(b.page, `${WORD} cuối`),
      b.page.waitForFunction(
        (t) =>
          [...document.querySelectorAll('[data-footnote-body]')].some((el) => el.textContent?.includes(t)),
        `${WORD} chú thích`,
      ),
    ]);
  });

  it('finds the word everywhere, the footnote and the far section revealed in turn', async () => {
    await a.page.evaluate(() => window.scrollTo(0, 0));
    const far = await a.page.evaluate((t) => {
      const p = [...document.querySelectorAll('.report-document p')].find((el) =>
        el.textContent?.includes(t),
      );
      return p ? p.getBoundingClientRect().top > window.innerHeight * 2 : false;
    }, `${WORD} cuối`);
    expect(far).toBe(true);

    await a.page.keyboard.press('Control+f');
    const input = a.page.locator('[data-search-query]');
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('datkiwi');
    // Diacritics are compared exactly by default.
    await a.page.waitForFunction(() => document.querySelector('[data-search-count]')?.textContent !== '');
    expect(await count(a.page)).toBe('Không có kết quả');
    await a.page.locator('[data-search-diacritics]').check();
    await a.page.waitForFunction(() => document.querySelector('[data-search-count]')?.textContent === '1/4');

    const seen: string[] = [];
    for (let step = 1; step <= 4; step++) {
      await input.press('Enter');
      await a.page.waitForFunction(
        (n) => document.querySelector('[data-search-count]')?.textContent === `${n}/4`,
        step,
      );
      await a.page.waitForFunction(() => {
        const current = document.querySelector('.report-document .search-current');
        const rect = current?.getBoundingClientRect();
        const bar = document.querySelector('.toolbar')?.getBoundingClientRect();
        return !!rect && !!bar && rect.top >= bar.bottom && rect.bottom <= window.innerHeight;
      });
      const match = await currentMatch(a.page);
      expect(match?.visible).toBe(true);
      if (match?.inFootnote) {
        await a.page.waitForFunction(
          (t) => document.querySelector('[data-footnote-editor]')?.textContent?.includes(t),
          `${WORD} chú thích`,
        );
        // The match is highlighted inside the footnote's editor too.
        await a.page.locator('[data-footnote-editor] .search-current').waitFor();
        seen.push('footnote');
      } else seen.push(match?.text.includes(`${WORD} cuối`) ? 'far' : 'text');
      // The search field keeps the focus, so the next Enter steps on.
      await a.page.waitForFunction(() => document.activeElement?.hasAttribute('data-search-query'));
    }
    expect(seen).toContain('footnote');
    expect(seen).toContain('far');
    expect(seen.filter((kind) => kind === 'text')).toHaveLength(2);
    // Past the last match, the first one again.
    await input.press('Enter');
    await a.page.waitForFunction(() => document.querySelector('[data-search-count]')?.textContent === '1/4');
  });

  it('replaces all in the editor’s own sections only, and says what it skipped', async () => {
    await a.page.keyboard.press('Control+h');
    await a.page.locator('[data-search-replacement]').fill('Mận');
    await a.page.locator('[data-search-replace-all]').click();
    const message = (await a.page.locator('[data-search-message]').textContent()) ?? '';
    expect(message).toContain('Đã thay 3');
    expect(message).toContain('Bỏ qua 1');
    await a.page.waitForFunction(() => document.querySelector('[data-search-count]')?.textContent === '1/1');

    // The other window, as the server relayed it: A's three replaced, B's own word untouched.
    await Promise.all([waitForText(b.page, 'Mận đầu'), waitForText(b.page, 'Mận cuối')]);
    await b.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-footnote-body]')].some((el) =>
        el.textContent?.includes('Mận chú thích'),
      ),
    );
    const text = await documentText(b.page);
    expect(text).toContain(`${WORD} phòng B`);
    expect(text).not.toContain(`${WORD} đầu`);
    expect(text).not.toContain(`${WORD} cuối`);
  });

  it('takes the whole replacement back with one undo', async () => {
    await a.page.locator('[data-search-query]').press('Escape');
    await a.page.locator('[data-search-bar]').waitFor({ state: 'detached' });
    expect(await a.page.locator('.report-document .search-match').count()).toBe(0);
    await a.page.keyboard.press('Control+z');
    await Promise.all([waitForText(b.page, `${WORD} đầu`), waitForText(b.page, `${WORD} cuối`)]);
    await b.page.waitForFunction(
      (t) => [...document.querySelectorAll('[data-footnote-body]')].some((el) => el.textContent?.includes(t)),
      `${WORD} chú thích`,
    );
    expect(a.errors).toEqual([]);
  });

  it('finds a match in a folded section and unfolds it', async () => {
    // Fold the section that holds the far word by its marker left of the title.
    const section = a.page
      .locator('section.report-section', { has: a.page.locator(':scope > p', { hasText: `${WORD} cuối` }) })
      .last();
    const title = section.locator(':scope > .section-title');
    // In the middle of the screen, clear of the sticky bars. Sections off screen are laid out by
    // their remembered size (content-visibility), which the comment panel's width may have changed:
    // as those near the screen render, the title can move some frames later. Scroll until it stays.
    await title.evaluate(async (el) => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      for (let attempt = 0; attempt < 10; attempt++) {
        el.scrollIntoView({ block: 'center' });
        let top = el.getBoundingClientRect().top;
        let still = 0;
        while (still < 15) {
          await frame();
          const now = el.getBoundingClientRect().top;
          still = now === top ? still + 1 : 0;
          top = now;
          if (now < 0 || now > window.innerHeight) break;
        }
        if (still >= 15) return;
      }
    });
    const box = await title.boundingBox();
    if (!box) throw new Error('the section title has no box');
    await a.page.mouse.click(box.x - 6, box.y + 10);
    await a.page.waitForFunction((t) => {
      const p = [...document.querySelectorAll('.report-document p')].find((el) =>
        el.textContent?.includes(t),
      );
      return !!p?.closest('.section-folded') && p.getBoundingClientRect().height === 0;
    }, `${WORD} cuối`);
    // Folding is one reader's view: the other window still shows the paragraph.
    expect(await b.page.locator('.section-folded').count()).toBe(0);

    await a.page.keyboard.press('Control+f');
    const input = a.page.locator('[data-search-query]');
    await input.fill(WORD);
    await a.page.waitForFunction(() =>
      /\/4$/.test(document.querySelector('[data-search-count]')?.textContent ?? ''),
    );
    for (let step = 1; step <= 4; step++) {
      await input.press('Enter');
      await a.page.waitForFunction(
        (n) => document.querySelector('[data-search-count]')?.textContent === `${n}/4`,
        step,
      );
      const found = await a.page.evaluate((t) => {
        const current = document.querySelector('.report-document .search-current');
        return !!current?.closest('p')?.textContent?.includes(t);
      }, `${WORD} cuối`);
      if (found) break;
    }
    await a.page.waitForFunction((t) => {
      const current = document.querySelector('.report-document .search-current');
      const rect = current?.getBoundingClientRect();
      return (
        !!current?.closest('p')?.textContent?.includes(t) &&
        !current.closest('.section-folded') &&
        !!rect &&
        rect.height > 0 &&
        rect.bottom <= window.innerHeight
      );
    }, `${WORD} cuối`);
    expect(a.errors).toEqual([]);
  });
});
