import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chinaDay,
  baseUrl,
  buttonNamed,
  expectCleanPage,
  expectCleanToast,
  expectHeading,
  launchBrowser,
  loginAs,
  openPage,
  tick,
} from './harness.js';
import { dropdownClosed, searchAndChoose } from './ui.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('station rota', () => {
  it('staff fill three weeks of Tuesdays and Fridays at once: preview, save, and a second run skips the days taken', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/stations`);
    await expectHeading(page, '代表联络站');
    await expect.poll(() => page.getByRole('img', { name: /年各站接待对比/ }).count()).toBe(1);
    await page.getByRole('link', { name: '秀洲高新区人大代表联络站' }).click();
    await expectHeading(page, '秀洲高新区人大代表联络站');
    await expect.poll(() => page.getByRole('heading', { name: '排班（四定）' }).count()).toBe(1);

    const fill = async () => {
      await buttonNamed(page, '按周重复排班').click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByText('法定节假日（含调休放假）').count()).toBe(1);
      // Three whole weeks from tomorrow: three Tuesdays and three Fridays (no official holiday then).
      const [from, to] = [dialog.locator('.ant-picker-range input').nth(0), dialog.locator('.ant-picker-range input').nth(1)];
      await from.click();
      await from.fill(chinaDay(1));
      await from.press('Enter');
      await to.fill(chinaDay(21));
      await to.press('Enter');
      await dialog.locator('.ant-modal-title').click();
      await dropdownClosed(page);
      await tick(dialog.getByRole('checkbox', { name: '星期二' }));
      await tick(dialog.getByRole('checkbox', { name: '星期五' }));
      await searchAndChoose(page, dialog.getByLabel('进站代表'), '张秀英', '张秀英');
      await dialog.locator('.ant-modal-title').click();
      await dialog.getByLabel('活动主题').fill('听取对园区企业用工的意见');
      await dialog.getByLabel('办理责任人', { exact: true }).fill('沈佳琪');
      await buttonNamed(dialog, '预览日期').click();
      return dialog;
    };

    // Blank required fields are refused on the form before anything is sent.
    await buttonNamed(page, '按周重复排班').click();
    const blank = page.getByRole('dialog');
    await buttonNamed(blank, '预览日期').click();
    await expect.poll(() => blank.getByText('此项为必填项').count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, 'weekly rota dialog with blank fields');
    await buttonNamed(blank, '取消').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const dialog = await fill();
    const preview = dialog.getByRole('region', { name: '排班日期预览' });
    await expect.poll(() => preview.getByText('将排班 6 天').count()).toBe(1);
    await expect.poll(() => preview.locator('.ant-tag').count()).toBe(6);
    expect(await preview.locator('.ant-tag').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/星期二$/)]));
    await expectCleanPage(tracked, 'weekly rota preview');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => page.getByText('已排班 6 天，跳过 0 天').count()).toBe(1);
    await expectCleanToast(tracked, '已排班 6 天，跳过 0 天');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByRole('cell', { name: '听取对园区企业用工的意见' }).count()).toBe(6);
    await expectCleanPage(tracked, 'rota after the weekly repeat');

    // The same again: every day already has an overlapping entry, nothing can be saved.
    const again = await fill();
    const second = again.getByRole('region', { name: '排班日期预览' });
    await expect.poll(() => second.getByText('没有可排班的日子').count()).toBe(1);
    await expect.poll(() => second.getByText('跳过 6 天').count()).toBe(1);
    await expect.poll(() => second.getByText(/已有时间重叠的排班（已有 09:00—11:30“听取对园区企业用工的意见”）/).count()).toBe(6);
    expect(await buttonNamed(again, '保存').count()).toBe(0);
    await expectCleanPage(tracked, 'weekly rota preview with every day taken');
    await tracked.context.close();
  });
});
