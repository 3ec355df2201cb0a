import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, buttonNamed, expectCleanPage, expectHeading, launchBrowser, loginAs, openPage, tick } from './harness.js';
import { searchAndChoose } from './ui.js';

/** Confirms a Popconfirm opened by `trigger`: its OK button carries the action's name. */
async function confirm(page: Page, trigger: Locator, okLabel: string) {
  await trigger.click();
  await buttonNamed(page.locator('.ant-popover:visible'), okLabel).click();
}

/** Staff schedule a report-back through the form and land on its page. */
async function scheduleReportBack(page: Page, title: string, mode: 'phone' | 'attendee') {
  await page.goto(`${baseUrl()}/deputies/reportbacks`);
  await expectHeading(page, '回选区述职');
  await page.getByRole('button', { name: /安排述职/ }).click();
  const dialog = page.getByRole('dialog');
  await searchAndChoose(page, dialog.getByLabel('述职代表'), '张秀英', '张秀英');
  await dialog.getByLabel('述职地点').fill('南湖街道烟雨社区代表联络站');
  await dialog.getByLabel('选区（选举单位）').fill('南湖区第十二选区');
  await dialog.getByLabel('述职主题').fill(title);
  await dialog.getByLabel('述职报告').fill('一年来，我进站接待选民 6 次。\n提出代表建议 2 件。');
  if (mode === 'attendee') await tick(dialog.getByLabel(/凭现场签到评议码评议/));
  await buttonNamed(dialog, '保存').click();
  await expectHeading(page, `张秀英 · ${title}`);
}

/** The voters' link as the staff page shows it. */
async function ratingLink(page: Page) {
  const link = page.locator('a[href*="/m/reportback?code="]');
  await expect.poll(() => link.count()).toBe(1);
  return (await link.getAttribute('href'))!;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('report-backs run by staff, rated on phones', () => {
  it('phone mode: staff schedule and open an event, a voter rates it, staff see the chart and the performance file', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await scheduleReportBack(page, '2026年上半年履职情况报告', 'phone');
    await expect.poll(() => page.getByText('还没有选民评价').count()).toBe(1);
    await expectCleanPage(tracked, 'report-back in preparation');
    await confirm(page, buttonNamed(page, '开启评议'), '开启评议');
    await expect.poll(() => page.getByText('评议中').count()).toBeGreaterThan(0);
    const link = await ratingLink(page);

    const phone = await openPage(browser, { mobile: true });
    await phone.page.goto(link);
    await expect.poll(() => phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('张秀英代表述职评议');
    await tick(phone.page.getByLabel('满意', { exact: true }));
    await phone.page.getByLabel(/手机号/).fill('13922223333');
    await phone.page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('评价已提交');
    await phone.context.close();

    await page.reload();
    const chart = page.getByRole('img', { name: /满意 1 人，基本满意 0 人，不满意 0 人/ });
    await expect.poll(() => chart.count()).toBe(1);
    await expect.poll(() => chart.locator('canvas').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '139****3333' }).count()).toBe(1);
    await expectCleanPage(tracked, 'report-back results');

    // 晒: the result appears in the deputy's performance file.
    await page.getByRole('link', { name: '查看代表履职档案' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '回选区述职及选民评议' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '2026年上半年履职情况报告' }).count()).toBe(1);

    // The list shows it with its rate, and exports it.
    await page.goto(`${baseUrl()}/deputies/reportbacks?state=rating`);
    const row = page.getByRole('row').filter({ hasText: '2026年上半年履职情况报告' });
    await expect.poll(() => row.getByText('100.0%').count()).toBe(1);
    const exported = await tracked.context.request.get(`${baseUrl()}/api/reportbacks/export.xlsx?state=rating`);
    expect(exported.status()).toBe(200);
    await expectCleanPage(tracked, 'report-back list');
    await tracked.context.close();
  });

  it('attendee mode: staff register the people present, each rates once with their printed code', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await scheduleReportBack(page, '向选区选民述职（签到评议）', 'attendee');
    await page.getByLabel('名单').fill('王芳 13711112222\n李强');
    await page.getByLabel('或按人数生成').fill('1');
    await buttonNamed(page, '登记到会选民').click();
    await expect.poll(() => page.getByText('已登记 3 人，已评价 0 人').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '到会选民 001' }).count()).toBe(1);
    await expectCleanPage(tracked, 'attendees with codes');
    const codeOf = async (name: string) => {
      const cell = page.getByRole('row').filter({ hasText: name }).locator('code');
      await expect.poll(() => cell.count()).toBe(1);
      return (await cell.textContent())!;
    };
    const wangCode = await codeOf('王芳');
    // 王芳 left a phone: her code went out by SMS (queued, or recorded once the outbox job ran); 李强 did not.
    const smsCell = (name: string) => page.getByRole('row').filter({ hasText: name }).getByRole('cell').last();
    await expect.poll(() => smsCell('王芳').textContent()).toMatch(/待发送|已记录（未实际发送）/);
    expect(await smsCell('李强').textContent()).toBe('未留手机');
    expect(await page.getByRole('button', { name: /重发短信/ }).count()).toBe(1);
    await page.getByRole('button', { name: /重发短信\s*（发给王芳）$/ }).click();
    await expect.poll(() => page.getByText('已重新向王芳发送评议码短信').count()).toBe(1);
    await expectCleanPage(tracked, 'attendees with their SMS state');
    // The outbox administrators read shows the message with the code masked.
    const admin = await openPage(browser);
    await loginAs(admin.page, 'admin');
    await admin.page.goto(`${baseUrl()}/admin/outbox`);
    await expectHeading(admin.page, '短信邮件发件箱');
    const rows = admin.page.getByRole('row').filter({ hasText: '13711112222' });
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().getByRole('button', { name: '展开行' }).click();
    const body = admin.page.getByText(/您的评议码：/);
    await expect.poll(() => body.textContent()).toContain('您的评议码：********（仅可使用一次）');
    expect(await body.textContent()).toContain('向选区选民述职（签到评议）');
    expect(await body.textContent()).not.toContain(wangCode);
    await expectCleanPage(admin, 'outbox with a masked rating code');
    await admin.context.close();
    await confirm(page, buttonNamed(page, '开启评议'), '开启评议');
    await expect.poll(() => page.getByText('评议中').count()).toBeGreaterThan(0);
    const link = await ratingLink(page);

    const phone = await openPage(browser, { mobile: true });
    await phone.page.goto(link);
    await expect.poll(() => phone.page.getByLabel(/评议码/).count()).toBe(1);
    expect(await phone.page.getByLabel(/手机号/).count()).toBe(0);
    await expectCleanPage(phone, 'rating page by code');
    await tick(phone.page.getByLabel('基本满意'));
    await phone.page.getByLabel(/评议码/).fill(wangCode.toLowerCase());
    await phone.page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('评价已提交');
    await phone.page.goto(link);
    await tick(phone.page.getByLabel('不满意'));
    await phone.page.getByLabel(/评议码/).fill(wangCode);
    await phone.page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => phone.page.getByRole('alert').textContent()).toBe('该评议码已使用过，每位到会选民只能评价一次');
    await phone.context.close();

    await page.reload();
    await expect.poll(() => page.getByText('已登记 3 人，已评价 1 人').count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /满意 0 人，基本满意 1 人，不满意 0 人/ }).count()).toBe(1);
    await confirm(page, buttonNamed(page, '结束评议'), '结束评议');
    await expect.poll(() => page.getByText('已结束').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /登记到会选民/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /重发短信/ }).count()).toBe(0);
    await tracked.context.close();
  });
});

describe('最美人大代表 in the browser', () => {
  it('staff create a selection, change its terms, nominate and withdraw one nomination; staff and a deputy vote; a tie for the last place is shown as such', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    const other = await tracked.context.request.get(`${baseUrl()}/api/deputies?status=in_office&pageSize=50`);
    const { items } = (await other.json()) as { items: { name: string; bodyName: string }[] };
    const cityDeputies = items.filter((d) => d.bodyName === '嘉兴市人大常委会' && d.name !== '张秀英').map((d) => d.name);
    const [second, withdrawn] = [cityDeputies[0]!, cityDeputies.find((n) => n !== cityDeputies[0])!];

    await page.goto(`${baseUrl()}/deputies/honours`);
    await expectHeading(page, '最美人大代表评选');
    await page.getByRole('button', { name: /发起评选/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('评选名称').fill('2026年度“最美人大代表”（浏览器测试）');
    await dialog.getByLabel('名额').fill('1');
    await dialog.getByLabel('每票可选人数').fill('1');
    await buttonNamed(dialog, '保存').click();
    await expectHeading(page, '2026年度“最美人大代表”（浏览器测试）');
    await expectCleanPage(tracked, 'new selection');

    // The terms can change while nominations are open.
    await buttonNamed(page, '修改评选').click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('说明').fill('由全体市人大代表和常委会机关工作人员投票产生。');
    await buttonNamed(edit, '保存').click();
    await expect.poll(() => edit.count()).toBe(0);
    await expect.poll(() => page.getByText('由全体市人大代表和常委会机关工作人员投票产生。').count()).toBe(1);

    for (const name of ['张秀英', second, withdrawn]) {
      await page.getByRole('button', { name: /提名代表/ }).click();
      const nominate = page.getByRole('dialog');
      await searchAndChoose(page, nominate.getByLabel('代表'), name, name);
      await nominate.getByLabel('提名理由').fill('常年进站接待选民，为民办实事成效明显。');
      await buttonNamed(nominate, '保存').click();
      await expect.poll(() => nominate.count()).toBe(0);
      // The nominee's row (the voters' list below names 张秀英 too).
      const nominee = page.getByRole('row').filter({ hasText: '常年进站接待选民' }).filter({ hasText: name });
      await expect.poll(() => nominee.count()).toBe(1);
    }
    // A nomination made in error is withdrawn before voting opens.
    await confirm(page, buttonNamed(page, `撤销提名 ${withdrawn}`), '撤销提名');
    await expect.poll(() => page.getByRole('row').filter({ hasText: '常年进站接待选民' }).count()).toBe(2);
    await expectCleanPage(tracked, 'nomination withdrawn');
    await confirm(page, buttonNamed(page, '开始投票'), '开始投票');
    await expect.poll(() => page.getByRole('button', { name: '修改评选' }).count()).toBe(0);
    await tick(page.getByRole('checkbox', { name: '张秀英' }));
    await confirm(page, buttonNamed(page, '投票'), '投票');
    await expect.poll(() => page.getByText('您已投票，感谢参与。').count()).toBe(1);
    await expectCleanPage(tracked, 'after voting');
    const url = page.url();

    const deputy = await openPage(browser);
    await loginAs(deputy.page, 'deputy');
    await deputy.page.goto(url);
    await tick(deputy.page.getByRole('checkbox', { name: second }));
    await expect.poll(() => deputy.page.getByRole('checkbox', { name: '张秀英' }).isDisabled()).toBe(true);
    await confirm(deputy.page, buttonNamed(deputy.page, '投票'), '投票');
    await expect.poll(() => deputy.page.getByText('您已投票，感谢参与。').count()).toBe(1);
    await expectCleanPage(deputy, 'deputy ballot cast');
    await deputy.context.close();

    await page.reload();
    // The selection's count and the voters' list below agree.
    await expect.poll(() => page.getByText('已投票 2 人', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText(/共 \d+ 人，已投票 2 人$/).count()).toBe(1);
    await confirm(page, buttonNamed(page, '结束投票并公布结果'), '结束投票并公布结果');
    await expect.poll(() => page.getByRole('cell', { name: '得票相同，需另行决定' }).count()).toBe(2);
    await expect.poll(() => page.getByRole('img', { name: new RegExp(`张秀英 1.*${second} 1|${second} 1.*张秀英 1`) }).count()).toBe(1);
    await expectCleanPage(tracked, 'tied result');
    await tracked.context.close();
  });
});
