import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectCleanPage, launchBrowser, loginAs, openPage, tick } from './harness.js';
import { act, apiAs, confirmPopover, expectState, openItem, submitDialog, unitId } from './suggestions-steps.js';
import { dropdownClosed, searchAndChoose } from './ui.js';

const TITLE = '关于规范老旧小区停车收费管理的建议';
const CONTENT = '部分老旧小区停车收费标准不公开、收费主体不明确，居民意见较大。建议明确收费主体，公开收费标准和收支情况。';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a lead unit asks for reassignment and staff approve it', () => {
  it('moves the item to the unit staff choose; it leaves the first unit’s list and the new unit signs for it', async () => {
    const deputy = await openPage(browser);
    await loginAs(deputy.page, 'deputy');
    const { id } = await apiAs<{ id: string }>(deputy, 'POST', '/api/suggestions', {
      period: 'between_sessions',
      title: TITLE,
      content: CONTENT,
      field: 'urban',
    });
    await apiAs(deputy, 'POST', `/api/suggestions/${id}/actions/submit`, {});
    const staff = await openPage(browser);
    await loginAs(staff.page, 'staff');
    const lead = '嘉兴市住房和城乡建设局';
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/accept`, {});
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/assign`, { leadUnitId: await unitId(staff, lead) });

    // 住建局 (刘明) asks, in the page, to hand the item on.
    const unit = await openPage(browser);
    await loginAs(unit.page, 'unit');
    await openItem(unit, id, TITLE, 'lead unit detail');
    await act(unit.page, '申请调整承办单位');
    await unit.page
      .getByRole('dialog')
      .getByLabel('申请调整的理由', { exact: true })
      .fill('停车收费属交通运输部门职责，建议改由交通运输局主办');
    await expectCleanPage(unit, 'reassignment request');
    await submitDialog(unit.page);
    await expectState(unit.page, '申请调整');

    // Staff agree and choose 交通运输局; an approval without a unit is refused in Chinese.
    await openItem(staff, id, TITLE, 'staff detail with a request');
    await act(staff.page, '审定调整申请');
    const decision = staff.page.getByRole('dialog');
    await tick(decision.getByLabel('同意', { exact: true }));
    await decision.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => decision.getByText('此项为必填项').count()).toBe(1);
    await searchAndChoose(staff.page, decision.getByLabel('改由承办单位'), '交通运输', '嘉兴市交通运输局');
    await dropdownClosed(staff.page);
    await decision.getByLabel('说明').fill('同意调整，改由交通运输局主办');
    await expectCleanPage(staff, 'reassignment approval');
    await submitDialog(staff.page);
    await expectState(staff.page, '已交办');
    const assignments = staff.page.locator('.section-card', { hasText: '交办情况' });
    await expect.poll(() => assignments.getByRole('row', { name: /嘉兴市交通运输局.*主办.*待签收/ }).count()).toBe(1);
    await expect.poll(() => assignments.getByRole('row', { name: /嘉兴市住房和城乡建设局.*已撤回/ }).count()).toBe(1);
    await expectCleanPage(staff, 'staff detail after approval');

    // The item leaves 住建局's list; 交通运输局 (周海峰) finds it in its own and signs for it.
    await unit.page.goto(`${baseUrl()}/suggestions`);
    await expect.poll(() => unit.page.getByRole('heading', { level: 1, name: /本单位承办的建议/ }).count()).toBe(1);
    await expectCleanPage(unit, 'first unit inbox');
    expect(await unit.page.getByRole('link', { name: TITLE }).count()).toBe(0);
    const newUnit = await openPage(browser);
    await loginAs(newUnit.page, 'jtunit');
    await newUnit.page.goto(`${baseUrl()}/suggestions`);
    await expect.poll(() => newUnit.page.getByRole('link', { name: TITLE }).count()).toBe(1);
    await expectCleanPage(newUnit, 'new unit inbox');
    await newUnit.page.getByRole('link', { name: TITLE }).click();
    await newUnit.page.waitForURL((url) => url.pathname === `/suggestions/${id}`);
    await act(newUnit.page, '签收');
    await confirmPopover(newUnit.page);
    await expectState(newUnit.page, '办理中');
    await expectCleanPage(newUnit, 'new unit signed for');
    for (const tracked of [deputy, staff, unit, newUnit]) await tracked.context.close();
  });
});
