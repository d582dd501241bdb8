// The Word import in real Chromium against the real server: the secretary uploads a .docx of the
// sample, sees the preview (outline with numbers, notes, indicators), takes the departments
// suggested from the demo report and changes one, creates the report, and it opens; the assigned
// department's editor then types in its section and the secretary sees the text arrive.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionSummary } from '../../shared/types';
import { sampleDocxByDongsoan } from '../helpers/docx-files';
import { launchChromium, openReport, openWindow, type Window, waitForText } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let secretary: Window;
let editor: Window;

function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => {
    const token = JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null')?.token;
    const response = await fetch(target, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${target}: ${response.status}`);
    return response.json();
  }, url) as Promise<T>;
}

beforeAll(async () => {
  server = await startDemoServer('docx-import');
  browser = await launchChromium();
  secretary = await openWindow(browser, server.url, DEMO.secretary, DEMO.password);
  editor = await openWindow(browser, server.url, DEMO.editorB, DEMO.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('DOCX import page', () => {
  it('uploads, previews, assigns, creates and opens the report, which a department then edits', async () => {
    const { page } = secretary;
    const demoId = (await page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
    const docx = await sampleDocxByDongsoan();

    await page.getByRole('button', { name: /Tạo báo cáo mới/ }).click();
    await page.locator('[data-page="new-report"]').waitFor();
    await page.locator('input[name="source"][value="docx"]').check();
    const panel = page.locator('[data-docx-import]');
    await panel.locator('input[name="docx"]').setInputFiles({
      name: 'bao-cao.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx),
    });

    // The preview: numbers derived, notes, indicators, the closing.
    const recognised = panel.locator('[data-recognised]');
    await recognised.waitFor({ timeout: 60_000 });
    expect(await recognised.textContent()).toMatch(/8 chú thích.*14 chỉ tiêu \(9 đạt, 1 chưa đạt\)/);
    expect(await panel.locator('[data-outline-row="1.3"]').textContent()).toContain(
      '3. Lãnh đạo công tác xây dựng Đảng',
    );
    expect(await panel.locator('[data-outline-row="2"]').textContent()).toContain('II. NHIỆM VỤ TRỌNG TÂM');

    // Departments suggested from the demo report, where titles match; one changed by hand.
    await panel.locator('select[name="previousReportId"]').selectOption(demoId);
    await panel.locator('[data-prefilled]').waitFor();
    expect(Number(await panel.locator('[data-prefilled]').getAttribute('data-prefilled'))).toBeGreaterThan(0);
    const department = editor.user.departmentId ?? '';
    await panel.locator('select[name="owner-1.2.2"]').selectOption(department);
    await panel.locator('input[name="title"]').fill('Báo cáo nhập từ Word');
    await panel.locator('[data-action="create-docx-report"]').click();

    await page.waitForURL(
      (url) => /^\/reports\/[^/]+$/.test(url.pathname) && url.pathname !== '/reports/new',
    );
    const newId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(newId).not.toBe(demoId);
    await page.locator('.report-document [data-section-number]').first().waitFor();
    await expect.poll(() => page.locator('.report-titlebar h1').textContent()).toBe('Báo cáo nhập từ Word');

    const detail = await apiGet<{ sections: SectionSummary[] }>(page, `/api/reports/${newId}`);
    const target = detail.sections[0].children[1].children[1];
    expect(target).toMatchObject({ number: '2.2.', title: 'Về Bưu chính, Viễn thông tần số vô tuyến điện' });
    expect(target.owner).toBe(department);

    // The department's editor types in its section; the secretary's window shows it.
    await openReport(editor, server.url, newId);
    const section = `.report-document section[data-section-id="${target.id}"]`;
    await editor.page.locator(`${section}.section-editable`).waitFor();
    await editor.page.locator(`${section} > p`).first().click();
    await editor.page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
    await editor.page.keyboard.press('End');
    await editor.page.keyboard.type(' Nội dung gõ sau khi nhập', { delay: 10 });
    await waitForText(page, 'Nội dung gõ sau khi nhập');
    expect(secretary.errors).toEqual([]);
    expect(editor.errors).toEqual([]);
  }, 180_000);
});
