import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, chooseOption, expectCleanPage as checkPage, launchBrowser, loginAs, openPage, type TrackedPage } from './harness.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TITLE = '关于在南湖区增设社区老年食堂的建议';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * expectCleanPage once the page is still: a toast ("已保存") fades for three seconds and is measured
 * mid-fade (low contrast), so the check waits for it to go.
 */
async function expectCleanPage(tracked: TrackedPage, where: string) {
  await expect.poll(() => tracked.page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  await checkPage(tracked, where);
}

/** antd puts a space between the two characters of a two-character button label (签收 → 签 收). */
const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/** The item's state, as the badge at the top of its page says it. */
const stateOf = (page: Page) => page.locator('main .ant-badge-status-text').first().textContent();

async function expectState(page: Page, state: string) {
  await expect.poll(() => stateOf(page), { message: `state ${state}`, timeout: 15_000 }).toBe(state);
}

/** Clicks an action button of the detail page; confirms it when it asks (Popconfirm). */
async function act(page: Page, action: string) {
  await page
    .getByRole('group', { name: '可执行的操作' })
    .getByRole('button', { name: label(action) })
    .click();
}

async function confirmPopover(page: Page) {
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: label('确定') })
    .click();
}

/** Fills and sends the action's form (a dialog titled with the action). */
async function submitDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label('确定') }).click();
  await expect.poll(() => page.getByRole('dialog').count(), { message: 'dialog closes' }).toBe(0);
}

async function openItem(tracked: TrackedPage, id: string, where: string) {
  await tracked.page.goto(`${baseUrl()}/suggestions/${id}`);
  await expect.poll(() => tracked.page.getByRole('heading', { level: 1, name: TITLE }).count()).toBe(1);
  await tracked.page.waitForLoadState('networkidle');
  await expectCleanPage(tracked, where);
}

async function expectWordLetter(tracked: TrackedPage, linkName: string) {
  const link = tracked.page.getByRole('link', { name: linkName }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/suggestions\/.+\/letter$/);
  const res = await tracked.context.request.get(`${baseUrl()}${href}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain(DOCX);
  // A .docx is a zip file: it starts with "PK".
  expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
}

/**
 * Picks an entry of a Select that already shows a value (its shown value covers the input that
 * chooseOption clicks). The list is opened from the keyboard: a second click would close it again.
 */
async function pickOther(page: Page, field: ReturnType<Page['getByLabel']>, text: string) {
  await field.focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  await dropdownClosed(page);
}

/** The list of a Select stays in the page while it fades out; checks wait until it is gone. */
const dropdownClosed = (page: Page) => expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);

async function reply(unit: TrackedPage, content: string) {
  const { page } = unit;
  await act(page, '答复代表');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^A类/).check();
  await dialog.getByLabel('答复内容').fill(content);
  await dialog.getByLabel('签发人').fill('王建平');
  await dialog.getByLabel('联系人').fill('刘明');
  await dialog.getByLabel('联系电话').fill('0573-82088123');
  await expectCleanPage(unit, 'reply form');
  await submitDialog(page);
  await expectState(page, '已答复待审');
}

async function release(staff: TrackedPage) {
  await staff.page.reload();
  await act(staff.page, '审核发出答复');
  await confirmPopover(staff.page);
  await expectState(staff.page, '答复已发');
}

async function rate(deputy: TrackedPage, rating: string, expected: string) {
  const { page } = deputy;
  await page.reload();
  await act(page, '满意度测评');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(rating, { exact: true }).check();
  if (rating === '不满意') await dialog.getByLabel('意见').fill('食堂选址仍未明确，请补充具体落实计划');
  await expectCleanPage(deputy, `rating form (${rating})`);
  await submitDialog(page);
  await expectState(page, expected);
}

describe('a deputy’s suggestion from drafting to closure', () => {
  it('is drafted and submitted by the deputy, assigned by staff, answered by the unit, reopened on dissatisfaction and closed', async () => {
    // The deputy (张秀英) drafts it on the phone-friendly form and submits it.
    const deputy = await openPage(browser);
    await loginAs(deputy.page, 'deputy');
    await deputy.page.goto(`${baseUrl()}/suggestions`);
    await expect.poll(() => deputy.page.getByRole('heading', { level: 1, name: '我的建议议案' }).count()).toBe(1);
    await deputy.page.waitForLoadState('networkidle');
    await expectCleanPage(deputy, 'deputy list');
    await deputy.page.getByRole('button', { name: '起草建议' }).click();
    await deputy.page.waitForURL((url) => url.pathname === '/suggestions/new');
    await deputy.page.waitForLoadState('networkidle');
    await deputy.page.getByLabel('标题').fill(TITLE);
    await pickOther(deputy.page, deputy.page.getByLabel('所属领域'), '社会民生');
    await deputy.page
      .getByLabel('内容')
      .fill(
        '南湖区老年人口占比已超过四分之一，独居和高龄老人吃饭难的问题突出。建议在人口密集的老旧小区依托社区服务中心增设老年食堂，对高龄、困难老人给予用餐补助，并引入社会力量参与运营。',
      );
    await expectCleanPage(deputy, 'draft form');
    // Refused in Chinese when the title does not follow the usual form.
    await deputy.page.getByLabel('标题').fill('增设社区老年食堂');
    await deputy.page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => deputy.page.getByText(/标题一般以“关于”开头/).count()).toBeGreaterThan(0);
    await deputy.page.getByLabel('标题').fill(TITLE);
    await deputy.page.getByRole('button', { name: '保存草稿' }).click();
    await deputy.page.waitForURL((url) => /^\/suggestions\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = new URL(deputy.page.url()).pathname.split('/').pop()!;
    await expectState(deputy.page, '草稿');
    await deputy.page.waitForLoadState('networkidle');
    await expectCleanPage(deputy, 'draft detail');
    await act(deputy.page, '提交');
    await confirmPopover(deputy.page);
    await expectState(deputy.page, '已提交');

    // Staff find it in the list, accept it and assign it to 住建局 as lead unit.
    const staff = await openPage(browser);
    await loginAs(staff.page, 'staff');
    await staff.page.goto(`${baseUrl()}/suggestions?state=submitted`);
    await expect.poll(() => staff.page.getByRole('link', { name: TITLE }).count()).toBe(1);
    await staff.page.waitForLoadState('networkidle');
    await expectCleanPage(staff, 'staff list');
    await staff.page.getByRole('link', { name: TITLE }).click();
    await staff.page.waitForURL((url) => url.pathname === `/suggestions/${id}`);
    await expectState(staff.page, '已提交');
    await staff.page.waitForLoadState('networkidle');
    await expectCleanPage(staff, 'staff detail');
    await act(staff.page, '受理');
    await submitDialog(staff.page);
    await expectState(staff.page, '已受理');
    await act(staff.page, '交办');
    const assign = staff.page.getByRole('dialog');
    await chooseOption(staff.page, assign.getByLabel('主办单位'), '嘉兴市住房和城乡建设局');
    await dropdownClosed(staff.page);
    await expectCleanPage(staff, 'assignment form');
    await submitDialog(staff.page);
    await expectState(staff.page, '已交办');
    const assignments = staff.page.locator('.section-card', { hasText: '交办情况' });
    await expect.poll(() => assignments.getByRole('cell', { name: '嘉兴市住房和城乡建设局' }).count()).toBe(1);
    await expect.poll(() => assignments.getByRole('cell', { name: '主办' }).count()).toBe(1);

    // The unit finds it in its inbox, reads the assignment letter, signs for it and replies (A).
    const unit = await openPage(browser);
    await loginAs(unit.page, 'unit');
    await unit.page.goto(`${baseUrl()}/suggestions`);
    await expect.poll(() => unit.page.getByRole('heading', { level: 1, name: /本单位承办的建议/ }).count()).toBe(1);
    await expect.poll(() => unit.page.getByRole('link', { name: TITLE }).count()).toBe(1);
    await unit.page.waitForLoadState('networkidle');
    await expectCleanPage(unit, 'unit inbox');
    await openItem(unit, id, 'unit detail');
    await expectWordLetter(unit, '下载交办函（Word）');
    await act(unit.page, '签收');
    await confirmPopover(unit.page);
    await expectState(unit.page, '办理中');
    await reply(
      unit,
      '经研究，我局已会同民政部门将南湖区首批5个社区老年食堂列入今年民生实事，年内建成投用，并对80岁以上老人给予每餐3元补助。',
    );

    // Staff review and send the reply.
    await release(staff);

    // The deputy reads it (and its letter) and is not satisfied: it is reopened for re-handling.
    await openItem(deputy, id, 'deputy detail with reply');
    await expectWordLetter(deputy, '下载答复函（Word）');
    await rate(deputy, '不满意', '重新办理');

    // The unit answers again; staff send it; the deputy is satisfied; staff close it.
    await unit.page.reload();
    await expectState(unit.page, '重新办理');
    await reply(
      unit,
      '针对代表意见，我局已明确5个食堂的具体选址（南湖区解放街道、建设街道等），并于本月完成招标，预计明年一季度全部投用。',
    );
    await release(staff);
    await rate(deputy, '满意', '已测评');
    await staff.page.reload();
    await act(staff.page, '办结');
    await submitDialog(staff.page);
    await expectState(staff.page, '已办结');
    const ratings = staff.page.locator('.section-card', { hasText: '满意度测评' });
    await expect.poll(() => ratings.getByText(/第1轮：不满意/).count()).toBe(1);
    await expect.poll(() => ratings.getByText(/第2轮：满意/).count()).toBe(1);
    await staff.page.waitForLoadState('networkidle');
    await expectCleanPage(staff, 'closed item');

    // The rates page counts it: 住建局's row with its figures and the chart.
    await staff.page.goto(`${baseUrl()}/suggestions/rates`);
    await expect.poll(() => staff.page.getByRole('heading', { level: 1, name: '建议办理统计' }).count()).toBe(1);
    await expect
      .poll(() =>
        staff.page
          .getByRole('img', { name: /主办单位的办复率/ })
          .locator('canvas')
          .count(),
      )
      .toBeGreaterThan(0);
    await expect.poll(() => staff.page.getByRole('cell', { name: '嘉兴市住房和城乡建设局' }).count()).toBeGreaterThan(0);
    await staff.page.waitForLoadState('networkidle');
    await expectCleanPage(staff, 'rates page');

    for (const tracked of [deputy, staff, unit]) await tracked.context.close();
  });
});
