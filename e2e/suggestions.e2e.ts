import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectCleanPage, launchBrowser, loginAs, networkSettled, openPage, type TrackedPage } from './harness.js';
import {
  act,
  confirmPopover,
  expectState,
  expectWordLetter,
  openItem as openTitled,
  rate,
  release,
  reply,
  submitDialog,
} from './suggestions-steps.js';
import { dropdownClosed, pickOther, searchAndChoose } from './ui.js';

const TITLE = '关于在南湖区增设社区老年食堂的建议';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const openItem = (tracked: TrackedPage, id: string, where: string) => openTitled(tracked, id, TITLE, where);

describe('a deputy’s suggestion from drafting to closure', () => {
  // One long flow through four parties: more time than a single page check on a loaded machine.
  it('is drafted and submitted by the deputy, assigned by staff, answered by the unit, reopened on dissatisfaction and closed', async () => {
    // The deputy (张秀英) drafts it on the phone-friendly form and submits it.
    const deputy = await openPage(browser);
    await loginAs(deputy.page, 'deputy');
    await deputy.page.goto(`${baseUrl()}/suggestions`);
    await expect.poll(() => deputy.page.getByRole('heading', { level: 1, name: '我的建议议案' }).count()).toBe(1);
    await expectCleanPage(deputy, 'deputy list');
    await deputy.page.getByRole('button', { name: '起草建议' }).click();
    await deputy.page.waitForURL((url) => url.pathname === '/suggestions/new');
    await networkSettled(deputy);
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
    await expectCleanPage(deputy, 'draft detail');
    await act(deputy.page, '提交');
    await confirmPopover(deputy.page);
    await expectState(deputy.page, '已提交');

    // Staff find it in the list, accept it and assign it to 住建局 as lead unit.
    const staff = await openPage(browser);
    await loginAs(staff.page, 'staff');
    await staff.page.goto(`${baseUrl()}/suggestions?state=submitted`);
    await expect.poll(() => staff.page.getByRole('link', { name: TITLE }).count()).toBe(1);
    await expectCleanPage(staff, 'staff list');
    await staff.page.getByRole('link', { name: TITLE }).click();
    await staff.page.waitForURL((url) => url.pathname === `/suggestions/${id}`);
    await expectState(staff.page, '已提交');
    await expectCleanPage(staff, 'staff detail');
    await act(staff.page, '受理');
    await submitDialog(staff.page);
    await expectState(staff.page, '已受理');
    await act(staff.page, '交办');
    const assign = staff.page.getByRole('dialog');
    await searchAndChoose(staff.page, assign.getByLabel('主办单位'), '住房和城乡', '嘉兴市住房和城乡建设局');
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
    await expectCleanPage(staff, 'closed item');

    // The rates page counts it: 住建局's row with its figures and the chart.
    await staff.page.goto(`${baseUrl()}/suggestions/rates`);
    await expect.poll(() => staff.page.getByRole('heading', { level: 1, name: '建议办理统计' }).count()).toBe(1);
    await expect
      .poll(() =>
        staff.page
          .getByRole('img', { name: /承办单位的办复率/ })
          .locator('canvas')
          .count(),
      )
      .toBeGreaterThan(0);
    await expect.poll(() => staff.page.getByRole('cell', { name: '嘉兴市住房和城乡建设局' }).count()).toBeGreaterThan(0);
    await expectCleanPage(staff, 'rates page');

    for (const tracked of [deputy, staff, unit]) await tracked.context.close();
  });
});
