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
} from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the official calendar', () => {
  it('an administrator enters 2027 from the State Council notice; a reversed range and a weekday make-up day are refused in Chinese; a rota day saved on New Year’s Day is flagged', async () => {
    // Staff put a reception on Friday 1 January 2027 while 2027 is not entered (within the rota page's 60 days).
    const staff = await apiAs('staff');
    const stations = await staff<{ items: { id: string; name: string }[] }>('GET', `/api/stations?q=${encodeURIComponent('秀洲高新区')}`);
    const station = stations.items.find((s) => s.name === '秀洲高新区人大代表联络站')!;
    const deputies = await staff<{ items: { id: string }[] }>('GET', `/api/deputies?q=${encodeURIComponent('张秀英')}`);
    await staff('POST', `/api/stations/${station.id}/rota`, {
      day: '2027-01-01',
      startTime: '15:00',
      endTime: '17:00',
      topic: '新年民情恳谈',
      responsibleName: '朱晓峰',
      deputyIds: [deputies.items[0]!.id],
    });

    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'admin');
    await page.goto(`${baseUrl()}/admin/calendar`);
    await expectHeading(page, '法定节假日安排');
    await expect.poll(() => page.getByText('已录入至 2026 年').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '2026', exact: true }).count()).toBe(1);
    await expectCleanPage(tracked, 'calendar page');

    await page.getByRole('button', { name: /录入年度安排/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('2027年放假和调休安排').count()).toBe(1);
    await dialog.getByLabel('依据通知').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await dialog.getByLabel('节日').fill('春节');
    await dialog.getByLabel('放假开始').fill('2027-02-13');
    await dialog.getByLabel('放假结束').fill('2027-02-06');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => dialog.getByText('放假结束日期不能早于开始日期').count()).toBe(1);

    await dialog.getByLabel('放假开始').fill('2027-02-06');
    await dialog.getByLabel('放假结束').fill('2027-02-13');
    await dialog.getByLabel('调休上班日').fill('2027-02-17');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => dialog.getByText('调休上班日 2027-02-17 应是周六或周日').count()).toBe(1);
    await expectOnlyRefusal(tracked, 400, 'calendar form refused by the server');

    await dialog.getByLabel('调休上班日').fill('2027-01-31、2027-02-20');
    await buttonNamed(dialog, '添加节日').click();
    await dialog.getByLabel('节日').nth(1).fill('元旦');
    await dialog.getByLabel('放假开始').nth(1).fill('2027-01-01');
    await dialog.getByLabel('放假结束').nth(1).fill('2027-01-03');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: '国务院办公厅关于2027年部分节假日安排的通知' });
    await expect.poll(() => row.filter({ hasText: '管理员录入' }).count()).toBe(1);
    await expect.poll(() => page.getByText('已录入至 2027 年').count()).toBe(1);

    await page.goto(`${baseUrl()}/admin/audit`);
    await expect.poll(() => page.getByRole('cell', { name: '法定节假日安排' }).count()).toBeGreaterThan(0);
    await tracked.context.close();

    // The station's rota keeps the day, tagged with the holiday and a warning above.
    const rotaPage = await openPage(browser);
    await loginAs(rotaPage.page, 'staff');
    await rotaPage.page.goto(`${baseUrl()}/stations/${station.id}`);
    await expectHeading(rotaPage.page, station.name);
    const rotaRow = rotaPage.page.getByRole('row').filter({ hasText: '新年民情恳谈' });
    await expect.poll(() => rotaRow.getByText('节假日：元旦').count()).toBe(1);
    await expect.poll(() => rotaPage.page.getByRole('alert').filter({ hasText: '2027-01-01（元旦） 已成为法定节假日' }).count()).toBe(1);
    await expectCleanPage(rotaPage, 'rota with a day become a holiday');
    // The deputy on duty is told (the staff told are those of the station's own body, 秀洲区).
    const deputy = await apiAs('deputy');
    const notes = await deputy<{ items: { title: string; body: string }[] }>('GET', '/api/notifications');
    expect(notes.items.find((n) => n.title === '2027年法定节假日安排已录入，有排班落在放假日')?.body).toContain(
      `${station.name} 2027-01-01（元旦）15:00—17:00“新年民情恳谈”`,
    );
    await rotaPage.context.close();
  });
});
