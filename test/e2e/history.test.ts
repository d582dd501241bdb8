// Authorship in the browser (issue 6): two department editors and the secretary type distinct
// words; the secretary takes a version before and after; the compare view, the colour-by-author
// view and the activity timeline attribute every word to the user who typed it. One editor types
// in Chromium, the other through a stock y-websocket client in Node (faster, same protocol).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { launchChromium, openReport, openWindow, screenshotPath, type Window, waitForText } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

const WORD_A = 'Alphawordbaochi';
const WORD_B = 'Betawordbuuchinh';
const WORD_S = 'Gammawordvanphong';
/** How many characters of the imported text B deletes (its first paragraph is longer). */
const DELETED_BY_B = 6;

let server: DemoServer;
let browser: Browser;
let reportId: string;
let a: Window;
let secretary: Window;
let nodeB: TestClient;
let sessionB: Session;

/** Click at the end of the first matching paragraph and type. */
async function typeInEditable(window: Window, selector: string, text: string) {
  // Click on the paragraph's last line so that End reaches its very end: typed text then has
  // nothing after it that the editor's text diff could align it with.
  const paragraph = window.page.locator(selector).first();
  const box = await paragraph.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await paragraph.click({ position: { x: box.width - 4, y: box.height - 6 } });
  await window.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await window.page.keyboard.press('End');
  await window.page.keyboard.type(text, { delay: 10 });
}

async function openHistory(window: Window, tab: 'activity' | 'versions' | 'compare') {
  const url = `${server.url}/reports/${encodeURIComponent(reportId)}/history`;
  if (!window.page.url().endsWith('/history')) await window.page.goto(url);
  await window.page.locator(`[data-history-tab="${tab}"]`).click();
}

async function createVersion(window: Window, name: string) {
  await openHistory(window, 'versions');
  await window.page.locator('input[name=versionName]').fill(name);
  await window.page.locator('[data-create-version]').click();
  await window.page.locator(`[data-version-name="${name}"]`).waitFor();
}

/** Text of the marked runs of `selector`, grouped by their data-author. */
function textByAuthor(page: Page, selector: string): Promise<Record<string, string>> {
  return page.$$eval(selector, (els) => {
    const out: Record<string, string> = {};
    for (const el of els) {
      const author = el.getAttribute('data-author') ?? '';
      out[author] = (out[author] ?? '') + (el.textContent ?? '');
    }
    return out;
  });
}

beforeAll(async () => {
  server = await startDemoServer('history');
  browser = await launchChromium();
  [a, secretary] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
  ]);
  reportId = (await a.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  for (const w of [a, secretary])
    w.page.on('response', (r) => {
      if (r.status() >= 400) w.errors.push(`http ${r.status()} ${r.url()}`);
    });
  sessionB = await login(server.url, DEMO.editorB, DEMO.password);
  nodeB = connectClient(server.wsUrl, reportId, sessionB.token);
  await nodeB.synced;
});

afterAll(async () => {
  await secretary?.page
    .screenshot({ path: screenshotPath('history-secretary.png'), fullPage: false })
    .catch(() => {});
  nodeB?.destroy();
  await browser?.close();
  await server?.close();
});

describe('history, versions and authorship in the browser', () => {
  it('the secretary takes version A, three users type, and the secretary takes version B', async () => {
    await createVersion(secretary, 'Phiên bản A');
    await Promise.all([openReport(a, server.url, reportId), openReport(secretary, server.url, reportId)]);

    await typeInEditable(
      a,
      `section.section-editable[data-owner="${a.user.departmentId}"] > p`,
      ` ${WORD_A}`,
    );
    const { deleteInSection, typeInSection } = await import('../helpers/ydoc');
    const report = await demoReport(server.url, sessionB.token);
    const sectionB = sectionOwnedBy(report, sessionB.user.departmentId ?? '').id;
    // B also deletes the last characters of their section's first paragraph (the imported text).
    deleteInSection(nodeB.doc, sectionB, DELETED_BY_B);
    typeInSection(nodeB.doc, sectionB, ` ${WORD_B}`);
    // Typing while a remote update re-renders the document can move the caret (a y-tiptap
    // re-render), so the secretary types once the others' words have arrived.
    await waitForText(secretary.page, WORD_A);
    await waitForText(secretary.page, WORD_B);
    await typeInEditable(secretary, 'section.section-editable > p', ` ${WORD_S}`);
    for (const word of [WORD_A, WORD_B, WORD_S]) await waitForText(secretary.page, word);

    await secretary.page.locator('[data-history-link]').click();
    await secretary.page.locator('[data-history-page]').waitFor();
    await createVersion(secretary, 'Phiên bản B');
  });

  it('the compare view attributes each inserted word to its author', async () => {
    await openHistory(secretary, 'compare');
    const page = secretary.page;
    const idOf = (name: string) =>
      page.$eval(
        'select[name=from]',
        (select, wanted) =>
          [...(select as HTMLSelectElement).options].find((o) => o.textContent?.startsWith(wanted as string))
            ?.value ?? '',
        name,
      );
    const [versionA, versionB] = [await idOf('Phiên bản A'), await idOf('Phiên bản B')];
    expect(versionA).not.toBe('');
    await page.locator('select[name=from]').selectOption(versionA);
    await page.locator('select[name=to]').selectOption(versionB);
    await page.locator('[data-run-compare]').click();
    // Snapshot rendering happens on the next tick after the states arrive.
    await page
      .waitForFunction(
        (words) => {
          const text = [...document.querySelectorAll('.compare-document ins.ychange')]
            .map((el) => el.textContent)
            .join('');
          return (words as string[]).every((word) => text.includes(word));
        },
        [WORD_A, WORD_B, WORD_S],
      )
      .catch(async (error) => {
        console.error(
          'compare view:',
          await textByAuthor(page, '.compare-document ins'),
          await textByAuthor(page, '[data-change-list] ins'),
          secretary.errors,
        );
        throw error;
      });
    const inDocument = await textByAuthor(page, '.compare-document ins.ychange[data-change=insert]');
    expect(inDocument[a.user.id]).toContain(WORD_A);
    expect(inDocument[sessionB.user.id]).toContain(WORD_B);
    expect(inDocument[secretary.user.id]).toContain(WORD_S);
    for (const [author, text] of Object.entries(inDocument)) {
      for (const [word, owner] of [
        [WORD_A, a.user.id],
        [WORD_B, sessionB.user.id],
        [WORD_S, secretary.user.id],
      ]) {
        if (author !== owner) expect(text).not.toContain(word);
      }
    }
    // B's deletion shows struck through in B's colour, and nobody else deleted anything.
    const deleted = await textByAuthor(page, '.compare-document del.ychange[data-change=delete]');
    expect(Object.keys(deleted)).toEqual([sessionB.user.id]);
    expect(deleted[sessionB.user.id]).toHaveLength(DELETED_BY_B);
    // The change list (diff API) agrees, and the legend names the three authors.
    const inList = await textByAuthor(page, '[data-change-list] ins[data-change=insert]');
    expect(inList[a.user.id]).toContain(WORD_A);
    expect(inList[sessionB.user.id]).toContain(WORD_B);
    expect(inList[secretary.user.id]).toContain(WORD_S);
    for (const user of [a.user.id, sessionB.user.id, secretary.user.id])
      await page.locator(`[data-compare-legend] [data-legend-user="${user}"]`).waitFor();
    await page.screenshot({ path: screenshotPath('history-compare.png') });
  });

  it('the activity timeline lists the edits of each user', async () => {
    await openHistory(secretary, 'activity');
    for (const user of [a.user.id, sessionB.user.id, secretary.user.id])
      await secretary.page
        .locator(`.timeline li[data-activity-kind=edit][data-activity-user="${user}"]`)
        .first()
        .waitFor();
    await secretary.page.locator('.timeline li[data-activity-kind=version]').first().waitFor();
    await secretary.page.screenshot({ path: screenshotPath('history-activity.png') });
  });

  it('colour by author marks each user’s text in the live editor', async () => {
    await openReport(secretary, server.url, reportId);
    await secretary.page.locator('input[name=authorColors]').check();
    await secretary.page.waitForFunction(
      ([words, ids]) =>
        (words as string[]).every((word, i) =>
          [
            ...document.querySelectorAll(
              `.report-document .author-run[data-author="${(ids as string[])[i]}"]`,
            ),
          ].some((el) => el.textContent?.includes(word)),
        ),
      [
        [WORD_A, WORD_B, WORD_S],
        [a.user.id, sessionB.user.id, secretary.user.id],
      ],
    );
    const runs = await textByAuthor(secretary.page, '.report-document .author-run');
    expect(runs[a.user.id]).toContain(WORD_A);
    expect(runs[a.user.id]).not.toContain(WORD_B);
    expect(runs[sessionB.user.id]).toContain(WORD_B);
    expect(runs[secretary.user.id]).toContain(WORD_S);
    const title = await secretary.page
      .locator(`.report-document .author-run[data-author="${sessionB.user.id}"]`)
      .first()
      .getAttribute('title');
    expect(title).toContain(sessionB.user.name);
    await secretary.page.screenshot({ path: screenshotPath('history-author-colors.png') });

    // New typing is tinted too, once the server has bound the new clientID.
    await typeInEditable(
      a,
      `section.section-editable[data-owner="${a.user.departmentId}"] > p`,
      ' Deltawordlive',
    );
    await secretary.page.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`.report-document .author-run[data-author="${id}"]`)].some((el) =>
          el.textContent?.includes('Deltawordlive'),
        ),
      a.user.id,
    );
  });

  it('the compare view labels each section with its real status', async () => {
    const report = await demoReport(server.url, sessionB.token);
    const sectionB = sectionOwnedBy(report, sessionB.user.departmentId ?? '').id;
    const submitted = await apiRequest(server.url, 'PATCH', `/api/reports/${reportId}/sections/${sectionB}`, {
      token: sessionB.token,
      body: { status: 'submitted' },
    });
    expect(submitted.status).toBe(200);
    await secretary.page.goto(`${server.url}/reports/${encodeURIComponent(reportId)}/history`);
    await openHistory(secretary, 'compare');
    const status = secretary.page
      .locator(`.compare-document [data-section-id="${sectionB}"] .section-status`)
      .first();
    await status.waitFor();
    expect(await status.getAttribute('class')).toContain('status-submitted');
  });

  it('no page errors', () => {
    expect(a.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });
});
