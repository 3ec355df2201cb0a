import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  buttonNamed,
  chooseOption,
  expectCleanPage,
  expectHeading,
  loginAs,
  openPage,
  type TrackedPage,
  tick,
} from './harness.js';
import { openBrowserWithStation } from './opinions-steps.js';
import { dropdownClosed, searchAndChoose } from './ui.js';

const newCategory = '老旧小区加装电梯';
let browser: Browser;
let stationCode: string;

openBrowserWithStation((b, code) => {
  browser = b;
  stationCode = code;
});

/** The form's error under a field, or the list's own error. */
const fieldError = (page: Page, text: string) => page.locator('.ant-form-item-explain-error').filter({ hasText: text });

/** Waits for toasts to leave and animations to end, then checks the page (axe, console). */
async function clean(tracked: TrackedPage, where: string) {
  await tracked.page.mouse.move(1, 1);
  await expectCleanPage(tracked, where);
}

/** Sends an opinion as a citizen would from the station's QR code; answers its tracking code. */
async function send(tracked: TrackedPage, content: string) {
  const res = await tracked.context.request.post(`${baseUrl()}/api/public/opinions`, {
    data: { station: stationCode, category: await categoryCode(tracked), content },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}

async function categoryCode(tracked: TrackedPage) {
  const form = await tracked.context.request.get(`${baseUrl()}/api/public/opinions/form?station=${stationCode}`);
  const { categories } = (await form.json()) as { categories: { code: string; label: string }[] };
  return categories.find((c) => c.label === newCategory)!.code;
}

/** The name box of the n-th category (its 启用 box is named after it too). */
const nameField = (page: Page, n: number) => page.getByRole('textbox', { name: `第 ${n} 个类别的名称`, exact: true });

const row = (page: Page, code: string) => page.getByRole('row').filter({ hasText: code });

describe('the category dictionary and bulk triage', () => {
  it('staff add a category that citizens then choose, and decline and route opinions in bulk from the inbox', async () => {
    const staff = await openPage(browser);
    const desk = staff.page;
    await loginAs(desk, 'staff');
    await desk.goto(`${baseUrl()}/opinions`);
    await expectHeading(desk, '群众意见收件箱');
    await expect.poll(() => desk.getByRole('img', { name: /^群众意见按状态统计/ }).count()).toBe(1);
    await desk.locator('.ant-segmented-item').filter({ hasText: '意见类别' }).click();
    await expectHeading(desk, '意见类别字典');
    await expect.poll(() => desk.locator('.ant-tag').filter({ hasText: '内置字典' }).count()).toBe(1);
    // Opinions already carry 交通出行: it may be deactivated, not removed.
    await expect.poll(() => desk.getByRole('button', { name: '删除（交通出行）' }).isDisabled()).toBe(true);
    await clean(staff, 'category editor (built-in list)');

    // ---- a new category: blank, then a duplicate name, are refused in Chinese ----
    await desk.getByRole('button', { name: /添加类别/ }).click();
    const added = nameField(desk, 10);
    await buttonNamed(desk, '保存').click();
    await expect.poll(() => fieldError(desk, '此项为必填项').count()).toBe(1);
    await added.fill('教育');
    await buttonNamed(desk, '保存').click();
    await expect.poll(() => fieldError(desk, '类别名称“教育”重复').count()).toBe(1);
    await clean(staff, 'category editor with a refused name');
    await added.fill(newCategory);
    await desk.getByRole('button', { name: `上移（${newCategory}）` }).click();
    await expect.poll(() => nameField(desk, 9).inputValue()).toBe(newCategory);
    await buttonNamed(desk, '保存').click();
    await expect.poll(() => desk.locator('.ant-tag').filter({ hasText: '本机关的字典' }).count()).toBe(1);
    await expect.poll(() => nameField(desk, 10).inputValue()).toBe('其他');
    await clean(staff, 'category editor (own list saved)');

    // ---- a citizen chooses it on the phone ----
    const citizen = await openPage(browser, { mobile: true });
    const phone = citizen.page;
    await phone.goto(`${baseUrl()}/m/opinion?station=${stationCode}`);
    await expectHeading(phone, '反映意见');
    await phone.getByLabel('意见类别').selectOption({ label: newCategory });
    await phone.getByLabel('意见内容').fill('我们小区是九十年代的老楼，六层没有电梯，老人上下楼很困难，希望支持加装电梯。');
    await phone.getByRole('button', { name: '提交意见' }).click();
    await expectHeading(phone, '提交成功');
    const fromPhone = (await phone.locator('p.code').textContent())!.trim();
    await citizen.context.close();

    const codes = [
      fromPhone,
      await send(staff, '加装电梯的补贴标准不清楚，希望公布具体的申请流程和补贴金额。'),
      await send(staff, '小区加装电梯低层住户不同意，协调很难，希望社区出面协调。'),
      await send(staff, '老旧小区加装电梯审批环节太多，希望简化手续。'),
    ];

    // ---- the inbox filters by the new category ----
    await desk.goto(`${baseUrl()}/opinions`);
    await expectHeading(desk, '群众意见收件箱');
    const search = desk.getByRole('search');
    await chooseOption(desk, search.getByLabel('类别'), newCategory);
    await dropdownClosed(desk);
    await buttonNamed(search, '查询').click();
    for (const code of codes) await expect.poll(() => desk.getByRole('link', { name: code }).count()).toBe(1);
    await clean(staff, 'inbox filtered by the new category');

    // ---- 批量不予受理: one reason for two opinions ----
    const [declineA, declineB, toAccept, leftSubmitted] = codes as [string, string, string, string];
    await tick(desk.getByRole('checkbox', { name: `选择 ${declineA}` }));
    await tick(desk.getByRole('checkbox', { name: `选择 ${declineB}` }));
    await desk.getByRole('button', { name: '批量不予受理（2）' }).click();
    const decline = desk.getByRole('dialog');
    await expect.poll(() => decline.getByText('批量不予受理 2 条意见').count()).toBe(1);
    await buttonNamed(decline, '保存').click();
    await expect.poll(() => fieldError(desk, '此项为必填项').count()).toBe(1);
    const reason = '加装电梯由住建部门统一受理，请向所在街道加梯办申请';
    await decline.getByLabel('理由').fill(reason);
    await clean(staff, 'bulk decline dialog');
    await buttonNamed(decline, '保存').click();
    await expect.poll(() => desk.getByText('已不予受理 2 条').count()).toBe(1);
    for (const code of [declineA, declineB]) await expect.poll(() => row(desk, code).getByText('不予受理').count()).toBe(1);
    const tracked = await staff.context.request.get(`${baseUrl()}/api/public/opinions/${declineB}`);
    expect(await tracked.json()).toMatchObject({ statusLabel: '不予受理', declineReason: reason });

    // ---- 批量受理 one, then 批量转办 it with one still waiting: that one is refused on its own ----
    await tick(desk.getByRole('checkbox', { name: `选择 ${toAccept}` }));
    await desk.getByRole('button', { name: /批量受理（1）/ }).click();
    await expect.poll(() => row(desk, toAccept).getByText('已受理').count()).toBe(1);
    // The selection is cleared once the action is done (after the list is fetched again).
    const acceptedBox = desk.getByRole('checkbox', { name: `选择 ${toAccept}` });
    await expect.poll(() => acceptedBox.isChecked()).toBe(false);
    await tick(acceptedBox);
    await tick(desk.getByRole('checkbox', { name: `选择 ${leftSubmitted}` }));
    await desk.getByRole('button', { name: '批量转办（2）' }).click();
    const route = desk.getByRole('dialog');
    await searchAndChoose(desk, route.getByLabel('承办单位'), '住房和城乡建设局', '嘉兴市住房和城乡建设局');
    await dropdownClosed(desk);
    await tick(route.getByLabel('专项交办'));
    await expect.poll(() => route.getByText('答复期限按每条意见所属机关现行的期限规则计算，与逐条转办相同').count()).toBe(1);
    await clean(staff, 'bulk route dialog');
    await buttonNamed(route, '保存').click();
    await expect.poll(() => desk.getByText('已转办 1 条，1 条未能转办').count()).toBe(1);
    const notice = desk.getByRole('alert').filter({ hasText: '以下 1 条未能转办' });
    await expect.poll(() => notice.getByText(`${leftSubmitted}：当前状态（待受理）不能执行此操作`).count()).toBe(1);
    await expect.poll(() => row(desk, toAccept).getByText('已转办').count()).toBe(1);
    await expect.poll(() => row(desk, toAccept).getByText('嘉兴市住房和城乡建设局').count()).toBe(1);
    await expect.poll(() => row(desk, leftSubmitted).getByText('待受理').count()).toBe(1);
    await clean(staff, 'inbox after bulk routing');
    await staff.context.close();
  });

  it('opens the category dictionary for an administrator from the 群众意见 menu, with the city’s own list', async () => {
    const admin = await openPage(browser);
    await loginAs(admin.page, 'admin');
    await admin.page.locator('nav a[href="/opinions"]').first().click();
    await expectHeading(admin.page, '意见类别字典');
    await expect.poll(() => admin.page.locator('.ant-tag').filter({ hasText: '本机关的字典' }).count()).toBe(1);
    await expect.poll(() => nameField(admin.page, 9).inputValue()).toBe(newCategory);
    await clean(admin, 'category editor for an administrator');
    await admin.context.close();
  });
});
