import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  apiAs,
  baseUrl,
  buttonNamed,
  chooseOption,
  expectCleanPage,
  expectHeading,
  launchBrowser,
  loginAs,
  openPage,
  type TrackedPage,
} from './harness.js';
import { dropdownClosed, pickOther, searchAndChoose } from './ui.js';

/** What the supervision walks share: the plan's item dialog, the stage button, the satisfaction vote. */

export const stageIs = (page: Page, label: string) =>
  expect.poll(() => page.locator('.ant-descriptions-item').filter({ hasText: '阶段' }).first().textContent()).toContain(label);

/** Presses the page's stage button once per label, each time waiting for the item to be in that stage. */
export async function advanceThrough(page: Page, ...labels: string[]) {
  for (const label of labels) {
    await page.getByRole('button', { name: new RegExp(`进入下一阶段：${label}`) }).click();
    await stageIs(page, label);
  }
}

export interface SupervisionWalk {
  browser: Browser;
  /** The city's published plan, which takes new items only with a recorded reason. */
  planId: string;
  /** Staff, signed in on a desktop page. */
  staff: TrackedPage;
}

/** Opens Chromium for a test file with staff signed in and the published plan found; closes it after the file's tests. */
export function openSupervisionWalk(ready: (walk: SupervisionWalk) => void) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const plans = await (await apiAs('staff'))<{ items: { id: string; state: string }[] }>('GET', '/api/supervision/plans');
    browser = await launchBrowser();
    const staff = await openPage(browser);
    await loginAs(staff.page, 'staff');
    ready({ browser, planId: plans.items.find((p) => p.state === 'published')!.id, staff });
  });
  afterAll(() => browser?.close());
}

export interface NewItem {
  kind: string;
  subject: string;
  committee: string;
  organ: { typed: string; name: string };
  reason: string;
  /** Deputies invited to take part, by name. */
  deputies?: string[];
}

/** Staff put an item into the published plan and open it; returns its id. */
export async function addToPlan(page: Page, planId: string, item: NewItem) {
  await page.goto(`${baseUrl()}/supervision/plans/${planId}`);
  await expectHeading(page, /年度监督工作计划/);
  await buttonNamed(page, '列入监督事项').click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog.getByLabel('监督方式'), item.kind);
  await dialog.getByLabel('监督议题').fill(item.subject);
  await dialog.getByLabel('承办委室').fill(item.committee);
  await searchAndChoose(page, dialog.getByLabel('被监督单位'), item.organ.typed, item.organ.name);
  for (const name of item.deputies ?? []) await chooseMany(page, dialog, '邀请代表', name);
  await dialog.getByLabel('调整理由').fill(item.reason);
  await buttonNamed(dialog, '保存').click();
  await expect.poll(() => dialog.count()).toBe(0);
  await page.getByRole('link', { name: item.subject }).click();
  await expectHeading(page, item.subject);
  return page.url().split('/').at(-1)!;
}

/** Picks a person in a dialog's multiple choice and closes its list (it stays open over the fields below). */
export async function chooseMany(page: Page, dialog: Locator, label: string, name: string) {
  await searchAndChoose(page, dialog.getByLabel(label), name, name);
  await dialog.locator('.ant-modal-title').click();
  await dropdownClosed(page);
}

/** Staff list points on the item page, one per line, all from one source (审议意见, 检查发现问题…). */
export async function listPoints(page: Page, source: string, texts: string[]) {
  await buttonNamed(page, '列入督办清单').click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog.getByLabel('来源'), source);
  await dialog.getByLabel(/问题（意见）内容/).fill(texts.join('\n'));
  await buttonNamed(dialog, '保存').click();
  for (const text of texts) await expect.poll(() => page.getByRole('cell', { name: text }).count()).toBe(1);
}

/** A point's row in the item page's issue list. */
export const pointRow = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

/** Staff judge a point solved (销号) on the item page. */
export async function judgeSolved(page: Page, text: string) {
  await pointRow(page, text)
    .getByRole('button', { name: /^认定已解决/ })
    .click();
  await buttonNamed(page.getByRole('dialog'), '保存').click();
  await expect.poll(() => pointRow(page, text).getByText('已解决（销号）').count()).toBe(1);
}

/** Confirms one of the vote panel's actions (开始投票, 结束投票, 公布结果) in its pop-up. */
export async function confirmVoteAction(page: Page, panel: Locator, label: string) {
  await panel.getByRole('button', { name: label }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: label }).click();
  await expect.poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);
}

/**
 * Staff open the round's satisfaction vote (by the standing committee, on the basis chosen) and start
 * it; the demo deputy (张秀英, a member) votes 满意 from the phone's API — the ballot page is the vote
 * component's own walk; staff close it. Returns the vote's panel on the item page.
 */
export async function holdSatisfactionVote(tracked: TrackedPage, itemId: string, subject: string, basis?: string) {
  const { page } = tracked;
  await buttonNamed(page, '发起满意度测评').click();
  const form = page.getByRole('dialog');
  await expect.poll(() => form.getByText('常委会组成人员').count()).toBe(1);
  if (basis) await pickOther(page, form.getByLabel('计算基数'), basis);
  await buttonNamed(form, '保存').click();
  await expect.poll(() => form.count()).toBe(0);
  const panel = page
    .locator('.ant-card, section')
    .filter({ hasText: `关于${subject}的满意度测评` })
    .first();
  await expect.poll(() => panel.getByRole('button', { name: '开始投票' }).count()).toBe(1);
  await expectCleanPage(tracked, 'satisfaction vote prepared');
  await confirmVoteAction(page, panel, '开始投票');
  await expect.poll(() => panel.getByRole('button', { name: '结束投票' }).count()).toBe(1);
  const votes = await (
    await apiAs('staff')
  )<{ items: { id: string; state: string }[] }>('GET', `/api/votes?subjectModule=supervision&subjectId=${itemId}`);
  const open = votes.items.find((v) => v.state === 'open')!;
  await (
    await apiAs('deputy')
  )('POST', `/api/votes/${open.id}/ballots`, { choices: { [itemId]: 'satisfied' } });
  await expect.poll(() => panel.getByTestId('turnout').textContent()).toMatch(/^1\D/);
  await confirmVoteAction(page, panel, '结束投票');
  return panel;
}
