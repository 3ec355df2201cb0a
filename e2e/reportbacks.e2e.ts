import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, expectCleanPage, launchBrowser, openPage, tick } from './harness.js';

/** Staff set the event up through the API here; the staff pages have their own flow in reportbacks-staff.e2e.ts. */
const staffApi = () => apiAs('staff');

let browser: Browser;
let openCode: string;
let closedCode: string;
beforeAll(async () => {
  const api = await staffApi();
  const { items } = await api<{ items: { id: string; bodyName: string }[] }>('GET', `/api/deputies?q=${encodeURIComponent('张秀英')}`);
  const zhang = items.find((d) => d.bodyName === '嘉兴市人大常委会')!;
  const created = await api<{ id: string; publicCode: string }>('POST', '/api/reportbacks', {
    deputyId: zhang.id,
    heldOn: '2026-04-10',
    place: '南湖街道烟雨社区代表联络站',
    constituency: '南湖区第十二选区',
    title: '向原选区选民报告履职情况',
    report: '一年来，我进站接待选民 6 次。\n提出代表建议 2 件。',
  });
  await api('POST', `/api/reportbacks/${created.id}/actions/openRating`);
  openCode = created.publicCode;
  const closed = await api<{ items: { publicCode: string }[] }>('GET', '/api/reportbacks?state=closed');
  closedCode = closed.items[0]!.publicCode;
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a voter rates a report-back on a phone', () => {
  it('reads the report, is told what is missing, rates once and is refused a second time', async () => {
    const tracked = await openPage(browser, { mobile: true });
    const { page } = tracked;
    await page.goto(`${baseUrl()}/m/reportback?code=${openCode}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('张秀英代表述职评议');
    expect(await page.getByText('提出代表建议 2 件。').count()).toBe(1);
    await expectCleanPage(tracked, 'rating page');

    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('请选择满意、基本满意或不满意');
    await tick(page.getByLabel('基本满意'));
    await page.getByLabel(/手机号/).fill('13912345678');
    await page.getByLabel('意见建议（选填）').fill('希望多来社区听听大家的意见');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('评价已提交');
    await expectCleanPage(tracked, 'thank-you page');

    await page.goto(`${baseUrl()}/m/reportback?code=${openCode}`);
    await tick(page.getByLabel('满意', { exact: true }));
    await page.getByLabel(/手机号/).fill('13912345678');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('该手机号已评价过本次述职，每个手机号只能评价一次');
    await tracked.context.close();
  });

  it('says so when the rating has ended or the code is wrong', async () => {
    const tracked = await openPage(browser, { mobile: true });
    const { page } = tracked;
    await page.goto(`${baseUrl()}/m/reportback?code=${closedCode}`);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('本次述职评议已结束，感谢您的关注。');
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await expectCleanPage(tracked, 'closed rating page');
    await page.goto(`${baseUrl()}/m/reportback?code=aaaaaaaaaaaaaaaaaaaa`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('二维码无效或述职活动不存在');
    await tracked.context.close();
  });
});
