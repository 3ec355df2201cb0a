import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, buttonNamed, expectCleanPage, launchBrowser, loginAs, openPage, tick } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('logins created from the registry', () => {
  it('staff open a login for a deputy of the registry; the password goes to the deputy’s mobile', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/deputies`);
    const box = page.getByRole('checkbox', { name: /^选择：/ }).first();
    await expect.poll(() => box.count()).toBe(1);
    await tick(box);
    await page.getByRole('button', { name: /开通登录账号（1）/ }).click();
    const dialog = page.getByRole('dialog', { name: '已开通登录账号' });
    await expect.poll(() => dialog.getByText(/已短信发送至 1\d\d\*{4}\d{4}/).count()).toBe(1);
    await expectCleanPage(tracked, 'deputy logins created');
    await buttonNamed(dialog, '我已记下').click();
    await tracked.context.close();
  });

  it('an administrator opens a login for a handling unit; its user signs in with the password shown once', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'admin');
    await page.goto(`${baseUrl()}/admin/handling-units?q=${encodeURIComponent('交通运输局')}`);
    await page.getByRole('button', { name: '开通账号（嘉兴市交通运输局）' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('使用人姓名').fill('陆海涛');
    await form.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    const dialog = page.getByRole('dialog', { name: '已开通登录账号' });
    await expect.poll(() => dialog.getByText('初始密码只显示这一次', { exact: false }).count()).toBe(1);
    await expectCleanPage(tracked, 'unit login created');
    const text = await dialog.innerText();
    const username = /用户名：\s*(u[a-z2-9]{8})/.exec(text)?.[1];
    const password = /初始密码：\s*([A-Za-z0-9]{12})/.exec(text)?.[1];
    expect(username && password).toBeTruthy();
    await tracked.context.close();

    const newcomer = await openPage(browser);
    await loginAs(newcomer.page, username!, password!);
    await expect.poll(() => newcomer.page.getByText('陆海涛').count()).toBeGreaterThan(0);
    await newcomer.context.close();
  });
});
