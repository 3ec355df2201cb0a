import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  chooseOption,
  expectCleanPage,
  launchBrowser,
  loginAs,
  networkSettled,
  openPage,
  type TrackedPage,
  tick,
} from './harness.js';
import {
  act,
  apiAs,
  confirmPopover,
  expectState,
  expectWordLetter,
  label,
  openItem,
  reply,
  submitDialog,
  unitId,
} from './suggestions-steps.js';
import { dropdownClosed, pickOther } from './ui.js';

/**
 * What the handling units see and wait for: a deputy who withholds their name from the units (对承办单位保密),
 * and staff releasing the lead unit from waiting on a joint unit past its deadline (免除等待会办意见).
 * The steps not under test (submitting, accepting, assigning, signing for) go through the API.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const HOUSING = '嘉兴市住房和城乡建设局';
const TRANSPORT = '嘉兴市交通运输局';
const WITHHELD = '（代表要求保密）';

async function pagesAs<N extends string[]>(...usernames: N): Promise<{ [K in keyof N]: TrackedPage }> {
  const pages: TrackedPage[] = [];
  for (const username of usernames) {
    const tracked = await openPage(browser);
    await loginAs(tracked.page, username);
    pages.push(tracked);
  }
  return pages as { [K in keyof N]: TrackedPage };
}

/** A value in the item's 基本情况, by its label. */
const basic = (page: Page, name: string) =>
  page
    .locator('.ant-descriptions-item-container')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${name}$`) }) })
    .locator('.ant-descriptions-item-content')
    .first()
    .textContent();

const section = (page: Page, title: string) => page.locator('.section-card', { hasText: title });
const actions = (page: Page) => page.getByRole('group', { name: '可执行的操作' });

/** The list row of an item, found through the list's search box (the URL's q). */
async function listRow(tracked: TrackedPage, path: string, query: string, title: string, where: string) {
  await tracked.page.goto(`${baseUrl()}${path}?q=${encodeURIComponent(query)}`);
  const row = tracked.page.getByRole('row').filter({ has: tracked.page.getByRole('link', { name: title }) });
  await expect.poll(() => row.count(), { message: `${where}: row of ${title}` }).toBe(1);
  await expectCleanPage(tracked, where);
  return row;
}

/** A request whose refusal is the point: its status and Chinese message. */
async function refused({ context }: { context: BrowserContext }, path: string, data: object) {
  const { csrfToken } = (await (await context.request.get(`${baseUrl()}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await context.request.post(`${baseUrl()}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  return { status: res.status(), message: ((await res.json()) as { error?: { message?: string } }).error?.message };
}

const REPLY = {
  category: 'B',
  content: '我局将会同有关部门研究公交线网优化方案，分步实施。',
  signer: '沈建明',
  contactPerson: '周海峰',
  contactPhone: '0573-82011234',
};

describe('对承办单位保密: a deputy withholds their name from the handling units', () => {
  it('hides the deputy from the unit’s inbox and detail, while staff still see the name', async () => {
    const TITLE = '关于整治城北工业区企业夜间违规排放问题的建议';
    const [deputy, staff, unit] = await pagesAs('deputy', 'staff', 'unit');

    // 张秀英 drafts it on the form and ticks 对承办单位保密.
    await deputy.page.goto(`${baseUrl()}/suggestions/new`);
    await networkSettled(deputy);
    await deputy.page.getByLabel('标题').fill(TITLE);
    await pickOther(deputy.page, deputy.page.getByLabel('所属领域'), '生态环境');
    await deputy.page
      .getByLabel('内容')
      .fill('城北工业区某企业夜间多次违规排放废气，周边居民反映强烈。建议加强夜间执法检查，对违法排放依法查处并公开处理结果。');
    const confidential = deputy.page.getByRole('checkbox', { name: '对承办单位保密' });
    expect(await confidential.isChecked()).toBe(false);
    await expect.poll(() => deputy.page.getByText(/^承办单位看不到您和联名代表的姓名/).count()).toBe(1);
    await tick(confidential);
    await expectCleanPage(deputy, 'draft form, confidential');
    await deputy.page.getByRole('button', { name: '保存草稿' }).click();
    await deputy.page.waitForURL((url) => /^\/suggestions\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = new URL(deputy.page.url()).pathname.split('/').pop()!;
    await expectState(deputy.page, '草稿');
    await expect.poll(() => basic(deputy.page, '对承办单位保密')).toBe('是');
    await expect.poll(() => basic(deputy.page, '领衔代表')).toBe('张秀英');
    await expectCleanPage(deputy, 'confidential draft');
    await act(deputy.page, '提交');
    await confirmPopover(deputy.page);
    await expectState(deputy.page, '已提交');

    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/accept`, {});
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/assign`, { leadUnitId: await unitId(staff, HOUSING) });

    // 住建局 finds it in its inbox with no name, and the page names nobody.
    const inboxRow = await listRow(unit, '/suggestions/assigned', '夜间违规排放', TITLE, 'unit inbox');
    expect(await inboxRow.textContent()).toContain(WITHHELD);
    expect(await inboxRow.textContent()).not.toContain('张秀英');
    await openItem(unit, id, TITLE, 'unit’s confidential item');
    await expect.poll(() => basic(unit.page, '领衔代表')).toBe(WITHHELD);
    expect(await basic(unit.page, '对承办单位保密')).toBe('是');
    expect(await unit.page.locator('main').textContent()).not.toContain('张秀英');
    await act(unit.page, '签收');
    await confirmPopover(unit.page);
    await expectState(unit.page, '办理中');
    await expect.poll(() => section(unit.page, '办理过程').getByText(WITHHELD).count()).toBeGreaterThan(0);
    expect(await unit.page.locator('main').textContent()).not.toContain('张秀英');
    await expectCleanPage(unit, 'unit’s confidential item in handling');

    // Staff see the name, in the list and on the page, and that the deputy asked for confidentiality.
    const staffRow = await listRow(staff, '/suggestions', '夜间违规排放', TITLE, 'staff list');
    expect(await staffRow.textContent()).toContain('张秀英');
    await openItem(staff, id, TITLE, 'staff’s confidential item');
    await expect.poll(() => basic(staff.page, '领衔代表')).toBe('张秀英');
    expect(await basic(staff.page, '对承办单位保密')).toBe('是');
    // No joint unit waits here: staff are not offered 免除等待会办意见.
    await expect.poll(() => actions(staff.page).getByRole('button').count()).toBeGreaterThan(0);
    expect(await actions(staff.page).getByRole('button', { name: '免除等待会办意见' }).count()).toBe(0);
    for (const tracked of [deputy, staff, unit]) await tracked.context.close();
  });
});

describe('免除等待会办意见: staff release the lead unit from a joint unit past its deadline', () => {
  it('is offered only while a joint unit’s opinion is pending, and not before its deadline', async () => {
    const TITLE = '关于优化城区道路交通信号灯配时的建议';
    const [staff, deputy] = await pagesAs('staff', 'deputy');
    const unit = await openPage(browser);
    await loginAs(unit.page, 'unit');
    const jtunit = await openPage(browser);
    await loginAs(jtunit.page, 'jtunit');
    const { id } = await apiAs<{ id: string }>(deputy, 'POST', '/api/suggestions', {
      period: 'between_sessions',
      field: 'urban',
      title: TITLE,
      content: '城区多个路口信号灯配时不合理，高峰时段车辆排队过长。建议开展路口信号配时优化，推广绿波带控制。',
    });
    await apiAs(deputy, 'POST', `/api/suggestions/${id}/actions/submit`, {});
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/accept`, {});
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/assign`, {
      leadUnitId: await unitId(staff, HOUSING),
      jointUnitIds: [await unitId(staff, TRANSPORT)],
    });
    await apiAs(unit, 'POST', `/api/suggestions/${id}/actions/signFor`, {});

    // 交通运输局 has a month for its opinion: the form shows it, but it cannot be chosen yet.
    await openItem(staff, id, TITLE, 'item with a joint unit within its deadline');
    await act(staff.page, '免除等待会办意见');
    const dialog = staff.page.getByRole('dialog');
    await dialog.getByLabel('逾期未提交意见的会办单位').click();
    const option = staff.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: TRANSPORT });
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.textContent()).toMatch(/^嘉兴市交通运输局（期限 \d{4}-\d{2}-\d{2}，未到）$/);
    expect(await option.getAttribute('class')).toContain('ant-select-item-option-disabled');
    // Clicking it chooses nothing.
    await option.click();
    expect(await dialog.locator('.ant-select-selection-item').count()).toBe(0);
    await staff.page.keyboard.press('Escape');
    await dropdownClosed(staff.page);
    await expectCleanPage(staff, 'waiver form with nothing late');
    // The server refuses it too, naming the deadline.
    const { assignments } = await apiAs<{ assignments: { id: string; role: string }[] }>(staff, 'GET', `/api/suggestions/${id}`);
    const joint = assignments.find((a) => a.role === 'joint')!;
    const early = await refused(staff, `/api/suggestions/${id}/actions/waiveJointOpinion`, { assignmentId: joint.id, reason: '测试' });
    expect(early.status).toBe(409);
    expect(early.message).toMatch(/^嘉兴市交通运输局的会办意见期限（\d{4}-\d{2}-\d{2}）未到，不能免除$/);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => staff.page.getByRole('dialog').count()).toBe(0);

    // Once 交通运输局 has sent its opinion nothing is left to wait for: the action is gone.
    await apiAs(jtunit, 'POST', `/api/suggestions/${id}/actions/signFor`, {});
    await apiAs(jtunit, 'POST', `/api/suggestions/${id}/actions/jointOpinion`, { content: '我局将配合做好信号灯配时优化的交通组织工作。' });
    await staff.page.reload();
    await expectState(staff.page, '办理中');
    await expect.poll(() => actions(staff.page).getByRole('button').count()).toBeGreaterThan(0);
    expect(await actions(staff.page).getByRole('button', { name: '免除等待会办意见' }).count()).toBe(0);
    for (const tracked of [staff, deputy, unit, jtunit]) await tracked.context.close();
  });

  it('lets the lead unit reply once staff release it, with the reason on record', async () => {
    // A demo item assigned in March 2026 to 交通运输局 (lead) with 财政局 (joint): 财政局's month is long past.
    const TITLE = '关于优化公交线网提升公交出行分担率的建议';
    const FINANCE = '嘉兴市财政局';
    const REASON = '财政局逾期未提交会办意见，经电话催办仍未反馈，为不影响答复时限，准予主办单位先行答复';
    const [staff, jtunit] = await pagesAs('staff', 'jtunit');
    const found = await apiAs<{ items: { id: string; title: string }[] }>(
      staff,
      'GET',
      `/api/suggestions?q=${encodeURIComponent('优化公交线网')}`,
    );
    const id = found.items.find((x) => x.title === TITLE)!.id;
    await apiAs(jtunit, 'POST', `/api/suggestions/${id}/actions/signFor`, {});

    // The lead unit cannot reply while 财政局's opinion is awaited.
    const blocked = await refused(jtunit, `/api/suggestions/${id}/actions/reply`, REPLY);
    expect(blocked).toEqual({ status: 409, message: `尚有会办单位未提交会办意见：${FINANCE}` });

    // Staff release it: without a choice and a reason the form says what is missing.
    await openItem(staff, id, TITLE, 'item waiting on a late joint unit');
    await expectState(staff.page, '办理中');
    await act(staff.page, '免除等待会办意见');
    const dialog = staff.page.getByRole('dialog');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await expect.poll(() => dialog.getByText('此项为必填项').count()).toBe(2);
    await chooseOption(staff.page, dialog.getByLabel('逾期未提交意见的会办单位'), FINANCE);
    await dropdownClosed(staff.page);
    await expect.poll(() => dialog.locator('.ant-select-selection-item').textContent()).toBe('嘉兴市财政局（期限 2026-04-10）');
    await dialog.getByLabel('准予先行答复的理由').fill(REASON);
    await expectCleanPage(staff, 'waiver form');
    await submitDialog(staff.page);
    const assignments = section(staff.page, '交办情况');
    await expect
      .poll(() => assignments.getByRole('row').filter({ hasText: FINANCE }).filter({ hasText: '逾期未提交，已免除等待' }).count())
      .toBe(1);
    await expect.poll(() => section(staff.page, '办理过程').getByText('免除等待会办意见').count()).toBeGreaterThan(0);
    expect(await actions(staff.page).getByRole('button', { name: '免除等待会办意见' }).count()).toBe(0);
    await expectCleanPage(staff, 'joint unit released');

    // 交通运输局 now replies on its page; the reply letter says why 财政局's opinion is missing.
    await openItem(jtunit, id, TITLE, 'lead unit released from waiting');
    await expect
      .poll(() =>
        section(jtunit.page, '交办情况')
          .getByRole('row')
          .filter({ hasText: FINANCE })
          .filter({ hasText: '逾期未提交，已免除等待' })
          .count(),
      )
      .toBe(1);
    await reply(jtunit, '我局已会同公交集团完成城区公交线网评估，年内优化调整线路8条，新开社区微循环线路3条。', '周海峰');
    const letter = await expectWordLetter(jtunit, '下载答复函（Word）');
    expect(letter).toContain('嘉兴市财政局逾期未提交会办意见，经交办机关同意先行答复。');
    for (const tracked of [staff, jtunit]) await tracked.context.close();
  });
});
