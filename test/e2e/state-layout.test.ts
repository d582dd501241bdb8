// The state layout in real Chromium against the real server: a state report made from the blank
// template shows its Quốc hiệu and Tiêu ngữ (with the rule under it) in the editor; the
// document-forms dialog has a field for each line, filled in; the secretary fills in the number
// and date, and another window sees them at once in the header and in the appendix's reference to
// its report.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

let server: DemoServer;
let browser: Browser;
let secretary: Window;
let viewer: Window;
let reportId: string;

beforeAll(async () => {
  server = await startDemoServer('state-layout');
  browser = await launchChromium();
  [secretary, viewer] = await Promise.all([
    openWindow(browser, server.url, DEMO.secretary, DEMO.password),
    openWindow(browser, server.url, DEMO.editorA, DEMO.password),
  ]);
  // A state report from the blank template, through the route the new-report page uses.
  reportId = await secretary.page.evaluate(async () => {
    const token = JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null').token;
    const response = await fetch('/api/reports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: 'blank', profile: 'state', period: '06 tháng đầu năm 2025' }),
    });
    return (await response.json()).id as string;
  });
  await Promise.all([secretary, viewer].map((w) => openReport(w, server.url, reportId)));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('state layout in the editor', () => {
  it('shows the Quốc hiệu, then the Tiêu ngữ with a rule as long as the line', async () => {
    const header = viewer.page.locator('.report-document .report-header');
    await header.locator('.report-header-title', { hasText: QUOC_HIEU }).waitFor();
    const motto = header.locator('.report-header-motto');
    expect(await motto.textContent()).toBe(TIEU_NGU);
    const rule = await motto.evaluate((el) => {
      const style = getComputedStyle(el);
      const range = document.createRange();
      range.selectNodeContents(el);
      return {
        border: style.borderBottomStyle,
        box: el.getBoundingClientRect().width,
        text: range.getBoundingClientRect().width,
      };
    });
    expect(rule.border).toBe('solid');
    // The rule is the line's own width, not the column's.
    expect(Math.abs(rule.box - rule.text)).toBeLessThan(2);
  });

  it('the dialog has a field for each title line; saving the number and date reaches every window', async () => {
    await secretary.page.locator('[data-open-forms]').click();
    const dialog = secretary.page.locator('[data-dialog="document-forms"]');
    expect(await dialog.locator('input[name="header.nationalTitle"]').inputValue()).toBe(QUOC_HIEU);
    expect(await dialog.locator('input[name="header.nationalMotto"]').inputValue()).toBe(TIEU_NGU);
    await dialog.locator('input[name="header.issuingBody"]').fill('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    await dialog.locator('input[name="header.number"]').fill('07/BC-STTTT');
    await dialog.locator('input[name="header.date"]').fill('ngày 20 tháng 6 năm 2025');
    await dialog.locator('[data-save-forms]').click();
    await dialog.waitFor({ state: 'detached' });

    await viewer.page.locator('.report-header-number', { hasText: 'Số: 07/BC-STTTT' }).waitFor();
    const expected =
      '(Kèm theo Báo cáo số 07/BC-STTTT ngày 20 tháng 6 năm 2025 của SỞ THÔNG TIN VÀ TRUYỀN THÔNG)';
    await viewer.page.locator(`.indicator-table[data-reference="${expected}"]`).waitFor();
    // The reference is shown under the appendix's title.
    const shown = await viewer.page
      .locator('.indicator-table-title')
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(shown).toBe(JSON.stringify(expected));
    await viewer.page.screenshot({ path: screenshotPath('state-layout-header.png') });
  });

  it('raised no page errors', () => {
    for (const window of [secretary, viewer]) {
      const unexpected = window.errors.filter(
        (line) =>
          !/^http 404: .*\/previous\//.test(line) && !line.startsWith('console: Failed to load resource'),
      );
      expect(unexpected).toEqual([]);
    }
  });
});
