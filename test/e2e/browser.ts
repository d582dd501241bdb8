// Chromium for the end-to-end tests: Debian's package, driven by playwright-core.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Editor } from '@tiptap/core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { User } from '../../shared/types';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A logged-in window with every page error and console error recorded. */
export interface Window {
  context: BrowserContext;
  page: Page;
  errors: string[];
  user: User;
}

/** Helpers installed in every page of the tests. */
export interface TestWindow {
  /** The document's text without other users' caret labels (which sit inside the text). */
  documentText(): string;
  /** Whether the caret is inside `element` for the browser and for the editor alike. */
  caretIn(element: Element): boolean;
}

function installHelpers() {
  (window as unknown as TestWindow).documentText = () => {
    const root = document.querySelector('.report-document');
    if (!root) return '';
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  };
  (window as unknown as TestWindow).caretIn = (element) => {
    // TipTap keeps the editor on its DOM element.
    const root = document.querySelector('.report-document') as (Element & { editor?: Editor }) | null;
    const view = root?.editor?.view;
    const selection = document.getSelection();
    if (!view || !selection?.focusNode || !element.contains(selection.focusNode)) return false;
    return view.posAtDOM(selection.focusNode, selection.focusOffset) === view.state.selection.head;
  };
}

export async function openWindow(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  viewport = { width: 1400, height: 900 },
): Promise<Window> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  await context.addInitScript(installHelpers);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(baseUrl);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-report-id]').first().waitFor();
  const user = await page.evaluate(() => JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null').user);
  return { context, page, errors, user };
}

/** Open a report by id and wait until the editor shows numbered sections. */
export async function openReport(window: Window, baseUrl: string, reportId: string): Promise<void> {
  await window.page.goto(`${baseUrl}/reports/${encodeURIComponent(reportId)}`);
  await window.page.locator('.report-document [data-section-number]').first().waitFor();
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

/** The document's text as the user sees it (other users' caret labels left out). */
export function documentText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as TestWindow).documentText());
}

/** Wait until the document shows `text`. */
export async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => (window as unknown as TestWindow).documentText().includes(t), text);
}
