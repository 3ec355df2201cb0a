import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, expectCleanPage, launchBrowser, loginAs, openPage, type TrackedPage, tick } from './harness.js';

const items = [
  { key: 'elevator', label: '老旧小区加装电梯', budget: 800 },
  { key: 'bus', label: '城乡公交一体化', budget: 600 },
  { key: 'care', label: '社区居家养老服务中心', budget: 400 },
];

let browser: Browser;
let voteId: string;
let closedVoteId: string;
let paperDeputy: string;
beforeAll(async () => {
  const staff = await apiAs('staff');
  const me = await staff<{ user: { bodyId: string } }>('GET', '/api/auth/me');
  const bodyId = me.user.bodyId;
  const deputies = await staff<{ items: { id: string; name: string; bodyName: string }[] }>(
    'GET',
    '/api/deputies?pageSize=50&status=in_office',
  );
  const city = deputies.items.filter((d) => d.bodyName === '嘉兴市人大常委会');
  const zhang = city.find((d) => d.name === '张秀英')!;
  const others = city.filter((d) => d.name !== '张秀英').slice(0, 2);
  paperDeputy = others[0]!.name;
  const spec = (title: string) => ({
    bodyId,
    title,
    subject: { module: 'livelihood', id: 'e2e' },
    electorate: { kind: 'list', deputyIds: [zhang.id, ...others.map((o) => o.id)] },
    ballotKind: 'approve',
    maxChoices: 2,
    secret: true,
    items,
    rule: { places: 2, basis: 'cast', source: '嘉兴市民生实事项目人大代表票决办法（示例）' },
  });
  voteId = (await staff<{ id: string }>('POST', '/api/votes', spec('2027年民生实事项目票决'))).id;
  await staff('POST', `/api/votes/${voteId}/actions/open`);
  closedVoteId = (await staff<{ id: string }>('POST', '/api/votes', spec('已结束的票决'))).id;
  await staff('POST', `/api/votes/${closedVoteId}/actions/open`);
  await staff('POST', `/api/votes/${closedVoteId}/actions/close`);
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function confirmPop(page: Page, name: string) {
  await page.locator('.ant-popconfirm').getByRole('button', { name }).click();
}

describe('a secret vote: phone ballots, paper ballots with a second person, the result and the public list', () => {
  let deputyPage: TrackedPage;
  let code: string;

  it('a deputy votes on a phone-sized page and gets a ballot code', async () => {
    deputyPage = await openPage(browser, { mobile: true });
    const { page } = deputyPage;
    await page.setViewportSize({ width: 390, height: 844 });
    await loginAs(page, 'deputy');
    await page.goto(`${baseUrl()}/votes/${voteId}/ballot`);
    await expect.poll(() => page.getByRole('heading', { name: '2027年民生实事项目票决' }).count()).toBe(1);
    await tick(page.getByRole('checkbox', { name: /老旧小区加装电梯/ }));
    await tick(page.getByRole('checkbox', { name: /社区居家养老服务中心/ }));
    // A third choice is beyond the ballot's two.
    await expect.poll(() => page.getByRole('checkbox', { name: /城乡公交一体化/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /投\s*票/ }).click();
    await confirmPop(page, '投 票');
    await expect.poll(() => page.getByText('您已投票').count()).toBe(1);
    code = (await page.getByTestId('ballot-code').innerText()).replace(/\s/g, '').slice(0, 14);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectCleanPage(deputyPage, 'ballot page after voting');
  });

  it('a second ballot is refused; reopening the page shows the vote and the code kept on the phone', async () => {
    const { page } = deputyPage;
    const csrf = (await (await page.request.get(`${baseUrl()}/api/auth/csrf`)).json()) as { csrfToken: string };
    const again = await page.request.post(`${baseUrl()}/api/votes/${voteId}/ballots`, {
      headers: { 'x-csrf-token': csrf.csrfToken, 'idempotency-key': 'another-device-key-0001' },
      data: { choices: { bus: 'chosen' } },
    });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe('您已投过票，每人只能投一票');
    await page.reload();
    await expect.poll(() => page.getByText('您已投票').count()).toBe(1);
    await expect.poll(async () => (await page.getByTestId('ballot-code').innerText()).includes(code)).toBe(true);
  });

  it('staff mark a paper ballot on the roll, key it in, and a second staff member confirms it', async () => {
    const staffPage = await openPage(browser);
    const { page } = staffPage;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/meetings/votes/${voteId}`);
    await expect.poll(() => page.getByTestId('turnout').innerText()).toBe('1 / 3 人');
    await page.getByRole('combobox', { name: '登记交回纸质选票的代表' }).click();
    await page.locator('.ant-select-dropdown:visible').getByText(paperDeputy, { exact: true }).click();
    await page.getByRole('button', { name: '登记已交回' }).click();
    await expect.poll(() => page.getByTestId('turnout').innerText()).toBe('2 / 3 人');
    await tick(page.getByRole('checkbox', { name: /城乡公交一体化/ }));
    await tick(page.getByRole('checkbox', { name: /社区居家养老服务中心/ }));
    await page.getByRole('button', { name: /录\s*入/ }).click();
    await expect.poll(() => page.getByText('本人录入，须另一名工作人员确认').count()).toBe(1);
    await staffPage.context.close();

    const adminPage = await openPage(browser);
    await loginAs(adminPage.page, 'admin');
    await adminPage.page.goto(`${baseUrl()}/meetings/votes/${voteId}`);
    await adminPage.page.getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => adminPage.page.getByText(/待第二人确认的纸质选票（0 张/).count()).toBe(1);
    // Close: the result names the rule and the figures.
    await adminPage.page.getByRole('button', { name: '结束投票' }).click();
    await confirmPop(adminPage.page, '结束投票');
    await expect.poll(() => adminPage.page.getByText(/应投票 3 人，收回选票 2 张/).count()).toBe(1);
    await expect.poll(() => adminPage.page.getByText(/嘉兴市民生实事项目人大代表票决办法/).count()).toBeGreaterThan(0);
    await adminPage.page.getByRole('button', { name: '公布结果' }).click();
    await confirmPop(adminPage.page, '公布结果');
    await expect.poll(() => adminPage.page.getByText('已按公布的选票清单重新计票，结果一致').count()).toBe(1);
    await expectCleanPage(adminPage, 'vote panel after announcement');
    await adminPage.context.close();
  });

  it('a ballot after closing is refused in Chinese', async () => {
    const { page } = deputyPage;
    await page.goto(`${baseUrl()}/votes/${closedVoteId}/ballot`);
    await expect.poll(() => page.getByText('投票已结束').count()).toBe(1);
    const csrf = (await (await page.request.get(`${baseUrl()}/api/auth/csrf`)).json()) as { csrfToken: string };
    const late = await page.request.post(`${baseUrl()}/api/votes/${closedVoteId}/ballots`, {
      headers: { 'x-csrf-token': csrf.csrfToken },
      data: { choices: { bus: 'chosen' } },
    });
    expect(((await late.json()) as { error: { message: string } }).error.message).toBe('投票已结束（已结束），不能再投票');
  });

  it('anyone finds their ballot code in the published list, without signing in', async () => {
    const visitor = await openPage(browser, { mobile: true });
    const { page } = visitor;
    await page.goto(`${baseUrl()}/votes/${voteId}/verify`);
    await expect.poll(() => page.getByText('共 2 张选票（按选票码排序，不含投票人信息）').count()).toBe(1);
    await page.getByLabel('输入选票码查找').fill(code.replaceAll('-', '').toLowerCase());
    await expect.poll(() => page.getByTestId('found-ballot').innerText()).toContain('老旧小区加装电梯：选中');
    await expectCleanPage(visitor, 'public ballot list');
  });
});
