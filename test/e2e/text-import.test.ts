// The text import in the browser: the secretary picks a .docx as a text file and is told at once,
// in Vietnamese, to use the DOCX import; nothing is sent. She then picks the sample's HTML export
// saved as text by LibreOffice (footnote numbers inline, notes at the end) and the new report opens
// with its footnotes.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../server/export/docx';
import { convertWithLibreOffice } from '../../server/export/libreoffice';
import { findLibreOffice } from '../../server/export/pdf';
import { renderHtml } from '../../shared/render/html';
import { sampleReport } from '../unit/server/export/fixtures';
import { launchChromium, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let secretary: Window;

beforeAll(async () => {
  server = await startDemoServer('text-import');
  browser = await launchChromium();
  secretary = await openWindow(browser, server.url, DEMO.secretary, DEMO.password);
});

afterAll(async () => {
  await secretary?.page.screenshot({ path: screenshotPath('text-import.png') }).catch(() => {});
  await browser?.close();
  await server?.close();
});

async function chooseText(name: string, buffer: Buffer) {
  const page = secretary.page;
  await page.goto(`${server.url}/reports/new`);
  await page.locator('input[name=source][value=text]').check();
  await page.locator('input[name=file]').setInputFiles({ name, mimeType: 'text/plain', buffer });
}

describe('text import in the browser', () => {
  it('refuses a .docx chosen as text, pointing to the DOCX import', async () => {
    const requests: string[] = [];
    secretary.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/reports')) requests.push(r.url());
    });
    const docx = Buffer.from(await renderDocx(sampleReport(), { profile: 'party' }));
    await chooseText('bao-cao.txt', docx);
    const page = secretary.page;
    await page
      .getByText('Tệp này không phải văn bản thuần (có vẻ là tệp Word); hãy dùng Nhập DOCX.')
      .waitFor();
    expect(await page.locator('[data-file-read]').count()).toBe(0);
    expect(requests).toEqual([]);
  });

  it.skipIf(!findLibreOffice())(
    'creates a report from text saved by LibreOffice, with its footnotes',
    async () => {
      const html = new TextEncoder().encode(renderHtml(sampleReport()));
      const txt = Buffer.from(await convertWithLibreOffice(html, 'r.html', 'txt:Text (encoded):UTF8'));
      await chooseText('bao-cao.txt', txt);
      const page = secretary.page;
      await page.locator('[data-file-read]').waitFor();
      await page.locator('input[name=title]').fill('Nhập từ văn bản Word');
      await page.locator('form button[type=submit]').click();
      await page.locator('.report-document [data-section-number]').first().waitFor({ timeout: 60_000 });
      await expect
        .poll(() => page.locator('.report-document [data-footnote]').count(), { timeout: 30_000 })
        .toBe(8);
      expect(secretary.errors).toEqual([]);
    },
    240_000,
  );
});
