import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chinaDay,
  baseUrl,
  buttonNamed,
  chooseOption,
  expectCleanPage,
  expectHeading,
  loginAs,
  openPage,
  type TrackedPage,
} from './harness.js';
import {
  addToPlan,
  advanceThrough,
  chooseMany,
  confirmVoteAction,
  holdSatisfactionVote,
  judgeSolved,
  listPoints,
  openSupervisionWalk,
  pointRow,
  stageIs,
} from './supervision-steps.js';

/**
 * 监督, the other four kinds run to 已办结 in the browser (the special work report and its re-review are
 * supervision.e2e.ts): a law-enforcement inspection with a deputy's field inspection; a special inquiry with
 * the deputy at the inquiry, its questions, askers, answering officials and answers and a 满意 result
 * published — the deputy then finds both in 我参与的监督 and their performance file; a work evaluation; a major project with its quarterly report from the organ's
 * phone, and documents filed under their stages. Stage moves already walked elsewhere go through the page's
 * stage button in a row.
 */
const run = Date.now().toString(36);
const HOUSING = { typed: '住房', name: '嘉兴市住房和城乡建设局' };
const TRANSPORT = { typed: '交通', name: '嘉兴市交通运输局' };
const REASON = '主任会议决定：根据代表建议调整年度监督计划';
/** Today in China, the server's date for a visit (a visit may not be later than today). */
const today = chinaDay();

let browser: Browser;
let planId: string;
let staff: TrackedPage;

openSupervisionWalk((walk) => ({ browser, planId, staff } = walk));

/** Fills and saves the open dialog: text fields by label, then the selects by label and option. */
async function saveDialog(page: Page, texts: Record<string, string>, selects: Record<string, string> = {}) {
  const dialog = page.getByRole('dialog');
  for (const [label, option] of Object.entries(selects)) await chooseOption(page, dialog.getByLabel(label), option);
  for (const [label, value] of Object.entries(texts)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await buttonNamed(dialog, '保存').click();
  await expect.poll(() => dialog.count()).toBe(0);
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Uploads a document on the item page and finds it under the stage it was filed in. */
async function uploadDocument(page: Page, fileName: string, stage: string) {
  await page.locator('.stage-upload input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
  await expect.poll(() => page.getByTestId(`stage-documents-${stage}`).textContent()).toContain(fileName);
}

/**
 * The organ, signed in on its own (on a phone when asked), hands in the report its stage asks for (and,
 * when given, a document, filed under the stage the item is in) and answers its points on the item page;
 * staff then judge each solved and close the item (an item closes only with its list cleared).
 */
async function organReportsAndStaffClose(
  itemId: string,
  account: string,
  report: Record<string, string>,
  points: string[],
  mobile = false,
  reportSelects: Record<string, string> = {},
  upload?: { fileName: string; stage: string },
) {
  const tracked = await openPage(browser, mobile ? { mobile: true, viewport: { width: 390, height: 844 } } : {});
  const { page } = tracked;
  await loginAs(page, account);
  await page.goto(`${baseUrl()}/supervision/items/${itemId}`);
  if (upload) await uploadDocument(page, upload.fileName, upload.stage);
  await buttonNamed(page, '报送报告').click();
  await saveDialog(page, report, reportSelects);
  await expect.poll(() => page.getByText(report['报告标题']!, { exact: false }).count()).toBeGreaterThan(0);
  for (const text of points) {
    await pointRow(page, text)
      .getByRole('button', { name: /^报送整改情况/ })
      .click();
    await saveDialog(page, { 整改情况及佐证: `${text}：已整改到位（附整改报告）` });
    await expect.poll(() => pointRow(page, text).getByText('已报送').count()).toBe(1);
  }
  // The organ moves no stage.
  expect(await page.getByRole('button', { name: /进入下一阶段/ }).count()).toBe(0);
  if (mobile) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectCleanPage(tracked, `organ's report and answers (${account})`);
  await tracked.context.close();

  await staff.page.reload();
  for (const text of points) await judgeSolved(staff.page, text);
}

/**
 * The demo deputy 张秀英 taking part in the current stage (代表参与): staff record her at the inquiry (the form
 * speaks of a meeting: 会议日期), and she records her own field inspection on her phone (检查（调研）日期); the
 * stage timeline then shows when, where and who.
 */
async function recordParticipation(page: Page, stage: 'field_inspection' | 'inquiry', place: string, summary: string) {
  const meeting = stage === 'inquiry';
  await buttonNamed(page, meeting ? '登记代表参与' : '登记我的实地检查（调研）').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(meeting ? '会议日期' : '检查（调研）日期', { exact: true }).fill(today);
  if (meeting) await chooseMany(page, dialog, '参会代表', '张秀英');
  await saveDialog(page, meeting ? { 会议地点: place, 会议情况: summary } : { 地点: place, '检查（调研）情况': summary });
  await expect.poll(() => page.getByTestId(`stage-participations-${stage}`).textContent()).toContain(`${today} ${place}：张秀英`);
}

/** Staff close the item: the stage button is gone once it is 已办结. */
async function closeItem(page: Page) {
  await advanceThrough(page, '已办结');
  await expect.poll(() => page.getByRole('button', { name: /进入下一阶段/ }).count()).toBe(0);
}

/** The inspection's field visit and the inquiry's meeting the demo deputy 张秀英 takes part in (checked from her side last). */
const INSPECTION = `《浙江省城镇燃气管理条例》执法检查（${run}）`;
const PLACE = '南湖区城南街道瓶装燃气供应站';
const INQUIRY = `城市公共交通服务质量专题询问（${run}）`;
const INQUIRY_PLACE = '市人大常委会第一会议室';

describe('a law-enforcement inspection (执法检查) with the field inspection a deputy records', () => {
  const SUBJECT = INSPECTION;
  let itemId: string;

  it('the deputy records her field inspection on her phone; staff list the findings as points, the organ’s follow-up, and close it', async () => {
    const { page } = staff;
    itemId = await addToPlan(page, planId, {
      kind: '执法检查',
      subject: SUBJECT,
      committee: '城建环资工委',
      organ: HOUSING,
      reason: REASON,
      deputies: ['张秀英'],
    });
    await advanceThrough(page, '制定检查方案', '实地检查');
    // 张秀英, invited, records her field inspection on her phone; staff see it on the item.
    const deputy = await openPage(browser, { mobile: true, viewport: { width: 390, height: 844 } });
    await loginAs(deputy.page, 'deputy');
    await deputy.page.goto(`${baseUrl()}/supervision/items/${itemId}`);
    await expectHeading(deputy.page, SUBJECT);
    await recordParticipation(deputy.page, 'field_inspection', PLACE, '抽查 3 家供应站，1 家气瓶检验台账不全');
    expect(await deputy.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectCleanPage(deputy, 'deputy’s own field inspection on a phone');
    await deputy.context.close();
    await page.reload();
    await expect.poll(() => page.getByTestId('stage-participations-field_inspection').textContent()).toContain(`${today} ${PLACE}：张秀英`);
    await expectCleanPage(staff, 'inspection with its field visit');

    await advanceThrough(page, '检查报告', '形成审议意见');
    await listPoints(page, '检查发现问题', ['瓶装燃气供应站气瓶检验台账不全']);
    await advanceThrough(page, '跟踪监督');

    await organReportsAndStaffClose(
      itemId,
      'unit',
      { 报告标题: '关于执法检查报告研究处理情况的报告', 报告内容: '已对全市供应站开展台账专项整治。' },
      ['瓶装燃气供应站气瓶检验台账不全'],
    );
    await closeItem(page);
    await expectCleanPage(staff, 'inspection closed');
  });
});

describe('a special inquiry (专题询问): questions, answers, follow-up and a 满意 result published', () => {
  const SUBJECT = INQUIRY;
  const QUESTIONS = [
    { question: '公交准点率低于全省平均水平的原因是什么？', kind: '人大代表', asker: '张秀英' },
    { question: '农村公交班次何时能够加密？', kind: '社会公众', asker: '王江泾镇居民陈建国' },
  ];

  it('staff collect the questions, record who answered and what, and run it through its vote to 已办结', async () => {
    const { page } = staff;
    const itemId = await addToPlan(page, planId, {
      kind: '专题询问',
      subject: SUBJECT,
      committee: '财经工委',
      organ: TRANSPORT,
      reason: REASON,
    });
    await advanceThrough(page, '制定询问方案', '调查研究', '确定询问问题');
    for (const q of QUESTIONS) {
      await buttonNamed(page, '登记问题').click();
      await saveDialog(page, { 问题: q.question, 提问人: q.asker }, { 提问人类别: q.kind });
      await expect.poll(() => page.getByRole('row').filter({ hasText: q.question }).count()).toBe(1);
    }
    await advanceThrough(page, '召开协调会', '专题询问');
    await recordParticipation(page, 'inquiry', INQUIRY_PLACE, '张秀英代表就公交准点率提问');
    const answers = [
      {
        official: '市交通运输局局长 沈立明',
        answer: '主要受早晚高峰道路拥堵影响，将增设公交专用道。',
        commitment: '年内新增公交专用道 20 公里',
      },
      { official: '市交通运输局副局长 顾晓燕', answer: '下半年起农村公交主要线路班次加密三成。', commitment: '' },
    ];
    for (const [n, q] of QUESTIONS.entries()) {
      const row = page.getByRole('row').filter({ hasText: q.question });
      await row.getByRole('button', { name: '记录答复' }).click();
      const a = answers[n]!;
      await saveDialog(page, { 应询人: a.official, 答复: a.answer, ...(a.commitment ? { '承诺事项（列入督办清单）': a.commitment } : {}) });
      await expect.poll(() => row.textContent()).toContain(a.official);
      await expect.poll(() => row.textContent()).toContain(`${q.asker}（${q.kind}）`);
      await expect.poll(() => row.textContent()).toContain(a.answer);
    }
    // The commitment is on the issue list, for the organ.
    await expect.poll(() => page.getByRole('cell', { name: answers[0]!.commitment }).count()).toBe(1);
    await expectCleanPage(staff, 'inquiry with its answers');
    await advanceThrough(page, '跟踪监督');

    await organReportsAndStaffClose(
      itemId,
      'jtunit',
      { 报告标题: '关于专题询问承诺事项落实情况的报告', 报告内容: '已新增公交专用道 12 公里。' },
      [answers[0]!.commitment],
    );
    await advanceThrough(page, '满意度测评');
    // The only ballot is the member's 满意: on the basis of the ballots cast, 满意.
    const panel = await holdSatisfactionVote(staff, itemId, SUBJECT, '实际投票数');
    const verdict = page.getByTestId('evaluation-verdict-1');
    await expect.poll(() => verdict.locator('.ant-tag').textContent(), { timeout: 60_000 }).toBe('满意');
    await expect.poll(() => verdict.textContent()).toContain('满意 1 票，基本满意 0 票，不满意 0 票');
    await confirmVoteAction(page, panel, '公布结果');
    await expect.poll(() => panel.getByText('已公布').count()).toBeGreaterThan(0);
    await advanceThrough(page, '已办结');
    await expectCleanPage(staff, 'inquiry closed');

    // The published result on the public check page.
    const href = await page.getByRole('link', { name: /\/votes\/.*\/verify/ }).getAttribute('href');
    const visitor = await openPage(browser, { mobile: true });
    await visitor.page.goto(`${baseUrl()}${href}`);
    await expect.poll(() => visitor.page.getByText(`关于${SUBJECT}的满意度测评`).count()).toBeGreaterThan(0);
    await expectCleanPage(visitor, 'public check page of the inquiry');
    await visitor.context.close();
  });
});

describe('the deputy’s side of the inspection and the inquiry', () => {
  it('finds both among their items with the stages they took part in, and both in their performance file', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'deputy');
    await page.goto(`${baseUrl()}/supervision/mine`);
    const mine = (subject: string) => page.getByRole('row').filter({ hasText: subject });
    await expect.poll(() => mine(INSPECTION).textContent()).toContain(`参与 1 次`);
    await expect.poll(() => mine(INSPECTION).textContent()).toContain(`实地检查 ${today} ${PLACE}`);
    await expect.poll(() => mine(INSPECTION).textContent()).toContain('已办结');
    // Not invited to the inquiry: there by attending it.
    await expect.poll(() => mine(INQUIRY).textContent()).toContain(`专题询问 ${today} ${INQUIRY_PLACE}`);

    await page.goto(`${baseUrl()}/deputies`);
    await expectHeading(page, '张秀英的履职档案');
    const record = (title: string) => page.getByRole('row').filter({ hasText: title });
    await expect.poll(() => record(`实地检查：${INSPECTION}`).textContent()).toContain(PLACE);
    await expect.poll(() => record(`专题询问：${INQUIRY}`).textContent()).toContain('参加监督活动');
    await expect.poll(() => record(`专题询问：${INQUIRY}`).textContent()).toContain(today);
    await expectCleanPage(tracked, 'deputy’s items and performance file with the inspection and the inquiry');
    await tracked.context.close();
  });
});

describe('a work evaluation (工作评议) of a department', () => {
  const SUBJECT = `对市住房和城乡建设局的工作评议（${run}）`;

  it('staff run it through investigation, evaluation, rectification and its vote to 已办结', async () => {
    const { page } = staff;
    const itemId = await addToPlan(page, planId, {
      kind: '工作评议',
      subject: SUBJECT,
      committee: '城建环资工委',
      organ: HOUSING,
      reason: REASON,
    });
    await advanceThrough(page, '准备', '调查');
    // 调查: an opinion gathered from a citizen, listed under 评议调查意见.
    const OPINION = '物业维修资金使用不透明，建议按季度公示。';
    await buttonNamed(page, '登记评议意见').click();
    await saveDialog(page, { 意见内容: OPINION, 提出人: '南湖区居民周丽萍' }, { 提出人类别: '社会公众' });
    await expect.poll(() => page.getByRole('row').filter({ hasText: OPINION }).textContent()).toContain('南湖区居民周丽萍（社会公众）');
    await advanceThrough(page, '评议');
    await listPoints(page, '审议意见', ['物业服务投诉处理不及时']);
    await advanceThrough(page, '整改');
    await organReportsAndStaffClose(
      itemId,
      'unit',
      { 报告标题: '关于工作评议意见整改情况的报告', 报告内容: '建立物业投诉 48 小时办结机制。' },
      ['物业服务投诉处理不及时'],
    );
    await advanceThrough(page, '满意度测评');
    await holdSatisfactionVote(staff, itemId, SUBJECT, '实际投票数');
    await expect.poll(() => page.getByTestId('evaluation-verdict-1').locator('.ant-tag').textContent(), { timeout: 60_000 }).toBe('满意');
    await stageIs(page, '满意度测评');
    await advanceThrough(page, '已办结');
    await expectCleanPage(staff, 'work evaluation closed');
  });
});

describe('major-project supervision (重大项目监督) with a quarterly report', () => {
  const SUBJECT = `嘉兴南站综合交通枢纽建设（${run}）`;

  it('the organ hands in its quarterly report on a phone; staff list a problem and close the item', async () => {
    const { page } = staff;
    const itemId = await addToPlan(page, planId, {
      kind: '重大项目监督',
      subject: SUBJECT,
      committee: '财经工委',
      organ: HOUSING,
      reason: REASON,
    });
    await advanceThrough(page, '季度专报');
    // Staff file a document under an earlier stage; the organ's goes under the stage the item is in.
    await chooseOption(page, page.locator('.stage-upload .ant-select'), '列入计划');
    await uploadDocument(page, '枢纽项目立项批复.pdf', 'planned');
    await listPoints(page, '项目问题', ['剩余 3 户征迁影响工期']);
    await organReportsAndStaffClose(
      itemId,
      'unit',
      { 报告标题: '嘉兴南站枢纽建设第二季度专报', 报告内容: '主体结构完成 60%，征迁剩余 3 户。' },
      ['剩余 3 户征迁影响工期'],
      true,
      { 报告季度: '2026年第二季度' },
      { fileName: '第二季度形象进度照片说明.pdf', stage: 'quarterly' },
    );
    await expect.poll(() => page.getByText('季度专报 2026年第二季度：嘉兴南站枢纽建设第二季度专报').count()).toBe(1);
    await closeItem(page);
    await expectCleanPage(staff, 'major project closed');
  });
});
