import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  buttonNamed,
  expectCleanPage,
  launchBrowser,
  loginAs,
  networkSettled,
  openPage,
  type TrackedPage,
  tick,
} from './harness.js';
import { act, apiAs, expectState, label, openItem, reply, submitDialog } from './suggestions-steps.js';
import { dropdownClosed, searchAndChoose } from './ui.js';

/**
 * 建议办理设置 (a body's result categories and how a co-signed item's reply is addressed) and 分别办理
 * (several units each answering their own part, each part released and rated on its own, the item closed
 * once every part is). Drafting, submitting, accepting and signing for go through the API (walked in
 * suggestions.e2e.ts); the steps under test go through the pages. The per-body deadlines are walked in
 * admin.e2e.ts (期限规则).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const HOUSING = '嘉兴市住房和城乡建设局';
const TRANSPORT = '嘉兴市交通运输局';
const PHONE = { width: 390, height: 844 };
const FOUR = {
  C: '所提问题列入规划，待条件具备时解决',
  D: '因政策、财力等原因留作参考',
};

const settingsDialog = (page: Page) => page.getByRole('dialog', { name: '建议办理设置' });

async function openSettings(staff: TrackedPage) {
  await staff.page.goto(`${baseUrl()}/suggestions`);
  await staff.page.getByRole('button', { name: '建议办理设置' }).click();
  const dialog = settingsDialog(staff.page);
  await expect.poll(() => dialog.getByLabel('A类名称').inputValue()).not.toBe('');
  await networkSettled(staff);
  return dialog;
}

/**
 * A step on one unit's part (审核发出答复, 满意度测评): its dialog offers that unit's reply, chosen by
 * default; a rating is ticked when given.
 */
async function partStep(tracked: TrackedPage, action: string, part: string, rating?: string) {
  await tracked.page.reload();
  await act(tracked.page, action);
  const dialog = tracked.page.getByRole('dialog');
  await expect.poll(() => dialog.getByText(part).count(), { message: `${action}: ${part}` }).toBe(1);
  if (rating) await tick(dialog.getByLabel(rating, { exact: true }));
  await expectCleanPage(tracked, `${action} form: ${part}`);
  await submitDialog(tracked.page);
}

/** The item's detail section by its title. */
const section = (page: Page, title: string) => page.locator('.section-card', { hasText: title });

describe('建议办理设置: a body sets its result categories and co-signed reply letters', () => {
  it('staff move the city to four categories (A–D) with its own labels and one letter per co-signer', async () => {
    const staff = await openPage(browser);
    await loginAs(staff.page, 'staff');
    let dialog = await openSettings(staff);
    // The city has no setting of its own yet: the platform's A/B/C and one letter naming everyone.
    await expect.poll(() => dialog.getByText(/^本机关未单独设置/).count()).toBe(1);
    expect(await dialog.getByLabel('D类名称').count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: '一封答复函，列明领衔代表和全体联名代表' }).isChecked()).toBe(true);
    await expectCleanPage(staff, 'settings dialog, platform default');

    await tick(dialog.getByRole('radio', { name: '领衔代表和每位联名代表各一封答复函' }));
    await dialog.getByLabel('C类名称').fill(FOUR.C);
    await buttonNamed(dialog, '增加D类').click();
    await dialog.getByLabel('D类名称').fill(FOUR.D);
    // Four is the most: no E.
    expect(await dialog.getByRole('button', { name: /增加.类/ }).count()).toBe(0);
    await expectCleanPage(staff, 'settings dialog, four categories');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => staff.page.getByRole('dialog').count(), { message: 'settings dialog closes' }).toBe(0);

    // Opened again, the city's own setting is shown, with nothing inherited.
    dialog = await openSettings(staff);
    await expect.poll(() => dialog.getByLabel('D类名称').inputValue()).toBe(FOUR.D);
    expect(await dialog.getByLabel('C类名称').inputValue()).toBe(FOUR.C);
    expect(await dialog.getByRole('radio', { name: '领衔代表和每位联名代表各一封答复函' }).isChecked()).toBe(true);
    expect(await dialog.getByText(/^本机关未单独设置/).count()).toBe(0);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => staff.page.getByRole('dialog').count()).toBe(0);
    await staff.context.close();
  });
});

describe('分别办理: each unit answers its own part, each part rated, the item closed when all are', () => {
  it('is assigned to two units, answered (on a phone) and rated part by part, then closed', async () => {
    const TITLE = '关于统筹推进城区老旧小区停车设施建设的建议';
    const staff = await openPage(browser);
    await loginAs(staff.page, 'staff');
    const deputy = await openPage(browser);
    await loginAs(deputy.page, 'deputy');
    const unit = await openPage(browser, { mobile: true, viewport: PHONE });
    await loginAs(unit.page, 'unit');
    const jtunit = await openPage(browser);
    await loginAs(jtunit.page, 'jtunit');

    const { id } = await apiAs<{ id: string }>(deputy, 'POST', '/api/suggestions', {
      period: 'between_sessions',
      field: 'urban',
      title: TITLE,
      content: '城区老旧小区停车位严重不足，车辆占用消防通道和人行道现象普遍。建议住建部门挖潜增设车位，交通部门优化周边道路停车管理。',
    });
    await apiAs(deputy, 'POST', `/api/suggestions/${id}/actions/submit`, {});
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/accept`, {});

    // Staff assign it to two units handling separately.
    await openItem(staff, id, TITLE, 'accepted item');
    await act(staff.page, '交办');
    const assign = staff.page.getByRole('dialog');
    await tick(assign.getByRole('radio', { name: '分别办理' }));
    // A multiple select stays open after a pick: the second unit is found by typing, not by a click that would close it.
    const units = assign.getByLabel('分别办理单位（两个以上）');
    await searchAndChoose(staff.page, units, '住房和城乡', HOUSING);
    await searchAndChoose(staff.page, units, '交通运输', TRANSPORT);
    await staff.page.keyboard.press('Escape');
    await dropdownClosed(staff.page);
    expect(await assign.getByLabel('主办单位').count()).toBe(0);
    await expectCleanPage(staff, 'assignment form, separate handling');
    await submitDialog(staff.page);
    await expectState(staff.page, '已交办');
    const assignments = section(staff.page, '交办情况');
    await expect.poll(() => assignments.getByRole('cell', { name: '分别办理' }).count()).toBe(2);

    await apiAs(unit, 'POST', `/api/suggestions/${id}/actions/signFor`, {});
    await apiAs(jtunit, 'POST', `/api/suggestions/${id}/actions/signFor`, {});

    // 住建局 answers its part on a phone, with the city's own D category; the item waits for 交通运输局.
    await openItem(unit, id, TITLE, 'unit’s part on a phone');
    const narrow = () => unit.page.evaluate(() => document.documentElement.scrollWidth);
    expect(await narrow()).toBeLessThanOrEqual(PHONE.width);
    await reply(unit, '我局已摸排城区老旧小区可利用空间，因用地和资金限制，增设停车位暂列入储备项目，留作参考。', '刘明', {
      category: `D类（${FOUR.D}）`,
      state: '办理中',
    });
    expect(await narrow()).toBeLessThanOrEqual(PHONE.width);
    await expectCleanPage(unit, 'part answered, on a phone');

    // Staff release 住建局's reply on its own; the item cannot be closed while 交通运输局 owes its part.
    await partStep(staff, '审核发出答复', `${HOUSING} · D类`);
    await expectState(staff.page, '办理中');
    const staffActions = staff.page.getByRole('group', { name: '可执行的操作' });
    await expect.poll(() => staffActions.getByRole('button').count()).toBeGreaterThan(0);
    expect(await staffActions.getByRole('button', { name: label('办结') }).count()).toBe(0);

    // The deputy rates 住建局's part.
    await openItem(deputy, id, TITLE, 'deputy’s item, one part released');
    await partStep(deputy, '满意度测评', `${HOUSING} · D类`, '基本满意');
    await expectState(deputy.page, '办理中');

    // 交通运输局 answers its own part (B); now every part is answered and awaits review.
    await openItem(jtunit, id, TITLE, 'transport bureau’s part');
    await reply(jtunit, '我局将在老旧小区周边道路施划夜间限时停车泊位，并加强违停整治。', '周海峰', { category: /^B类/ });
    await partStep(staff, '审核发出答复', `${TRANSPORT} · B类`);
    await expectState(staff.page, '答复已发');
    await partStep(deputy, '满意度测评', `${TRANSPORT} · B类`, '满意');
    await expectState(deputy.page, '已测评');

    // Every part answered and rated: staff close the item.
    await staff.page.reload();
    await act(staff.page, '办结');
    await expectCleanPage(staff, 'close form');
    await submitDialog(staff.page);
    await expectState(staff.page, '已办结');
    // Each part's rating is listed under its unit's name.
    const ratings = staff.page.locator('.ant-list-item');
    await expect.poll(() => ratings.filter({ hasText: new RegExp(`^${HOUSING} · .*基本满意`) }).count()).toBe(1);
    await expect.poll(() => ratings.filter({ hasText: new RegExp(`^${TRANSPORT} · .*满意`) }).count()).toBe(1);
    await expectCleanPage(staff, 'closed separate item');
    for (const tracked of [staff, deputy, unit, jtunit]) await tracked.context.close();
  });
});
