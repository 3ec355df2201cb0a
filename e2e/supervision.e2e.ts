import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, buttonNamed, chinaDay, expectCleanPage, expectHeading, loginAs, openPage, type TrackedPage } from './harness.js';
import {
  addToPlan,
  advanceThrough,
  holdSatisfactionVote,
  judgeSolved,
  listPoints,
  openSupervisionWalk,
  pointRow,
  stageIs,
} from './supervision-steps.js';

/**
 * 监督: staff put a special work report into the published plan and run it to its deliberation opinions;
 * the organ, signed in as `unit` on a phone, answers its own points; staff judge them and hold the
 * satisfaction vote on the vote component; the vote closes with too few 满意 votes, so the result
 * (不满意) is on the item and the item is back in handling for a re-review.
 */
const SUBJECT = `住宅小区电动自行车充电设施建设情况（${Date.now().toString(36)}）`;
const POINTS = ['加快老旧小区集中充电设施建设', '落实物业服务企业消防安全巡查责任'];

let browser: Browser;
let planId: string;
let itemId: string;
let staffPage: TrackedPage;

openSupervisionWalk((walk) => ({ browser, planId, staff: staffPage } = walk));

describe('a special work report from the plan to its satisfaction vote and re-review', () => {
  it('staff put the item into the adopted plan with the reason, and run it to its deliberation opinions', async () => {
    const { page } = staffPage;
    itemId = await addToPlan(page, planId, {
      kind: '听取审议专项工作报告',
      subject: SUBJECT,
      committee: '城建环资工委',
      organ: { typed: '住房', name: '嘉兴市住房和城乡建设局' },
      reason: '市委交办：电动自行车火灾隐患整治列入年度监督',
    });

    await advanceThrough(page, '调查研究', '报告稿报审', '常委会会议听取审议', '形成审议意见');
    await listPoints(page, '审议意见', POINTS);
    await advanceThrough(page, '研究处理');
    // The handling stage is due two months on (its rule); staff bring it forward with a reason, kept in the history.
    const due = page.getByTestId('stage-due');
    await expect.poll(() => due.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await due.textContent())! > chinaDay(55)).toBe(true);
    await buttonNamed(page, '调整阶段期限').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('本阶段期限', { exact: true }).fill(chinaDay(30));
    await dialog.getByLabel('调整理由', { exact: true }).fill('主任会议要求提前报送研究处理情况');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => due.textContent()).toBe(chinaDay(30));
    await expect.poll(() => page.getByText('调整阶段期限').count()).toBeGreaterThan(1);
    await expectCleanPage(staffPage, 'item in handling');
  });

  it('the organ answers its own points on a phone', async () => {
    const tracked = await openPage(browser, { mobile: true, viewport: { width: 390, height: 844 } });
    const { page } = tracked;
    await loginAs(page, 'unit');
    await page.goto(`${baseUrl()}/supervision/points?state=open`);
    await expectHeading(page, '督办清单');
    for (const [n, text] of POINTS.entries()) {
      const card = page.locator('.row-card').filter({ hasText: text });
      await expect.poll(() => card.count()).toBe(1);
      await card.getByRole('button', { name: /^报送整改情况/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('整改情况及佐证').fill(`第${n + 1}项已落实：已印发工作方案并完成首批整改（附文件）`);
      await buttonNamed(dialog, '保存').click();
      await expect.poll(() => page.locator('.row-card').filter({ hasText: text }).count()).toBe(0);
    }
    await page.goto(`${baseUrl()}/supervision/points?state=answered`);
    for (const text of POINTS) await expect.poll(() => page.locator('.row-card').filter({ hasText: text }).count()).toBe(1);
    // The phone shows cards, not a table wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The organ's items list exports to Excel with the list's filter.
    await page.goto(`${baseUrl()}/supervision?q=${encodeURIComponent(SUBJECT)}`);
    await expectHeading(page, '监督工作');
    const exportLink = page.getByRole('link', { name: /导出Excel/ });
    expect(await exportLink.getAttribute('href')).toBe(`/api/supervision-items/export.xlsx?q=${encodeURIComponent(SUBJECT)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^监督事项\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expectCleanPage(tracked, 'unit points on a phone');
    await tracked.context.close();
  });

  it('staff judge the answers, hold the satisfaction vote, and the 不满意 result sends the item to re-review', async () => {
    const { page } = staffPage;
    await page.goto(`${baseUrl()}/supervision/items/${itemId}`);
    await expectHeading(page, SUBJECT);
    const row = (text: string) => pointRow(page, text);
    await judgeSolved(page, POINTS[0]!);
    await row(POINTS[1]!)
      .getByRole('button', { name: /^认定未解决/ })
      .click();
    await page.getByRole('dialog').getByLabel('认定意见').fill('巡查责任未落实到具体小区，请继续整改');
    await buttonNamed(page.getByRole('dialog'), '保存').click();
    await expect.poll(() => row(POINTS[1]!).getByText('整改中').count()).toBe(1);

    await advanceThrough(page, '满意度测评');
    // Closing needs a 满意 result first: the page offers no button that would fail.
    await expect.poll(() => page.getByRole('button', { name: /进入下一阶段/ }).count()).toBe(0);
    // One member (the demo deputy) votes 满意: 1 of 12 members is not more than half of all.
    await holdSatisfactionVote(staffPage, itemId, SUBJECT);
    await expect.poll(() => page.getByTestId('evaluation-verdict-1').count(), { timeout: 60_000 }).toBe(1);
    // 1 满意 of 12 members is not more than half of all: 不满意, recorded on the item, which the system sent back.
    await expect.poll(() => page.getByTestId('evaluation-verdict-1').textContent()).toContain('不满意');
    await expect.poll(() => page.getByTestId('evaluation-verdict-1').textContent()).toContain('满意 1 票，基本满意 0 票，不满意 0 票');
    await stageIs(page, '研究处理');
    await expect.poll(() => page.getByText('第 2 轮').count()).toBeGreaterThan(0);
    const history = page.locator('.ant-timeline');
    await expect.poll(() => history.locator('.ant-timeline-item').filter({ hasText: '登记满意度测评结果' }).count()).toBe(1);
    const rereview = history.locator('.ant-timeline-item').filter({ hasText: '启动再审' });
    await expect.poll(() => rereview.filter({ hasText: '研究处理：满意度测评结果为不满意' }).count()).toBe(1);
    // The unsolved point is handed to the organ again as a new point linked to the old.
    await expect.poll(() => page.getByText('原问题 002').count()).toBe(1);
    await expectCleanPage(staffPage, 'item after the failed vote');
  });

  it('publishes the result: the anonymous ballot list and the result on the public check page', async () => {
    const tracked = await openPage(browser, { mobile: true });
    const { page } = tracked;
    const link = staffPage.page.getByRole('link', { name: /\/votes\/.*\/verify/ });
    const href = await link.getAttribute('href');
    await page.goto(`${baseUrl()}${href}`);
    await expect.poll(() => page.getByText(`关于${SUBJECT}的满意度测评`).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('满意和基本满意').count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, 'public check page');
    await tracked.context.close();
  });
});
