import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chinaDay,
  baseUrl,
  buttonNamed,
  chooseOption,
  expectHeading,
  expectCleanPage,
  launchBrowser,
  loginAs,
  openPage,
} from './harness.js';

const button = buttonNamed;
const heading = expectHeading;
const clean = expectCleanPage;

const topic = '老旧小区加装电梯审批缓慢';
/** A time three days ahead, as the date-time picker shows it. */
const inThreeDays = () => `${chinaDay(3)} 10:00`;

/** Opens the appointment from the list and does one step in its dialog. */
async function openAppointment(page: Page) {
  await page.goto(`${baseUrl()}/deputies/appointments`);
  await page.getByRole('link', { name: `查看 ${topic}` }).click();
  await heading(page, `约见：${topic}`);
}

async function step(page: Page, action: string, fill: (dialog: Locator) => Promise<void>) {
  await button(page, action).first().click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await button(dialog, action).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('代表约见 and 双联系', () => {
  it('a deputy requests an appointment with an agency head', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'deputy');
    await page.goto(`${baseUrl()}/deputies`);
    await button(page, '我的约见').click();
    await heading(page, '我的约见');
    await button(page, '提出约见').click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, dialog.getByLabel('约见的国家机关'), '嘉兴市住房和城乡建设局');
    await chooseOption(page, dialog.getByLabel('代表小组'), '南湖区代表小组');
    await dialog.getByLabel('约见对象').fill('局长');
    await dialog.getByLabel('约见事项').fill(topic);
    await dialog.getByLabel('约见理由及具体内容').fill('烟雨社区 12 幢加装电梯审批已逾半年，居民多次反映。');
    await clean(tracked, 'appointment request dialog');
    await button(dialog, '提出约见').click();
    await heading(page, `约见：${topic}`);
    await expect.poll(() => page.getByText('待审核').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('南湖区代表小组').count()).toBe(1);
    await clean(tracked, 'appointment detail (deputy)');
    await tracked.context.close();
  });

  it('staff approve, schedule and record the meeting', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/deputies`);
    await page.locator('.ant-segmented-item').filter({ hasText: '代表约见' }).click();
    await heading(page, '代表约见');
    await clean(tracked, 'appointments list (staff)');
    await openAppointment(page);
    await button(page, '同意约见').click();
    await button(page.locator('.ant-popover'), '同意约见').click();
    await expect.poll(() => page.getByText('已同意').count()).toBeGreaterThan(0);

    await step(page, '安排时间地点', async (dialog) => {
      const when = dialog.getByLabel('约见时间');
      await when.click();
      await when.fill(inThreeDays());
      await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
      await dialog.getByLabel('约见地点').fill('市人大常委会 302 会议室');
    });
    await expect.poll(() => page.getByText('市人大常委会 302 会议室').count()).toBeGreaterThan(0);

    await step(page, '登记约见情况', async (dialog) => {
      await dialog.getByLabel('参加人员').fill('张秀英代表；市住建局局长；代表工委');
      await dialog.getByLabel('约见情况').fill('局长介绍审批流程，当场表态加快办理。');
    });
    await expect.poll(() => page.getByText('已约见').count()).toBeGreaterThan(0);
    await clean(tracked, 'appointment detail (staff)');
    await tracked.context.close();
  });

  it('the agency records its answer', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'unit');
    await page.goto(`${baseUrl()}/deputies`);
    await heading(page, '代表约见');
    await openAppointment(page);
    await step(page, '反馈办理结果', async (dialog) => {
      await dialog.getByLabel('办理承诺及结果').fill('两周内完成审批，年底前开工。');
    });
    await expect.poll(() => page.getByText('已反馈').count()).toBeGreaterThan(0);
    await clean(tracked, 'appointment detail (unit)');
    await tracked.context.close();
  });

  it('the deputy sees the answer and rates it', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'deputy');
    await openAppointment(page);
    expect(await page.getByText('两周内完成审批，年底前开工。').count()).toBe(1);
    await step(page, '代表评价', async (dialog) => {
      await chooseOption(page, dialog.getByLabel('代表评价'), '满意');
    });
    await expect.poll(() => page.getByText('已评价').count()).toBeGreaterThan(0);
    await tracked.context.close();
  });

  it('a deputy records a contact with a voter on a phone, and it appears in the duty log', async () => {
    const tracked = await openPage(browser, { mobile: true });
    const { page } = tracked;
    await loginAs(page, 'deputy');
    await page.goto(`${baseUrl()}/deputies/contacts`);
    await heading(page, '我的双联系');
    await button(page, '添加联系群众').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('联系群众').fill('王阿姨');
    await dialog.getByLabel('手机号').fill('13857301234');
    await button(dialog, '保存').click();
    await heading(page, '张秀英的联系关系');
    expect(await page.getByText('138****1234').count()).toBe(1);

    await page.getByLabel('联系内容').fill('上门走访，了解居家养老需求');
    await page.getByLabel('反映的问题或意见').fill('希望社区食堂周末也供餐');
    await button(page, '登记联系记录').last().click();
    await expect.poll(() => page.getByText('已记入履职登记').count()).toBe(1);
    await clean(tracked, 'contact link (deputy, phone)');

    await page.goto(`${baseUrl()}/deputies/duties`);
    await expect.poll(() => page.getByText('联系群众（走访）：王阿姨').count()).toBe(1);
    await tracked.context.close();
  });
});
