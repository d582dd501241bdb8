// No reconnect loop (issue 15, hole 1). The stored report holds content no client can render (an
// unknown element and a text with an unknown mark in editor A's section, as a document stored
// before the guard checked content would). Editor B's editor must keep it aside instead of
// deleting it — the deletion is refused (4403) and used to loop ten times a second — so B stays on
// one socket and types through to the secretary. Editor A's own refused edits (content the guard
// refuses, made on the editor's Y.Doc) make A's page wait longer before each reconnect. Sockets are
// counted with Playwright's `websocket` event. Real server, real Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Editor } from '@tiptap/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FRAGMENT_NAME } from '../../shared/ydoc';
import { launchChromium, openReport, openWindow, screenshotPath, type Window, waitForText } from './browser';
import { buildClient, DEMO, quietLogger } from './demo';

type Server = Awaited<ReturnType<typeof import('../../server/server').startServer>>;

let server: Server;
let dataDir: string;
let browser: Browser;
let reportId: string;
let editorA: Window;
let editorB: Window;
let secretary: Window;
/** When each page opened a collaboration socket (ms since the epoch). */
const sockets = new Map<Page, number[]>();

const HIDDEN_TEXT = 'nội dung không hiển thị được';

function countSockets(page: Page) {
  const opened: number[] = [];
  sockets.set(page, opened);
  page.on('websocket', (socket) => {
    if (socket.url().includes('/collab')) opened.push(Date.now());
  });
}

function socketCount(window: Window): number {
  return sockets.get(window.page)?.length ?? 0;
}

/** The first section owned by `departmentId` in the stored document's fragment. */
function findSection(parent: Y.XmlFragment | Y.XmlElement, departmentId: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'section' && child.getAttribute('owner') === departmentId) return child;
    const found = findSection(child, departmentId);
    if (found) return found;
  }
  return null;
}

/** Puts content no client can render into the stored document, past the guard (as old data would be). */
async function storeUnrenderable(ownerUsername: string) {
  const owner = server.meta.data.users.find((user) => user.username === ownerUsername);
  if (!owner?.departmentId) throw new Error(`no department for ${ownerUsername}`);
  const room = await server.rooms.acquire(reportId);
  try {
    room.applyServerChange({ kind: 'server', userId: owner.id }, (doc) => {
      const section = findSection(doc.getXmlFragment(FRAGMENT_NAME), owner.departmentId as string);
      if (!section) throw new Error('the demo report has no section of the editor');
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText(HIDDEN_TEXT)]);
      const marked = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      marked.insert(0, [text]);
      text.insert(0, `${HIDDEN_TEXT} 2`, { blink: {} });
      // After the title: a section's first child is its heading.
      section.insert(1, [script, marked]);
    });
  } finally {
    server.rooms.release(room);
  }
}

/** The stored document's text, from the server's room. */
async function serverText(): Promise<string> {
  const room = await server.rooms.acquire(reportId);
  try {
    return (room as unknown as { doc: Y.Doc }).doc.getXmlFragment(FRAGMENT_NAME).toString();
  } finally {
    server.rooms.release(room);
  }
}

/** The first paragraph of one of the user's editable sections. */
async function ownParagraph(window: Window) {
  const id = await window.page.evaluate(
    (department) =>
      [
        ...document.querySelectorAll<HTMLElement>(`section.section-editable[data-owner="${department}"]`),
      ].find((section) => section.querySelector(':scope > p'))?.dataset.sectionId,
    window.user.departmentId,
  );
  if (!id) throw new Error(`${window.user.username} has no editable section with a paragraph`);
  return window.page.locator(`section[data-section-id="${id}"] > p`).first();
}

async function typeInOwnSection(window: Window, text: string) {
  await (await ownParagraph(window)).click();
  await window.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
  await window.page.keyboard.press('End');
  await window.page.keyboard.type(text);
}

/**
 * Inserts, through the editor's own Y.Doc, an element the guard refuses (unknown node type) into
 * one of the user's sections: the provider sends it, the server closes the socket with 4403.
 */
async function makeRefusedEdit(window: Window) {
  await window.page.evaluate((department) => {
    const root = document.querySelector('.report-document') as (Element & { editor?: Editor }) | null;
    const editor = root?.editor;
    const collaboration = editor?.extensionManager.extensions.find((e) => e.name === 'collaboration');
    const doc = collaboration?.options.document as import('yjs').Doc | undefined;
    if (!doc) throw new Error('no collaboration document');
    type El = import('yjs').XmlElement;
    const find = (parent: import('yjs').XmlFragment | El): El | null => {
      for (const child of parent.toArray()) {
        const element = child as El;
        if (typeof element.toArray !== 'function' || typeof element.getAttribute !== 'function') continue;
        if (element.nodeName === 'section' && element.getAttribute('owner') === department) return element;
        const found = find(element);
        if (found) return found;
      }
      return null;
    };
    const section = find(doc.getXmlFragment('default'));
    if (!section) throw new Error('no own section in the doc');
    const XmlElement = section.constructor as new (name: string) => El;
    section.insert(1, [new XmlElement('script')]);
  }, window.user.departmentId);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'dongsoan-e2e-noloop-'));
  const { startServer } = await import('../../server/server');
  server = await startServer({
    port: 0,
    dataDir,
    seed: 'demo',
    clientDir: await buildClient(),
    logger: quietLogger,
  });
  browser = await launchChromium();
  [editorA, editorB, secretary] = await Promise.all([
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
    openWindow(browser, server.url, DEMO.editorB, DEMO.password),
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
  ]);
  for (const w of [editorA, editorB, secretary]) countSockets(w.page);
  reportId = (await editorB.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await storeUnrenderable(DEMO.editorA);
});

afterAll(async () => {
  if (editorB)
    await editorB.page.screenshot({ path: screenshotPath('no-loop-editor-b.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('content a client cannot render', () => {
  it('is kept aside, not deleted: another editor stays on one socket and types through', async () => {
    await Promise.all([editorB, secretary].map((w) => openReport(w, server.url, reportId)));
    await editorB.page.locator('[data-connection="connected"]').waitFor();
    // The user is told that part of the report is not shown.
    await editorB.page.locator('[data-notice]').filter({ hasText: 'không hiển thị được' }).waitFor();

    const typed = ' B gõ bình thường';
    await typeInOwnSection(editorB, typed);
    await waitForText(secretary.page, typed.trim());
    // A fixed window after typing: a refused deletion would have reconnected many times by now.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await serverText()).toContain(typed.trim());
    expect(await serverText()).toContain(HIDDEN_TEXT);
    expect(socketCount(editorB)).toBe(1);
    expect(socketCount(secretary)).toBe(1);
  });
});

describe("an editor's refused edits", () => {
  it('wait longer before each reconnect, while the others keep typing on one socket', async () => {
    await openReport(editorA, server.url, reportId);
    await editorA.page.locator('[data-connection="connected"]').waitFor();
    expect(socketCount(editorA)).toBe(1);

    const refusals = 4;
    for (let i = 1; i <= refusals; i++) {
      await makeRefusedEdit(editorA);
      // Told, with the wait, until the fresh doc is there.
      await editorA.page.locator('[data-notice]').filter({ hasText: 'kết nối lại' }).waitFor();
      // The page reconnects with a fresh doc, after a wait.
      await expect.poll(() => socketCount(editorA), { timeout: 30_000, interval: 50 }).toBe(i + 1);
      await editorA.page.locator('[data-connection="connected"]').waitFor();
      await editorB.page.keyboard.type(` b${i}`);
    }
    const opened = sockets.get(editorA.page) ?? [];
    const gaps = opened.slice(1).map((at, i) => at - opened[i]);
    // 1 s, 2 s, 4 s… (client/pages/report/refusalBackoff.ts); the first gap also holds the time
    // before the first refused edit, so only the later ones are checked against their wait.
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(1_000 * 2 ** i - 50);

    // The others were never disturbed.
    await waitForText(secretary.page, `b${refusals}`);
    expect(await serverText()).toContain(`b${refusals}`);
    expect(await serverText()).not.toContain('<script></script>');
    expect(socketCount(editorB)).toBe(1);
    expect(socketCount(secretary)).toBe(1);
  });

  it('had no page errors', () => {
    const errors = [...editorA.errors, ...editorB.errors, ...secretary.errors].filter((error) =>
      error.startsWith('pageerror:'),
    );
    expect(errors).toEqual([]);
  });
});
