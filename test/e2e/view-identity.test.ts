// The editor's view holds the document's own nodes (client/editor/sync/viewNodeIdentity.ts): when
// y-tiptap draws the report afresh from Yjs after the editor first drew it, ProseMirror keeps its
// view descriptions on equal copies, and every later keystroke would then compare the whole report
// deeply. Checked after opening, after typing and after another user's edit arrives.
import type { Editor } from '@tiptap/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport, openWindow, type Window, waitForText } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let editor: Window;
let secretary: Window;

/** How many top-level view descriptions hold a node that is not the document's own, of how many. */
function copiesInView(page: Page): Promise<{ copies: number; total: number }> {
  return page.evaluate(() => {
    interface Desc {
      node?: unknown;
      children: Desc[];
    }
    const root = document.querySelector('.report-document') as
      | (Element & { editor?: Editor; pmViewDesc?: Desc })
      | null;
    const doc = root?.editor?.state.doc;
    const children = (root?.pmViewDesc?.children ?? []).filter((desc) => desc.node);
    if (!doc || children.length !== doc.childCount) return { copies: -1, total: children.length };
    let copies = 0;
    children.forEach((desc, i) => {
      if (desc.node !== doc.child(i)) copies++;
    });
    return { copies, total: children.length };
  });
}

/** Wait for the view to settle (the plugin runs after each drawn update) and read the copies. */
async function expectNoCopies(page: Page): Promise<void> {
  await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  const { copies, total } = await copiesInView(page);
  expect(total).toBeGreaterThan(0);
  expect(copies).toBe(0);
}

beforeAll(async () => {
  server = await startDemoServer('view-identity');
  browser = await launchChromium();
  editor = await openWindow(browser, server.url, DEMO.editorA, DEMO.password);
  secretary = await openWindow(browser, server.url, DEMO.secretary, DEMO.password);
  const reportId =
    (await editor.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await openReport(editor, server.url, reportId);
  await openReport(secretary, server.url, reportId);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the editor view', () => {
  it("holds the document's own nodes after opening, typing and a remote edit", async () => {
    await expectNoCopies(editor.page);
    // Typing in the editor's own section.
    const paragraph = editor.page
      .locator(`.report-document section[data-owner="${editor.user.departmentId}"] p`)
      .first();
    await paragraph.click();
    await editor.page.keyboard.press('End');
    await editor.page.keyboard.type(' nút gốc');
    await waitForText(secretary.page, ' nút gốc');
    await expectNoCopies(editor.page);
    // The secretary's window received it from the server.
    await expectNoCopies(secretary.page);
    expect(editor.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });
});
