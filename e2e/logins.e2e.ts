import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  baseUrl,
  buttonNamed,
  expectCleanPage,
  expectHeading,
  expectOnlyRefusal,
  launchBrowser,
  loginAs,
  openPage,
  tick,
} from './harness.js';

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

  it('a new deputy’s first login stays on the change-password page until a password of their own is set', async () => {
    const staff = await apiAs('staff');
    const { user } = await staff<{ user: { bodyId: string } }>('GET', '/api/auth/me');
    const deputy = await staff<{ id: string }>('POST', '/api/deputies', { bodyId: user.bodyId, term: '第十届', name: '林初登' });
    const { created } = await staff<{ created: { username: string; password: string }[] }>('POST', '/api/deputies/logins', {
      deputyIds: [deputy.id],
    });
    const { username, password } = created[0]!;

    const tracked = await openPage(browser, { mobile: true, viewport: { width: 390, height: 844 } });
    const { page } = tracked;
    await loginAs(page, username, password);
    await expectHeading(page, '请先修改初始密码');
    await page.goto(`${baseUrl()}/suggestions`);
    await expectHeading(page, '请先修改初始密码');
    expect(new URL(page.url()).pathname).toBe('/change-password');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectCleanPage(tracked, 'first login at 390 px');

    const fill = async (next: string) => {
      await page.getByLabel('初始密码', { exact: true }).fill(password);
      await page.getByLabel('新密码', { exact: true }).fill(next);
      await page.getByLabel('确认新密码', { exact: true }).fill(next);
      await buttonNamed(page, '保存').click();
    };
    await fill(password);
    await expect.poll(() => page.getByText('新密码不能与当前密码相同').count()).toBeGreaterThan(0);
    await expectOnlyRefusal(tracked, 400, 'initial password kept');
    await fill('onlyletters');
    await expect.poll(() => page.getByText('密码须包含数字').count()).toBeGreaterThan(0);
    await fill('MyOwnPass2027');
    await expectHeading(page, '工作台');
    expect(new URL(page.url()).pathname).toBe('/');
    await tracked.context.close();
  });
});
