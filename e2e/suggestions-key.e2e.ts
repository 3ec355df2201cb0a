import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, chooseOption, expectCleanPage, launchBrowser, loginAs, networkSettled, openPage, type TrackedPage } from './harness.js';
import {
  act,
  confirmPopover,
  decide,
  expectState,
  expectWordLetter,
  openItem as openTitled,
  rate,
  release,
  reply,
  submitDialog,
} from './suggestions-steps.js';
import { dropdownClosed, searchAndChoose } from './ui.js';

const TITLE = '关于优化城区公交站点与老旧小区出行衔接的建议';
const PHONE = '13957312345';
const CONTENT = `我市不少老旧小区距最近的公交站点超过八百米，老年居民出行不便。建议结合老旧小区改造，同步优化公交站点布局，开通社区微循环公交。联系电话${PHONE}。`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const openItem = (tracked: TrackedPage, id: string, where: string) => openTitled(tracked, id, TITLE, where);

async function fillDialog(tracked: TrackedPage, fields: Record<string, string>, where: string) {
  const dialog = tracked.page.getByRole('dialog');
  for (const [name, value] of Object.entries(fields)) await dialog.getByLabel(name, { exact: true }).fill(value);
  await expectCleanPage(tracked, where);
  await submitDialog(tracked.page);
}

const section = (tracked: TrackedPage, title: string) => tracked.page.locator('.section-card', { hasText: title });

describe('a key suggestion with return, joint handling, reassignment, supervision, double evaluation and publication', () => {
  let id: string;
  let deputy: TrackedPage, staff: TrackedPage, joint: TrackedPage, unit: TrackedPage, leader: TrackedPage;
  afterAll(async () => {
    for (const tracked of [deputy, staff, joint, unit, leader]) await tracked?.context.close();
  });

  it('is drafted with an attachment, returned with a reason, edited and submitted again', async () => {
    // The deputy drafts it, attaches a research report on its page and submits it.
    deputy = await openPage(browser);
    await loginAs(deputy.page, 'deputy');
    await deputy.page.goto(`${baseUrl()}/suggestions/new`);
    await networkSettled(deputy);
    await expect.poll(() => deputy.page.getByText('保存草稿后，可在建议页面上传').count()).toBe(1);
    await deputy.page.getByLabel('标题').fill(TITLE);
    await deputy.page.getByLabel('内容').fill(CONTENT);
    await deputy.page.getByRole('button', { name: '保存草稿' }).click();
    await deputy.page.waitForURL((url) => /^\/suggestions\/[0-9a-f-]{36}$/.test(url.pathname));
    id = new URL(deputy.page.url()).pathname.split('/').pop()!;
    await expectState(deputy.page, '草稿');
    const attachments = section(deputy, '附件');
    await attachments.locator('input[type=file]').setInputFiles({
      name: '公交站点调研报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await expect.poll(() => attachments.getByRole('link', { name: /公交站点调研报告\.pdf/ }).count()).toBe(1);
    await expectCleanPage(deputy, 'draft with attachment');
    await act(deputy.page, '提交');
    await confirmPopover(deputy.page);
    await expectState(deputy.page, '已提交');

    // Staff return it with a reason; the deputy reads the reason, edits it and submits it again.
    staff = await openPage(browser);
    await loginAs(staff.page, 'staff');
    await openItem(staff, id, 'staff review');
    await expect
      .poll(() =>
        section(staff, '附件')
          .getByRole('link', { name: /公交站点调研报告\.pdf/ })
          .count(),
      )
      .toBe(1);
    await act(staff.page, '退回代表');
    await fillDialog(staff, { 退回理由: '请补充涉及的公交线路和小区名单' }, 'return form');
    await expectState(staff.page, '已退回');

    await deputy.page.reload();
    await expectState(deputy.page, '已退回');
    await expect.poll(() => deputy.page.getByText('退回理由：请补充涉及的公交线路和小区名单').count()).toBeGreaterThan(0);
    await expectCleanPage(deputy, 'returned item');
    await deputy.page
      .getByRole('button', { name: '修 改' })
      .or(deputy.page.getByRole('button', { name: '修改' }))
      .click();
    await deputy.page.waitForURL((url) => url.pathname === `/suggestions/${id}/edit`);
    await deputy.page.getByLabel('内容').fill(`${CONTENT}涉及1路、5路公交和南湖区建设街道、解放街道的12个小区。`);
    await expect.poll(() => deputy.page.getByRole('link', { name: /公交站点调研报告\.pdf/ }).count()).toBe(1);
    await expectCleanPage(deputy, 'edit returned item');
    await deputy.page.getByRole('button', { name: '保存草稿' }).click();
    await deputy.page.waitForURL((url) => url.pathname === `/suggestions/${id}`);
    await act(deputy.page, '提交');
    await confirmPopover(deputy.page);
    await expectState(deputy.page, '已提交');
  });

  it('is accepted as a key suggestion supervised by a leader and assigned to a lead and a joint unit', async () => {
    // Staff accept it, make it a key suggestion supervised by the leader 陈建国, and assign a lead and a joint unit.
    await staff.page.reload();
    await act(staff.page, '受理');
    await submitDialog(staff.page);
    await expectState(staff.page, '已受理');
    await act(staff.page, '列为重点建议');
    const key = staff.page.getByRole('dialog');
    await key.getByLabel('领办领导').fill('副市长 陈伟');
    await chooseOption(staff.page, key.getByLabel('督办领导'), '陈建国');
    await dropdownClosed(staff.page);
    await expectCleanPage(staff, 'key suggestion form');
    await submitDialog(staff.page);
    await expect.poll(() => section(staff, '重点建议').getByText('陈建国').count()).toBeGreaterThan(0);
    await act(staff.page, '交办');
    const assign = staff.page.getByRole('dialog');
    await searchAndChoose(staff.page, assign.getByLabel('主办单位'), '住房和城乡', '嘉兴市住房和城乡建设局');
    await dropdownClosed(staff.page);
    await searchAndChoose(staff.page, assign.getByLabel('会办单位'), '交通运输', '嘉兴市交通运输局');
    await staff.page.keyboard.press('Escape');
    await dropdownClosed(staff.page);
    await submitDialog(staff.page);
    await expectState(staff.page, '已交办');
  });

  it('is kept by the joint unit after staff refuse its reassignment request; the joint opinion reaches the lead unit', async () => {
    // The joint unit (交通运输局) reads its assignment letter and asks for reassignment.
    joint = await openPage(browser);
    await loginAs(joint.page, 'jtunit');
    await openItem(joint, id, 'joint unit detail');
    const jointRow = section(joint, '交办情况').getByRole('row', { name: /嘉兴市交通运输局/ });
    const letter = await expectWordLetter(joint, '下载交办函（Word）', jointRow);
    expect(letter).toContain(TITLE);
    expect(letter).toContain('嘉兴市交通运输局');
    expect(letter).toContain('嘉兴市住房和城乡建设局');
    expect(letter).toContain('会办');
    await act(joint.page, '申请调整承办单位');
    await fillDialog(joint, { 申请调整的理由: '公交线路调整需结合小区改造，建议由住建局牵头，本局不宜会办' }, 'reassignment request');
    await expectState(joint.page, '申请调整');

    // Staff refuse the request: the unit keeps its part.
    await staff.page.reload();
    await decide(staff, '审定调整申请', '不同意', '涉及公交站点配套，请交通运输局会办', 'reassignment decision');
    await expectState(staff.page, '已交办');

    // The lead unit signs for it; the joint unit signs for it and sends its opinion to the lead unit.
    unit = await openPage(browser);
    await loginAs(unit.page, 'unit');
    await openItem(unit, id, 'lead unit detail');
    await act(unit.page, '签收');
    await confirmPopover(unit.page);
    await expectState(unit.page, '办理中');
    await joint.page.reload();
    await act(joint.page, '签收');
    await confirmPopover(joint.page);
    await act(joint.page, '提交会办意见');
    const opinion = '本局将结合老旧小区改造同步调整1路、5路公交站点，年内开通两条社区微循环线路。';
    await fillDialog(joint, { 会办意见: opinion }, 'joint opinion form');
    await unit.page.reload();
    await expect.poll(() => section(unit, '会办意见').getByText(opinion).count()).toBe(1);
    await expectCleanPage(unit, 'lead unit with joint opinion');
  });

  it('is followed by the supervising leader, who records the four-party review', async () => {
    // The supervising leader finds it under 我督办的 and records the four-party review (四方会审).
    leader = await openPage(browser);
    await loginAs(leader.page, 'leader');
    await leader.page.goto(`${baseUrl()}/suggestions`);
    await leader.page.getByRole('button', { name: '我督办的' }).click();
    await leader.page.waitForURL((url) => url.searchParams.get('supervisedByMe') === 'true');
    await expect.poll(() => leader.page.getByRole('link', { name: TITLE }).count()).toBe(1);
    await expectCleanPage(leader, 'leader supervised list');
    await leader.page.getByRole('link', { name: TITLE }).click();
    await expectState(leader.page, '办理中');
    await act(leader.page, '记录四方会审');
    await fillDialog(
      leader,
      {
        地点: '市人大常委会第二会议室',
        代表方: '张秀英代表',
        承办单位方: '市住房和城乡建设局、市交通运输局',
        政府方: '市政府副秘书长',
        人大方: '市人大常委会城建环资工委',
        会审意见: '站点调整与小区改造同步推进，年内开通两条社区微循环公交。',
      },
      'four-party review form',
    );
    await expect.poll(() => section(leader, '重点建议').getByText('市人大常委会第二会议室').count()).toBe(1);
  });

  it('is answered, rated, double-evaluated (双评) and closed, with a readable Word reply letter', async () => {
    // The lead unit replies; staff release it; the deputy is satisfied and comments; staff record the committee's vote (双评) and close it.
    await unit.page.reload();
    await reply(unit, '经研究，我局已会同市交通运输局将1路、5路公交站点调整纳入今年老旧小区改造计划，年内开通两条社区微循环公交线路。');
    await release(staff);
    await openItem(deputy, id, 'deputy with reply');
    const replyText = await expectWordLetter(deputy, '下载答复函（Word）');
    expect(replyText).toContain('张秀英代表：');
    expect(replyText).toContain(`您提出的《${TITLE}》收悉`);
    expect(replyText).toContain('A类');
    await rate(deputy, '满意', '已测评');
    await act(deputy.page, '领衔代表点评');
    await fillDialog(deputy, { 领衔代表点评: '承办单位主动对接，站点调整方案切实可行。' }, 'deputy comment form');
    await staff.page.reload();
    await act(staff.page, '常委会满意度测评');
    await fillDialog(staff, { 满意票: '42', 基本满意票: '5', 不满意票: '1' }, 'committee vote form');
    await expect
      .poll(() =>
        section(staff, '重点建议')
          .getByText(/满意 42 票/)
          .count(),
      )
      .toBe(1);
    await act(staff.page, '办结');
    await submitDialog(staff.page);
    await expectState(staff.page, '已办结');
  });

  it('is found on the public portal (linked from the login page) with personal data removed', async () => {
    // Anyone finds it on the public portal (linked from the login page), with the phone number removed.
    const citizen = await openPage(browser, { mobile: true });
    await citizen.page.goto(`${baseUrl()}/login`);
    await citizen.page.getByRole('link', { name: '代表建议办理结果公开' }).click();
    await citizen.page.waitForURL((url) => url.pathname === '/m/suggestions');
    await expect.poll(() => citizen.page.getByRole('heading', { level: 1, name: '代表建议办理结果公开' }).count()).toBe(1);
    await expectCleanPage(citizen, 'public list');
    await citizen.page.getByLabel('关键词').fill('公交站点');
    await citizen.page.getByLabel('领域').selectOption({ label: '其他' });
    await citizen.page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => citizen.page.getByRole('link', { name: TITLE }).count()).toBe(1);
    await expect.poll(() => citizen.page.getByText('共 1 件').count()).toBe(1);
    await expectCleanPage(citizen, 'public search');
    await citizen.page.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => citizen.page.getByRole('heading', { level: 1, name: TITLE }).count()).toBe(1);
    const main = citizen.page.locator('main');
    await expect.poll(() => main.getByText('年内开通两条社区微循环公交线路', { exact: false }).count()).toBeGreaterThan(0);
    const shown = (await main.textContent()) ?? '';
    expect(shown).toContain('[手机号已隐去]');
    expect(shown).not.toContain(PHONE);
    expect(shown).not.toContain('0573-82088123');
    expect(shown).toContain('张秀英');
    await expectCleanPage(citizen, 'public detail');
    await citizen.page.goBack();
    await expect.poll(() => citizen.page.getByRole('link', { name: TITLE }).count()).toBe(1);

    await citizen.context.close();
  });
});
