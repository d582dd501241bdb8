// The report at phone width (390×844): the document comes first — the editor's first section is
// on the first screen — with the outline collapsed behind a toggle that opens it, and picking an
// outline entry closes it again. A screenshot is kept in test-artifacts/phone-390.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport, openWindow, screenshotPath, type Window } from './browser';
import { DEMO, type DemoServer, startDemoServer } from './demo';

const PHONE = { width: 390, height: 844 };

let server: DemoServer;
let browser: Browser;
let phone: Window;

beforeAll(async () => {
  server = await startDemoServer('phone');
  browser = await launchChromium();
  phone = await openWindow(browser, server.url, DEMO.editorA, DEMO.password, PHONE);
  const reportId =
    (await phone.page.locator('[data-report-id]').first().getAttribute('data-report-id')) ?? '';
  await openReport(phone, server.url, reportId);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('phone layout', () => {
  it('shows the document on the first screen, with the outline collapsed', async () => {
    const { page } = phone;
    const ownSection = page.locator(`section[data-owner="${phone.user.departmentId}"]`).first();
    const firstSection = page.locator('.report-document [data-section-number]').first();
    await firstSection.waitFor();
    const box = await firstSection.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(PHONE.height);
    expect(await firstSection.isVisible()).toBe(true);
    // The outline is behind its toggle; the page does not scroll sideways.
    expect(await page.locator('nav.outline').isVisible()).toBe(false);
    expect(await page.locator('[data-outline-toggle]').getAttribute('aria-expanded')).toBe('false');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('phone-390.png') });
    // Scrolled, the sticky toolbar sits right under the (one-line) sticky header, not under it.
    await page.evaluate(() => window.scrollTo(0, 2000));
    const bars = await page.evaluate(() => ({
      header: document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? -1,
      toolbar: document.querySelector('.toolbar')?.getBoundingClientRect().top ?? -1,
    }));
    expect(bars.toolbar).toBeGreaterThanOrEqual(bars.header - 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await ownSection.count()).toBeGreaterThan(0);
    expect(phone.errors).toEqual([]);
  });

  it('opens the outline with its toggle and closes it when an entry is picked', async () => {
    const { page } = phone;
    await page.locator('[data-outline-toggle]').click();
    await page.locator('nav.outline').waitFor({ state: 'visible' });
    expect(await page.locator('[data-outline-toggle]').getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: screenshotPath('phone-390-outline.png') });
    // Pick the last top-level section (the appendix entry after it has no section): the outline
    // closes and the document shows that section.
    const entries = page.locator('nav.outline > ul > li[data-outline-section] > .outline-item');
    const last = entries.last();
    const id = await last.evaluate(
      (button) => button.closest('li')?.getAttribute('data-outline-section') ?? '',
    );
    await last.click();
    await page.locator('nav.outline').waitFor({ state: 'hidden' });
    const target = page.locator(`.report-document [data-section-id="${id}"]`);
    await page.waitForFunction(
      (sectionId) => {
        const section = document.querySelector(`.report-document [data-section-id="${sectionId}"]`);
        const rect = section?.getBoundingClientRect();
        // Sub-pixel rounding may leave the section's top a fraction above the viewport.
        return rect !== undefined && rect.top > -2 && rect.top < window.innerHeight;
      },
      id,
      { polling: 'raf' },
    );
    expect(await target.count()).toBe(1);
    expect(phone.errors).toEqual([]);
  });
});
