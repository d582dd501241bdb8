// Print preview (issue 16) in Chromium: the export menu's "Xem trước khi in" shows the real PDF
// export (DOCX laid out by LibreOffice) as pdf.js pages. The demo report runs to many pages; the
// page with "Nơi nhận" and the signature is the last page of the report itself (the appendix
// follows on pages of its own), and its text is in that page's text layer. A viewer can open the
// preview too (with Ctrl+P, on a phone-width screen). Without LibreOffice on the server the dialog says so instead of showing pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../server/export';
import { launchChromium, openReport, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

const soffice = findLibreOffice();

let server: DemoServer;
let browser: Browser;
let reportId: string;
let secretary: Window;
let viewer: Window;

beforeAll(async () => {
  server = await startDemoServer('preview');
  browser = await launchChromium();
  [secretary, viewer] = await Promise.all([
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
    openWindow(browser, server.url, 'lanhdao', DEMO.password),
  ]);
  reportId = (await secretary.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPreview(page: Page) {
  await page.locator('[data-export-toggle]').click();
  await page.locator('[data-print-preview]').click();
  return page.locator('[data-dialog="print-preview"]');
}

/** Text of each page's text layer, once every page is drawn. */
async function pageTexts(page: Page): Promise<string[]> {
  return (await pageItems(page)).map((items) => items.join(''));
}

/** The text items of each page's text layer (pdf.js draws one span per item), once all are drawn. */
async function pageItems(page: Page): Promise<string[][]> {
  const pages = page.locator('[data-preview-page]');
  await page.waitForFunction(
    () => {
      const all = document.querySelectorAll('[data-preview-page]');
      return all.length > 0 && [...all].every((p) => (p as HTMLElement).dataset.rendered === 'true');
    },
    undefined,
    { timeout: 180_000 },
  );
  return pages.evaluateAll((elements) =>
    elements.map((element) =>
      [...element.querySelectorAll('.textLayer span:not(.markedContent)')].map(
        (span) => span.textContent ?? '',
      ),
    ),
  );
}

describe.skipIf(!soffice)('print preview', () => {
  it('shows the exported pages: many, numbered, the signature page last before the appendix', async () => {
    await openReport(secretary, server.url, reportId);
    const dialog = await openPreview(secretary.page);
    await dialog.waitFor();
    // While LibreOffice works (seconds), the dialog says so.
    await dialog.locator('[data-preview-status="building"]', { hasText: 'Đang dựng trang' }).waitFor();
    await secretary.page.screenshot({ path: screenshotPath('print-preview-building.png') });
    const items = await pageItems(secretary.page);
    const texts = items.map((page) => page.join(''));

    expect(texts.length).toBeGreaterThan(1);
    const pageCount = Number(await dialog.locator('[data-preview-pages]').getAttribute('data-preview-pages'));
    expect(pageCount).toBe(texts.length);
    expect(await dialog.locator('[data-preview-status]').textContent()).toContain(`${pageCount} trang`);

    const signaturePage = texts.findIndex((text) => text.includes('Nơi nhận'));
    expect(signaturePage).toBeGreaterThan(0);
    // The report's own last page: everything after it is the appendix.
    const appendix = texts.slice(signaturePage + 1);
    expect(appendix.length).toBeGreaterThan(0);
    expect(appendix[0]).toContain('PHỤ LỤC');
    expect(texts.slice(0, signaturePage + 1).some((text) => text.includes('PHỤ LỤC'))).toBe(false);
    // Page numbers from page 2, as in the export.
    for (const [index, page] of items.entries()) {
      const numbers = page.map((item) => item.trim()).filter((item) => /^\d+$/.test(item));
      if (index === 0) expect(numbers).not.toContain('1');
      else expect(numbers).toContain(String(index + 1));
    }
    // Each page is labelled for screen readers.
    expect(
      await dialog.locator(`[data-preview-page="${signaturePage + 1}"]`).getAttribute('aria-label'),
    ).toBe(`Trang ${signaturePage + 1}/${pageCount}`);

    await dialog
      .locator(`[data-preview-page="${signaturePage + 1}"]`)
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await secretary.page.screenshot({ path: screenshotPath('print-preview-signature.png') });

    // Zoom in: the pages are drawn again, wider.
    const before = await dialog.locator('[data-preview-page="1"]').boundingBox();
    await dialog.locator('[data-preview-zoom="in"]').click();
    await secretary.page.waitForFunction(
      (width) => {
        const first = document.querySelector('[data-preview-page="1"]') as HTMLElement | null;
        return first !== null && first.dataset.rendered === 'true' && first.offsetWidth > (width as number);
      },
      before?.width ?? 0,
      { timeout: 120_000 },
    );

    // "Tải PDF" saves the export under its name; "In…" opens the same PDF in a tab to print.
    const [download] = await Promise.all([
      secretary.page.waitForEvent('download'),
      dialog.locator('[data-preview-download]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const [tab] = await Promise.all([
      secretary.context.waitForEvent('page'),
      dialog.locator('[data-preview-print]').click(),
    ]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();

    await dialog.locator('[data-preview-close]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(secretary.errors).toEqual([]);
  });

  it('opens for a viewer too, on a phone-width screen with the page fitted to it', async () => {
    await viewer.page.setViewportSize({ width: 390, height: 844 });
    await openReport(viewer, server.url, reportId);
    // Ctrl+P on the report page opens the preview rather than printing the editor.
    await viewer.page.keyboard.press('Control+p');
    const dialog = viewer.page.locator('[data-dialog="print-preview"]');
    await dialog.waitFor();
    const texts = await pageTexts(viewer.page);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.some((text) => text.includes('Nơi nhận'))).toBe(true);
    const first = await dialog.locator('[data-preview-page="1"]').boundingBox();
    expect(first?.width).toBeLessThanOrEqual(390);
    await viewer.page.screenshot({ path: screenshotPath('print-preview-390.png') });
    await viewer.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(viewer.errors).toEqual([]);
  });
});

describe('print preview without LibreOffice on the server', () => {
  const saved = process.env.SOFFICE_PATH;
  afterAll(() => {
    if (saved === undefined) delete process.env.SOFFICE_PATH;
    else process.env.SOFFICE_PATH = saved;
  });

  it('says that LibreOffice is missing, and draws no page', async () => {
    // The server runs in this process and looks LibreOffice up on each export.
    process.env.SOFFICE_PATH = '/nonexistent/soffice';
    // From the report list this time: each row's export menu offers the preview too.
    await secretary.page.goto(server.url);
    const row = secretary.page.locator(`[data-report-id="${reportId}"]`);
    await row.locator('[data-export-toggle]').click();
    await row.locator('[data-print-preview]').click();
    const dialog = secretary.page.locator('[data-dialog="print-preview"]');
    const alert = dialog.locator('[data-preview-error]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('chưa cài LibreOffice');
    expect(await dialog.locator('[data-preview-page]').count()).toBe(0);
    expect(await dialog.locator('[data-preview-download]').isDisabled()).toBe(true);
  });
});
