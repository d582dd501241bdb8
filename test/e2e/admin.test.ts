// The secretary's organisation and lifecycle pages in real Chromium against the real server:
// next period's report from the demo report (outline, numbering, assignments, cleared indicators,
// last period's text one click away), an account created with a one-time password that then logs
// in, an editor refused at the admin pages, and the login form's throttling message.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionSummary } from '../../shared/types';
import { launchChromium, openWindow, screenshotPath, type TestWindow, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

let server: DemoServer;
let browser: Browser;
let secretary: Window;
const windows: Window[] = [];

/** GET a JSON resource with the page's own session token. */
function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => {
    const token = JSON.parse(localStorage.getItem('dongsoan.session') ?? 'null')?.token;
    const response = await fetch(target, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${target}: ${response.status}`);
    return response.json();
  }, url) as Promise<T>;
}

function flatten(sections: SectionSummary[]): SectionSummary[] {
  return sections.flatMap((section) => [section, ...flatten(section.children ?? [])]);
}

async function open(username: string, password = DEMO.password): Promise<Window> {
  const window = await openWindow(browser, server.url, username, password);
  windows.push(window);
  return window;
}

beforeAll(async () => {
  server = await startDemoServer('admin');
  browser = await launchChromium();
  secretary = await open(DEMO.secretary);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('organisation and report lifecycle pages', () => {
  it('creates the next period report from the demo report through the pages', async () => {
    const { page } = secretary;
    const demoId = (await page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
    const demo = await apiGet<{ title: string; sections: SectionSummary[] }>(page, `/api/reports/${demoId}`);

    await page.getByRole('button', { name: /Tạo báo cáo mới/ }).click();
    await page.locator('[data-page="new-report"]').waitFor();
    await page.locator('input[name="source"][value="previous"]').check();
    await page.locator('select[name="previousReportId"]').selectOption(demoId);
    // Title and period are suggested one year on, from the demo report's own.
    await expect
      .poll(() => page.locator('input[name="title"]').inputValue())
      .toBe(demo.title.replace('2024', '2025'));
    expect(await page.locator('input[name="period"]').inputValue()).toBe('06 tháng đầu năm 2025');
    await page.locator('[data-action="create-report"]').click();

    // Leaves /reports/new for the created report.
    await page.waitForURL(
      (url) =>
        /^\/reports\/[^/]+$/.test(url.pathname) &&
        url.pathname !== '/reports/new' &&
        !url.pathname.endsWith(demoId),
    );
    const newId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.locator('.report-document [data-section-number]').first().waitFor();
    await expect
      .poll(() => page.locator('.report-titlebar h1').textContent())
      .toBe('Báo cáo 6 tháng đầu năm 2025');

    // Same numbering and assignments as the demo report, in document order.
    const expected = flatten(demo.sections);
    const numbers = await page.$$eval('.report-document [data-section-number]', (els) =>
      els.map((el) => el.getAttribute('data-section-number')),
    );
    expect(numbers).toEqual(expected.map((s) => s.number));
    const owners = await page.$$eval('.report-document section[data-section-id]', (els) =>
      els.map((el) => el.getAttribute('data-owner')),
    );
    expect(owners).toEqual(expected.map((s) => s.effectiveOwner ?? ''));
    // Period phrases in titles moved to 2025; no title still names the first half of 2024.
    const created = await apiGet<{ sections: SectionSummary[] }>(page, `/api/reports/${newId}`);
    const titles = flatten(created.sections).map((s) => s.title);
    expect(titles[0]).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2025');
    expect(titles.some((title) => /6 tháng đầu năm 2025/i.test(title))).toBe(true);
    expect(titles.filter((title) => /tháng đầu năm 2024/i.test(title))).toEqual([]);
    // The indicator table keeps its rows but no result is evaluated.
    await expect
      .poll(() => page.locator('.report-document [data-indicator-summary]').textContent())
      .toBe('Đạt 0/14');
    expect(await page.locator('.report-document [data-indicator-row]').count()).toBe(14);

    // Last period's text of 2.1. is one click away, and is not in the new document.
    const section = expected.find((s) => s.number === '2.1.');
    expect(section).toBeDefined();
    const lastPeriodPhrase = 'Triển khai tốt công tác quản lý nhà nước trên các lĩnh vực';
    expect(await page.evaluate(() => (window as unknown as TestWindow).documentText())).not.toContain(
      lastPeriodPhrase,
    );
    const index = expected.indexOf(section as SectionSummary);
    await page
      .locator('.report-document section[data-section-id]')
      .nth(index)
      .locator('.section-title')
      .first()
      .click();
    const toggle = page.locator('[data-action="previous-period"]');
    await expect.poll(() => toggle.textContent()).toContain('2.1.');
    await toggle.click();
    const panel = page.locator('[data-previous-panel]');
    await expect.poll(() => panel.locator('[data-previous-text]').textContent()).toContain(lastPeriodPhrase);
    expect(await panel.locator('h2').textContent()).toContain('2.1.');
    await page.screenshot({ path: screenshotPath('admin-previous-period.png') });
    expect(secretary.errors).toEqual([]);
  });

  it('creates an account whose one-time password is shown once and works', async () => {
    const { page } = secretary;
    await page.goto(server.url);
    await page
      .locator('.app-header')
      .getByRole('link', { name: /Quản trị/ })
      .click();
    await page.locator('[data-page="admin-users"] [data-user="secretary"]').waitFor();
    await page.locator('input[name="new-username"]').fill('nguyenvana');
    await page.locator('input[name="new-name"]').fill('Nguyễn Văn A');
    await page.locator('select[name="new-role"]').selectOption('editor');
    await page.locator('select[name="new-department"]').selectOption('thanhtra');
    await page.locator('[data-form="create-user"] button[type="submit"]').click();

    const dialog = page.locator('[data-one-time-password]');
    await dialog.waitFor();
    const password = (await dialog.locator('[data-password]').textContent()) ?? '';
    expect(password).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
    await page.screenshot({ path: screenshotPath('admin-one-time-password.png') });
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Shown once: gone from the page after the dialog closes.
    expect(await page.locator('body').textContent()).not.toContain(password);
    const row = page.locator('[data-user="nguyenvana"]');
    await row.waitFor();
    expect(await row.locator('select').nth(1).inputValue()).toBe('thanhtra');

    const newcomer = await open('nguyenvana', password);
    expect(newcomer.user.username).toBe('nguyenvana');
    expect(await newcomer.page.locator('[data-current-user]').getAttribute('data-current-user')).toBe(
      newcomer.user.id,
    );
    expect([...secretary.errors, ...newcomer.errors]).toEqual([]);
  });

  it('refuses the administration pages to an editor', async () => {
    const editor = await open(DEMO.editorA);
    const { page } = editor;
    expect(
      await page
        .locator('.app-header')
        .getByRole('link', { name: /Quản trị/ })
        .count(),
    ).toBe(0);
    for (const target of ['/admin/users', '/admin/departments', '/reports/new']) {
      await page.goto(`${server.url}${target}`);
      const refusal = page.locator('[data-page="admin-refused"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Không có quyền truy cập');
      expect(
        await page.locator('[data-user], [data-department-id], [data-action="create-report"]').count(),
      ).toBe(0);
    }
    // Their own account page is open to them.
    await page.locator('.header-user a').click();
    await page.locator('[data-page="account"]').waitFor();
    expect(editor.errors).toEqual([]);
  });

  // Last: it leaves lanhdao's account slowed down from this address.
  it('tells the user how long to wait after too many failed logins', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    const alert = page.locator('.login-card [role="alert"]');
    const tryLogin = async (password: string) => {
      await page.locator('input[name=username]').fill('lanhdao');
      await page.locator('input[name=password]').fill(password);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.locator('button[type=submit]').click(),
      ]);
      return response.status();
    };
    for (let attempt = 0; attempt < 5; attempt++) expect(await tryLogin(`wrong-${attempt}`)).toBe(401);
    // The next try from here waits, the right password too: the first wait is one second (it
    // doubles with each further failure; a wait, never a lock).
    expect(await tryLogin(DEMO.password)).toBe(429);
    await expect.poll(() => alert.textContent()).toContain('giây');
    expect(await alert.textContent()).toBe(
      'Quá nhiều lần nhập sai mật khẩu. Vui lòng chờ 1 giây rồi thử lại.',
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
