import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '@renda/shared';
import { baseUrl, expectCleanPage, launchBrowser, loginAs, openPage, type TrackedPage } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const sizes = [
  { size: 'phone', mobile: true, viewport: { width: 390, height: 844 } },
  { size: 'desktop', mobile: false, viewport: { width: 1440, height: 900 } },
] as const;

/** The list page each role's first to-do line opens, and whether its rows are cards on a phone. */
const roles = [
  { username: 'staff', cards: false },
  { username: 'leader', cards: false },
  { username: 'deputy', cards: true },
  { username: 'unit', cards: true },
] as const;

const cases = roles.flatMap((r) => sizes.map((s) => ({ ...r, ...s })));

/** Nothing on the page is wider than the window. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function expectShell(tracked: TrackedPage, mobile: boolean, where: string) {
  const { page } = tracked;
  const header = await page.locator('.app-header').boundingBox();
  if (mobile) {
    // One line: the menu button, the name, the bell and the account menu.
    expect(header!.height, `${where}: header on one line`).toBeLessThan(72);
    expect(await page.locator('.ant-layout-sider').count(), `${where}: no sidebar on a phone`).toBe(0);
    expect(await scrollsSideways(page), `${where}: nothing scrolls sideways`).toBe(false);
  } else {
    // Every menu label is shown whole, never cut to “代表履…”.
    const cut = await page
      .locator('.ant-layout-sider .ant-menu-title-content')
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
    expect(cut, `${where}: menu labels cut`).toEqual([]);
  }
}

/**
 * The leader's figures that moved: each tile shows this month's count and opens the list filtered to this
 * month, its period in the list's filter bar, with that many rows; then back home for the to-do lines.
 */
async function expectFigures(page: Page, figures: Workbench['figures']) {
  expect(figures.length).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('heading', { name: '数据变化' }).count()).toBe(1);
  for (const figure of figures) {
    const tile = page.locator(`a.figure-tile[href="${figure.link}"]`);
    await expect.poll(() => tile.innerText(), { message: figure.label }).toMatch(new RegExp(`${figure.label}\\s*${figure.current}`));
  }
  const first = figures[0]!;
  await page.locator(`a.figure-tile[href="${first.link}"]`).click();
  await page.waitForURL((u) => `${u.pathname}${u.search}` === first.link);
  await expect
    .poll(() => page.getByText(`共 ${first.current} 条`).count(), { message: `${first.label}: the list shows ${first.current}` })
    .toBeGreaterThan(0);
  // The period stands in the filter bar, where the user sees it and can clear it.
  await expect.poll(() => page.locator('.filter-bar input[date-range="start"]').inputValue()).toBe(first.period.from);
  await page.goBack();
  await expect.poll(() => page.getByRole('heading', { name: '待办事项' }).count()).toBe(1);
}

describe('the workbench (工作台): each role’s to-do list at phone and desktop size', () => {
  it.each(cases)('$username on a $size', async ({ username, cards, mobile, viewport, size }) => {
    const tracked = await openPage(browser, { mobile, viewport });
    const { page } = tracked;
    await loginAs(page, username);
    await expect.poll(() => page.getByRole('heading', { name: '待办事项' }).count()).toBe(1);
    const { entries, figures } = (await (await tracked.context.request.get(`${baseUrl()}/api/workbench`)).json()) as Workbench;
    expect(entries.length).toBeGreaterThan(0);
    // Each line shows its label and count and links to its list.
    for (const entry of entries) {
      const link = page.locator(`a.todo-link[href="${entry.link}"]`);
      await expect.poll(() => link.count(), { message: `${entry.label} linked` }).toBe(1);
      await expect.poll(() => link.innerText()).toMatch(new RegExp(`${entry.label}\\s*${entry.count}`));
    }
    await expectShell(tracked, mobile, `${username} home ${size}`);
    await expectCleanPage(tracked, `${username} workbench ${size}`);

    if (username === 'leader') await expectFigures(page, figures);

    // The first line with something in it opens the list filtered to exactly those items.
    const open = entries.find((e) => e.count > 0 && !e.link.endsWith('/new'));
    if (open) {
      await page.locator(`a.todo-link[href="${open.link}"]`).click();
      await page.waitForURL((u) => `${u.pathname}${u.search}` === open.link);
      await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
      await expect
        .poll(() => page.getByText(`共 ${open.count} 条`).count(), { message: `${open.label}: the list shows ${open.count}` })
        .toBeGreaterThan(0);
      if (mobile && cards) expect(await page.locator('.row-card').count()).toBeGreaterThan(0);
      await expectShell(tracked, mobile, `${username} ${open.link} ${size}`);
      await expectCleanPage(tracked, `${username} ${open.link} ${size}`);
    }

    if (mobile) {
      // The menu is a drawer behind the header's button.
      await page.getByRole('button', { name: '打开菜单' }).click();
      await expect.poll(() => page.locator('.ant-drawer nav a[href="/suggestions"]').isVisible()).toBe(true);
      await expectCleanPage(tracked, `${username} menu drawer`);
      await page.locator('.ant-drawer nav a[href="/notifications"]').click();
      await page.waitForURL((u) => u.pathname === '/notifications');
      await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    }
    await tracked.context.close();
  });
});
