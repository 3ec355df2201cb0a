import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectCleanPage, launchBrowser, loginAs, openPage } from './harness.js';

const demoRoles = [
  { username: 'admin', seesAdmin: true },
  { username: 'staff', seesAdmin: false },
  { username: 'leader', seesAdmin: false },
  { username: 'deputy', seesAdmin: false },
  { username: 'unit', seesAdmin: false },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the web shell', () => {
  it('refuses a wrong password with a Chinese message and keeps the user on the login page', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto(`${baseUrl()}/login`);
    await expectCleanPage(tracked, 'login page');
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByText('用户名或密码错误').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/login');
    await tracked.context.close();
  });

  // Thirteen pages, each judged by axe: more time than one page check on a loaded machine.
  it.each(demoRoles)('$username logs in and opens every navigation entry without errors', async ({ username, seesAdmin }) => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, username);
    await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('nav a[href="/stats"]').count()).toBeGreaterThan(0);
    const hrefs = await page
      .locator('nav a[href^="/"]')
      .evaluateAll((links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!))]);
    // Home, notifications and the nine modules at least; admin entries only for the admin.
    expect(hrefs.length).toBeGreaterThanOrEqual(11);
    for (const key of [
      '/deputies',
      '/stations',
      '/opinions',
      '/suggestions',
      '/livelihood-projects',
      '/supervision',
      '/meetings',
      '/legislation',
      '/stats',
    ])
      expect(hrefs).toContain(key);
    expect(hrefs.includes('/admin/users')).toBe(seesAdmin);
    for (const href of hrefs) {
      await page.locator(`nav a[href="${href}"]`).first().click();
      // An entry may forward to one of its own pages (a handling unit's 代表履职 opens its appointments).
      await page.waitForURL((url) => url.pathname === href || url.pathname.startsWith(`${href}/`));
      await expect.poll(() => page.locator('main h1').count(), { message: `${href} shows a heading` }).toBeGreaterThan(0);
      await expectCleanPage(tracked, `${username} ${href}`);
    }
    await tracked.context.close();
  });

  it('shows a 404 page for an unknown address and can be used by keyboard', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/no-such-page`);
    await expect.poll(() => page.getByRole('heading', { name: '页面不存在' }).count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, '404 page');
    // Keyboard: Tab reaches a focusable navigation link.
    await page.goto(`${baseUrl()}/`);
    let reachedNav = false;
    for (let i = 0; i < 30 && !reachedNav; i++) {
      await page.keyboard.press('Tab');
      reachedNav = await page.evaluate(() => !!document.activeElement?.closest('nav'));
    }
    expect(reachedNav).toBe(true);
    await tracked.context.close();
  });
});
