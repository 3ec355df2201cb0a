import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, handlingUnits, notifications } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { giveDeputiesAccounts } from '../../test/voters.js';
import { votes } from '../votes/tables.js';

/**
 * 满意度测评 of a supervision item on the vote component: created from the item, its result recorded on
 * the item when the vote closes, 不满意 sending the item to re-review (seed 001 再审) and 满意 letting it close.
 */
type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let unit: Session;
let leader: Session;
let deputy: Session;
let members: Session[];
let itemId: string;

const at = (date: string) => new Date(`${date}T02:00:00Z`);
const post = (s: Session, url: string, body: unknown = {}) => s.request('POST', url, body);
const act = (s: Session, action: string, body: unknown = {}) => post(s, `/api/supervision-items/${itemId}/actions/${action}`, body);
const voteAct = (voteId: string, action: string) => post(staff, `/api/votes/${voteId}/actions/${action}`);
const item = async (s: Session = staff) => (await s.request('GET', `/api/supervision-items/${itemId}`)).json();

/** Each member in turn casts the choice given for them (满意 / 基本满意 / 不满意). */
async function castAll(voteId: string, choices: string[]) {
  for (const [n, choice] of choices.entries()) {
    const s = members[n]!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/votes/${voteId}/ballots`,
      cookies: s.cookies,
      headers: { 'x-csrf-token': s.token, 'idempotency-key': `supervision-${voteId}-${n}`.padEnd(24, 'x') },
      payload: { choices: { [itemId]: choice } },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

beforeAll(async () => {
  clock.set(at('2026-03-02'));
  t = await buildTestApp();
  [staff, unit, leader, deputy] = await Promise.all([t.login('staff'), t.login('unit'), t.login('leader'), t.login('deputy')]);
  const cityId = staff.user.bodyId;
  // Standing-committee members with a login, to vote on their phones.
  const made = await giveDeputiesAccounts(t.db, cityId, 12, DEMO_PASSWORD, 'committee', true);
  expect(made.length).toBeGreaterThanOrEqual(8);
  members = [];
  for (const m of made) members.push(await t.login(m.username));
  const [zjj] = await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市住房和城乡建设局'));

  const plan = await post(staff, '/api/supervision/plans', { bodyId: cityId, year: 2032, title: '嘉兴市人大常委会2032年度监督工作计划' });
  const withItem = await post(staff, `/api/supervision/plans/${plan.json().id}/items`, {
    kind: 'special_report',
    subject: '物业服务管理工作情况',
    committee: '城建环资工委',
    organUnitId: zjj!.id,
    meeting: '市十届人大常委会第二十三次会议',
    meetingOn: '2026-06-25',
    deputyIds: [],
  });
  itemId = withItem.json().items[0].id;
  await post(staff, `/api/supervision-plans/${plan.json().id}/actions/adopt`, { note: null });
  for (const stage of ['research', 'draft_report', 'hearing', 'opinions']) expect((await act(staff, 'advance')).json().stage).toBe(stage);
  await post(staff, `/api/supervision-items/${itemId}/points`, {
    points: [
      { source: 'opinion', content: '建立物业服务质量评价和退出机制', organUnitId: null, dueOn: null },
      { source: 'opinion', content: '推动业主委员会组建全覆盖', organUnitId: null, dueOn: null },
    ],
  });
  expect((await act(staff, 'advance')).json().stage).toBe('handling');
}, 120_000);
afterAll(() => {
  clock.reset();
  return t?.close();
});

describe('satisfaction votes of a supervision item', () => {
  it('is offered only in the evaluation stage, only to staff', async () => {
    const early = await act(staff, 'openSatisfactionVote', {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('SUPERVISION_ITEM_ACTION_NOT_ALLOWED');
    expect((await act(staff, 'advance', { note: '住建局研究处理报告已经城建环资工委审查' })).json().stage).toBe('evaluation');

    const byOrgan = await act(unit, 'openSatisfactionVote', {});
    expect(byOrgan.statusCode).toBe(403);
    expect(byOrgan.json().error.code).toBe('SUPERVISION_ITEM_ACTION_FORBIDDEN');
    expect((await act(leader, 'openSatisfactionVote', {})).statusCode).toBe(403);
    // A deputy not invited to the item does not see it at all.
    expect((await act(deputy, 'openSatisfactionVote', {})).statusCode).toBe(404);
    expect((await t.db.select().from(votes).where(eq(votes.subjectId, itemId))).length).toBe(0);

    const view = await item();
    expect(view.allowedActions).toEqual(['openSatisfactionVote', 'rereview']);
    const close = await act(staff, 'advance');
    expect(close.statusCode).toBe(409);
    expect(close.json().error).toMatchObject({
      code: 'SUPERVISION_ITEM_ACTION_NOT_AVAILABLE',
      message: '本轮满意度测评尚无“满意”结果，不能执行“进入下一阶段”',
    });
  });

  let firstVote: string;

  it('creates the vote from the item: secret, by the standing committee, on 满意/基本满意/不满意', async () => {
    const opened = await act(staff, 'openSatisfactionVote', {});
    expect(opened.statusCode, opened.body).toBe(200);
    const view = opened.json();
    expect(view.evaluations).toMatchObject([{ round: 1, verdict: null, electorateLabel: '常委会组成人员' }]);
    // One vote per round; no re-review by hand and no closing while it runs.
    expect(view.allowedActions).toEqual([]);
    firstVote = view.evaluations[0].voteId;
    const again = await act(staff, 'openSatisfactionVote', {});
    expect(again.json().error.message).toBe('本轮已发起满意度测评，不能执行“发起满意度测评”');
    expect((await act(staff, 'rereview', { reason: '测评前先行再审' })).statusCode).toBe(409);

    const vote = (await staff.request('GET', `/api/votes/${firstVote}`)).json();
    expect(vote).toMatchObject({
      title: '关于物业服务管理工作情况的满意度测评',
      subject: { module: 'supervision', id: itemId },
      ballotKind: 'satisfaction',
      secret: true,
      electorate: { kind: 'standing_committee' },
      state: 'draft',
      items: [{ key: itemId, label: '物业服务管理工作情况' }],
    });
    expect(vote.ruleText).toContain('不满意');
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, itemId), eq(auditEvents.action, 'openSatisfactionVote')));
    expect(audit?.after).toMatchObject({ voteId: firstVote, electorate: 'standing_committee', basis: 'all_members' });
  });

  it('records a 不满意 result on the item and sends it to re-review: 4 of 12 members satisfied is not more than half of all', async () => {
    expect((await voteAct(firstVote, 'open')).statusCode).toBe(200);
    await castAll(firstVote, ['satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'dissatisfied']);
    const closed = await voteAct(firstVote, 'close');
    expect(closed.statusCode, closed.body).toBe(200);

    const view = await item();
    expect(view.evaluations).toMatchObject([
      { round: 1, verdict: 'dissatisfied', verdictLabel: '不满意', satisfied: 2, basicallySatisfied: 2, dissatisfied: 1, ballotsCast: 5 },
    ]);
    // The city's standing committee has 12 members (seed): 7 satisfied or basically satisfied were needed.
    expect(view.evaluations[0].electorateSize).toBe(12);
    expect(view.evaluations[0].ruleText).toContain('满意和基本满意');
    // The system re-reviewed: round 2, back to handling, both unsolved points carried over to new ones.
    expect(view).toMatchObject({ stage: 'handling', round: 2, openPoints: 2 });
    expect(view.points.filter((p: { state: string }) => p.state === 'carried_over')).toHaveLength(2);
    const [result, rereview] = view.events.slice(-2);
    expect(result).toMatchObject({ action: 'recordSatisfaction', actionLabel: '登记满意度测评结果', actorName: '系统' });
    expect(result.note).toMatch(/^满意度测评结果：不满意（满意 2 票、基本满意 2 票、不满意 1 票；/);
    expect(rereview).toMatchObject({ action: 'rereview', toStage: '研究处理', actorName: '系统' });
    expect(rereview.note).toMatch(/^满意度测评结果为不满意/);

    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, itemId), eq(auditEvents.action, 'rereview')));
    expect(audit?.after).toMatchObject({ state: 'handling', by: 'system', round: 2, reopened: 2 });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, unit.user.id), eq(notifications.title, '监督事项启动再审')));
    expect(told).toHaveLength(1);
  });

  it('records a 满意 result of the next round (再测评) without a re-review, and the item may then close', async () => {
    expect((await act(staff, 'advance')).json().stage).toBe('evaluation');
    const opened = await act(staff, 'openSatisfactionVote', {
      electorate: 'standing_committee',
      basis: 'cast',
      threshold: 'more_than_half',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const secondVote = opened.json().evaluations[1].voteId as string;
    expect((await staff.request('GET', `/api/votes/${secondVote}`)).json().title).toBe(
      '关于物业服务管理工作情况的满意度测评（第2轮 再测评）',
    );
    await voteAct(secondVote, 'open');
    await castAll(secondVote, ['satisfied', 'basically_satisfied', 'dissatisfied']);
    expect((await voteAct(secondVote, 'close')).statusCode).toBe(200);

    const view = await item();
    expect(view).toMatchObject({ stage: 'evaluation', round: 2 });
    expect(view.evaluations[1]).toMatchObject({ round: 2, verdict: 'satisfied', verdictLabel: '满意', ballotsCast: 3 });
    expect(view.events.at(-1)).toMatchObject({ action: 'recordSatisfaction' });
    expect(view.events.filter((e: { action: string }) => e.action === 'rereview')).toHaveLength(1);
    expect(view.allowedActions).toEqual(['advance', 'rereview']);

    // Closing still needs the list clear: the organ answers the carried-over points, staff accept them.
    expect((await act(staff, 'advance')).json().error.code).toBe('SUPERVISION_POINTS_OPEN');
    for (const p of view.points.filter((p: { state: string }) => p.state === 'open')) {
      await post(unit, `/api/supervision-points/${p.id}/actions/answer`, { evidence: '已出台物业服务质量评价办法' });
      await post(staff, `/api/supervision-points/${p.id}/actions/accept`, { judgement: null });
    }
    expect((await act(staff, 'advance')).json()).toMatchObject({ stage: 'closed', openPoints: 0 });
  });

  it('writes the evaluation report: the item, what was found, each round’s result with its rule and figures, the points', async () => {
    const docx = await staff.request('GET', `/api/supervision-items/${itemId}/evaluation-report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于物业服务管理工作情况的满意度测评结果报告');
    expect(text).toContain('嘉兴市住房和城乡建设局');
    expect(text).toContain('市十届人大常委会第二十三次会议 2026年6月25日');
    expect(text).toContain('研究处理：住建局研究处理报告已经城建环资工委审查');
    expect(text).toContain(
      '第1轮（常委会组成人员测评）：结果为不满意。满意 2 票、基本满意 2 票、不满意 1 票，应参加 12 人，实际投票 5 人。',
    );
    expect(text).toContain('第2轮（常委会组成人员测评）：结果为满意。');
    expect(text).toContain('测评规则：');
    expect(text).toContain('满意和基本满意');
    // Every point with its status: the first round's carried over, the re-review's solved.
    expect(text).toContain('建立物业服务质量评价和退出机制');
    expect(text).toContain('未解决，已转再审');
    expect(text).toContain('已解决（销号）');
    // The organ under supervision may read it too; a deputy not taking part may not.
    expect((await unit.request('GET', `/api/supervision-items/${itemId}/evaluation-report.docx`)).statusCode).toBe(200);
    expect((await deputy.request('GET', `/api/supervision-items/${itemId}/evaluation-report.docx`)).statusCode).toBe(404);
  });

  it('moves nothing when a vote only names a supervision subject', async () => {
    const stray = await post(staff, '/api/votes', {
      bodyId: staff.user.bodyId,
      title: '另行发起的测评',
      subject: { module: 'supervision', id: itemId },
      electorate: { kind: 'standing_committee' },
      ballotKind: 'satisfaction',
      secret: true,
      items: [{ key: 'x', label: '另行发起的测评' }],
      rule: { source: '测试' },
    });
    expect(stray.statusCode, stray.body).toBe(201);
    await voteAct(stray.json().id, 'open');
    expect((await voteAct(stray.json().id, 'close')).statusCode).toBe(200);
    const view = await item();
    expect(view).toMatchObject({ stage: 'closed', round: 2 });
    expect(view.evaluations).toHaveLength(2);
  });
});
