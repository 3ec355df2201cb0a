import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, buttonNamed, chooseOption, expectCleanPage, expectHeading, launchBrowser, loginAs, openPage } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('administration', () => {
  it('an administrator creates a staff account, bad input is refused in Chinese, the new user logs in, and the audit trail shows it', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'admin');
    await page.goto(`${baseUrl()}/admin/users`);
    await expect.poll(() => page.getByRole('heading', { name: '用户管理' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('Bad Name');
    await dialog.getByLabel('姓名').fill('周婷');
    await dialog.getByRole('button', { name: /确\s*定|保\s*存|创\s*建/ }).click();
    await expect.poll(() => dialog.getByText(/用户名为 3–32 位小写字母/).count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, 'user form with errors');

    await dialog.getByLabel('用户名').fill('zhouting');
    await chooseOption(page, dialog.getByLabel('角色'), '机关工作人员');
    await chooseOption(page, dialog.getByLabel('所属机关'), '嘉兴市人大常委会');
    await dialog.getByLabel('初始密码').fill('Zhouting2026');
    await dialog.getByRole('button', { name: /确\s*定|保\s*存|创\s*建/ }).click();
    // Sorted by user name, the new account would sit on a late page once other tests add users: the list finds it by name.
    await expect.poll(() => page.getByPlaceholder('用户名、姓名或手机号').inputValue()).toBe('zhouting');
    await expect.poll(() => page.getByRole('cell', { name: 'zhouting' }).count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl()}/admin/audit`);
    await expect.poll(() => page.getByRole('cell', { name: '新建' }).count()).toBeGreaterThan(0);
    // The record's title stands beside its id: the new account by its name.
    await expect.poll(() => page.getByRole('cell', { name: /周婷（zhouting）/ }).count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, 'audit page');
    await tracked.context.close();

    const newcomer = await openPage(browser);
    await loginAs(newcomer.page, 'zhouting', 'Zhouting2026');
    await expect.poll(() => newcomer.page.getByText('周婷').count()).toBeGreaterThan(0);
    await newcomer.context.close();
  });

  it('an administrator sets a body’s own deadline (a blank period is refused in Chinese) and restores the legal default', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'admin');
    await page.goto(`${baseUrl()}/admin/deadline-rules`);
    await expectHeading(page, '期限规则');
    const rule = '代表建议答复期限（自交办之日起）';
    const row = page.getByRole('row').filter({ hasText: rule });
    await expect.poll(() => row.filter({ hasText: '3 个月' }).filter({ hasText: '法定默认' }).count()).toBe(1);
    await expect.poll(() => row.getByText(/代表法/).count()).toBe(1);
    await expectCleanPage(tracked, 'deadline rules');

    await page.getByRole('button', { name: new RegExp(`^编\\s*辑\\s*（${rule}）$`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('期限', { exact: true }).fill('');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => dialog.getByText('此项为必填项').count()).toBe(1);
    await dialog.getByLabel('期限', { exact: true }).fill('2');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => row.filter({ hasText: '2 个月' }).filter({ hasText: '本机关设置' }).count()).toBe(1);
    await expectCleanPage(tracked, 'own deadline set');

    await page.getByRole('button', { name: new RegExp(`^恢复默认\\s*（${rule}）$`) }).click();
    await buttonNamed(page.locator('.ant-popover:visible'), '恢复默认').click();
    await expect.poll(() => row.filter({ hasText: '3 个月' }).filter({ hasText: '法定默认' }).count()).toBe(1);
    await tracked.context.close();
  });
});
