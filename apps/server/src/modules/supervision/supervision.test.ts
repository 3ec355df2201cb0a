import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, handlingUnits, notifications } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { deputies, dutyParticipants, dutyRecords } from '../deputies/tables.js';
import { escalateOverduePoints } from './deadline-job.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let unit: Session;
let jtunit: Session;
let leader: Session;
let cityId: string;
let zjjId: string;
let jtjId: string;
let deputyIds: string[];

/** China 10:00 on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

beforeAll(async () => {
  t = await buildTestApp();
  [staff, unit, jtunit, leader] = await Promise.all([t.login('staff'), t.login('unit'), t.login('jtunit'), t.login('leader')]);
  cityId = (await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, '嘉兴市人大常委会')))[0]!.id;
  const unitId = async (name: string) =>
    (await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, name)))[0]!.id;
  zjjId = await unitId('嘉兴市住房和城乡建设局');
  jtjId = await unitId('嘉兴市交通运输局');
  deputyIds = (
    await t.db.select({ id: deputies.id }).from(deputies).where(eq(deputies.bodyId, cityId)).orderBy(asc(deputies.name)).limit(3)
  ).map((d) => d.id);
  expect(deputyIds).toHaveLength(3);
});
afterAll(() => {
  clock.reset();
  return t.close();
});

const post = (s: Session, url: string, body: unknown = {}) => s.request('POST', url, body);
const act = (s: Session, itemId: string, action: string, body: unknown = {}) =>
  post(s, `/api/supervision-items/${itemId}/actions/${action}`, body);
const pointAct = (s: Session, pointId: string, action: string, body: unknown = {}) =>
  post(s, `/api/supervision-points/${pointId}/actions/${action}`, body);

describe('a special work report from the annual plan through deliberation opinions, the list and a re-review', () => {
  let planId: string;
  let reportId: string;
  let inspectionId: string;

  it('drafts the plan, refuses work before adoption, and records the reason of a change after it', async () => {
    clock.set(at('2026-02-10'));
    const plan = await post(staff, '/api/supervision/plans', { bodyId: cityId, year: 2030, title: '嘉兴市人大常委会2030年度监督工作计划' });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = plan.json().id;
    const again = await post(staff, '/api/supervision/plans', {
      bodyId: cityId,
      year: 2030,
      title: '嘉兴市人大常委会2030年度监督工作计划',
    });
    expect(again.json().error.code).toBe('SUPERVISION_PLAN_EXISTS');

    const withReport = await post(staff, `/api/supervision/plans/${planId}/items`, {
      kind: 'special_report',
      subject: '城镇老旧小区改造工作情况',
      committee: '城建环资工委',
      organUnitId: zjjId,
      meeting: '市十届人大常委会第二十次会议',
      meetingOn: '2026-06-25',
      deputyIds: deputyIds.slice(0, 2),
    });
    expect(withReport.statusCode, withReport.body).toBe(200);
    const withInspection = await post(staff, `/api/supervision/plans/${planId}/items`, {
      kind: 'law_inspection',
      subject: '《浙江省道路运输条例》实施情况',
      committee: '财经工委',
      organUnitId: jtjId,
      deputyIds,
    });
    const items = withInspection.json().items as { id: string; kind: string; stage: string }[];
    expect(items.map((i) => [i.kind, i.stage])).toEqual([
      ['special_report', 'planned'],
      ['law_inspection', 'planned'],
    ]);
    reportId = items[0]!.id;
    inspectionId = items[1]!.id;

    // A unit sees no draft plan; nothing starts before the plan is adopted.
    expect((await unit.request('GET', `/api/supervision/plans/${planId}`)).statusCode).toBe(404);
    const early = await act(staff, reportId, 'advance');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('SUPERVISION_PLAN_NOT_ADOPTED');

    const adopted = await post(staff, `/api/supervision-plans/${planId}/actions/adopt`, { note: null });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({ state: 'adopted', changeNeedsReason: true, allowedActions: ['publish'] });
    expect((await post(unit, `/api/supervision-plans/${planId}/actions/publish`)).statusCode).toBe(403);

    const change = {
      subject: '城镇老旧小区改造和加装电梯工作情况',
      committee: '城建环资工委',
      organUnitId: zjjId,
      meeting: '市十届人大常委会第二十一次会议',
      meetingOn: '2026-08-27',
      deputyIds: deputyIds.slice(0, 2),
    };
    const noReason = await staff.request('PUT', `/api/supervision-items/${reportId}`, { ...change, reason: null });
    expect(noReason.json().error.code).toBe('SUPERVISION_PLAN_CHANGE_REASON');
    const changed = await staff.request('PUT', `/api/supervision-items/${reportId}`, {
      ...change,
      reason: '根据市委工作安排调整至八月会议',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, reportId), eq(auditEvents.action, 'changeItem')));
    expect(audit?.after).toMatchObject({ reason: '根据市委工作安排调整至八月会议', meetingOn: '2026-08-27' });
    expect((await post(staff, `/api/supervision-plans/${planId}/actions/publish`)).json().state).toBe('published');
    expect((await unit.request('GET', `/api/supervision/plans/${planId}`)).statusCode).toBe(200);
  });

  it('runs the stages with tasks and the organ’s draft report; only the organ reports, only its items are seen', async () => {
    clock.set(at('2026-03-02'));
    expect((await act(staff, reportId, 'advance')).json().stage).toBe('research');
    // A stage's task is a follow-up task of the item, recording the stage it was set in.
    const task = await post(staff, '/api/follow-up-tasks', {
      subjectType: 'supervision_item',
      subjectId: reportId,
      title: '赴南湖区、秀洲区开展专题调研',
      responsible: '城建环资工委 王主任',
    });
    expect(task.statusCode, task.body).toBe(201);
    // Fifteen working days from 2 March 2026 (the stage rule's default).
    expect(task.json()).toMatchObject({ origin: 'research', dueOn: '2026-03-23', state: 'open', responsible: '城建环资工委 王主任' });
    expect((await act(staff, reportId, 'advance')).json().stage).toBe('draft_report');

    expect((await unit.request('GET', `/api/supervision-items/${reportId}`)).json().allowedActions).toEqual(['submitReport']);
    expect((await jtunit.request('GET', `/api/supervision-items/${reportId}`)).statusCode).toBe(404);
    const draft = await act(unit, reportId, 'submitReport', {
      title: '关于城镇老旧小区改造工作情况的报告（送审稿）',
      content: '全市已完成改造小区 312 个……',
      period: null,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().reports).toMatchObject([{ stage: 'draft_report', submittedByName: '嘉兴市住房和城乡建设局' }]);
    expect((await act(unit, reportId, 'advance')).statusCode).toBe(403);

    expect((await act(staff, reportId, 'advance')).json().stage).toBe('hearing');
    expect((await act(staff, reportId, 'advance')).json().stage).toBe('opinions');
    const empty = await act(staff, reportId, 'advance');
    expect(empty.json().error.code).toBe('SUPERVISION_NO_POINTS');
  });

  let point1: string;
  let point2: string;

  it('splits the deliberation opinions into points the organ alone sees and answers', async () => {
    const added = await post(staff, `/api/supervision-items/${reportId}/points`, {
      points: [
        { source: 'opinion', content: '加快加装电梯审批，压缩办理时限', organUnitId: null, dueOn: null },
        { source: 'opinion', content: '建立改造后小区长效管理机制', organUnitId: null, dueOn: '2026-05-31' },
      ],
    });
    expect(added.statusCode, added.body).toBe(200);
    const points = added.json().points as { id: string; number: string; dueOn: string; state: string }[];
    // Two calendar months from 2 March (the engine's default), or the date staff named.
    expect(points.map((p) => [p.number, p.dueOn, p.state])).toEqual([
      ['001', '2026-05-02', 'open'],
      ['002', '2026-05-31', 'open'],
    ]);
    [point1, point2] = points.map((p) => p.id) as [string, string];

    const mine = await unit.request('GET', `/api/supervision-points/assigned?itemId=${reportId}`);
    expect(mine.json().total).toBe(2);
    expect(mine.json().items[0].allowedActions).toEqual(['answer']);
    expect((await jtunit.request('GET', `/api/supervision-points/assigned?itemId=${reportId}`)).json().total).toBe(0);
    expect((await pointAct(jtunit, point1, 'answer', { evidence: '已办理' })).statusCode).toBe(404);
    expect((await staff.request('GET', '/api/supervision-points/assigned')).statusCode).toBe(403);

    expect((await act(staff, reportId, 'advance')).json().stage).toBe('handling');
    const answered = await pointAct(unit, point1, 'answer', { evidence: '出台加装电梯联合审批办法，审批时限压缩至 15 个工作日（附文件）' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', allowedActions: ['answer'] });
    expect((await pointAct(unit, point1, 'accept', { judgement: null })).statusCode).toBe(403);
    const solved = await pointAct(staff, point1, 'accept', { judgement: '经核查已落实' });
    expect(solved.json()).toMatchObject({ state: 'solved', judgement: '经核查已落实' });
    expect((await pointAct(staff, point2, 'accept', { judgement: null })).statusCode).toBe(409);
  });

  it('escalates an overdue point once to the organ, staff and leaders', async () => {
    clock.set(at('2026-06-02'));
    expect(await escalateOverduePoints(t.db, t.deps.notifier)).toEqual({ escalated: 1 });
    expect(await escalateOverduePoints(t.db, t.deps.notifier)).toEqual({ escalated: 0 });
    for (const who of [unit, staff, leader]) {
      const rows = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, who.user.id), eq(notifications.title, who === unit ? '督办问题已逾期' : '督办问题逾期未整改')));
      expect(rows, who.user.id).toHaveLength(1);
    }
    const overdue = await staff.request('GET', `/api/supervision-points?overdue=true&itemId=${reportId}`);
    expect(overdue.json().items.map((p: { number: string }) => p.number)).toEqual(['002']);
  });

  it('refuses to close without a 满意 vote; a re-review carries the unsolved point to a new one linked to the old', async () => {
    expect((await act(staff, reportId, 'advance')).json().stage).toBe('evaluation');
    // Evaluation ends on a 满意 vote (and a clear list: satisfaction.test.ts); here the points are still open.
    const close = await act(staff, reportId, 'advance');
    expect(close.json().error.code).toBe('SUPERVISION_ITEM_ACTION_NOT_AVAILABLE');
    expect((await act(staff, reportId, 'rereview', {})).statusCode).toBe(400);
    const again = await act(staff, reportId, 'rereview', { reason: '满意度测评未通过，长效管理机制尚未建立' });
    expect(again.statusCode, again.body).toBe(200);
    const item = again.json();
    expect(item).toMatchObject({ stage: 'handling', round: 2, openPoints: 1 });
    const byNumber = Object.fromEntries(item.points.map((p: { number: string }) => [p.number, p]));
    expect(byNumber['002']).toMatchObject({ state: 'carried_over' });
    expect(byNumber['再审1-003']).toMatchObject({
      state: 'open',
      previousNumber: '002',
      previousPointId: point2,
      content: '建立改造后小区长效管理机制',
    });
    expect(item.events.at(-1)).toMatchObject({ action: 'rereview', note: '满意度测评未通过，长效管理机制尚未建立', toStage: '研究处理' });

    const newPoint = byNumber['再审1-003'].id as string;
    await pointAct(unit, newPoint, 'answer', { evidence: '出台《老旧小区改造后长效管理办法》' });
    await pointAct(staff, newPoint, 'accept', { judgement: null });
    expect((await act(staff, reportId, 'advance')).json()).toMatchObject({ stage: 'evaluation', openPoints: 0 });
    // With the list clear, the item still closes only on a 满意 result of this round's vote (satisfaction.test.ts).
    const closed = await act(staff, reportId, 'advance');
    expect(closed.json().error.code).toBe('SUPERVISION_ITEM_ACTION_NOT_AVAILABLE');
  });

  it('writes the deliberation-opinions letter and exports the list', async () => {
    const docx = await staff.request('GET', `/api/supervision-items/${reportId}/opinions.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    // An inspection ends in no satisfaction vote: it has no evaluation report.
    const none = await staff.request('GET', `/api/supervision-items/${inspectionId}/evaluation-report.docx`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({ code: 'SUPERVISION_NO_EVALUATION', message: '执法检查不进行满意度测评，没有评议报告' });
    const xlsx = await unit.request('GET', '/api/supervision-points/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('records a field inspection in the deputies’ duty log', async () => {
    clock.set(at('2026-04-10'));
    await act(staff, inspectionId, 'advance');
    const early = await post(staff, `/api/supervision-items/${inspectionId}/visits`, {
      visitedOn: '2026-04-10',
      place: '嘉兴港区',
      summary: null,
      deputyIds,
    });
    expect(early.json().error.code).toBe('SUPERVISION_VISIT_NOT_NOW');
    await act(staff, inspectionId, 'advance');
    const visit = await post(staff, `/api/supervision-items/${inspectionId}/visits`, {
      visitedOn: '2026-04-09',
      place: '嘉兴市客运中心、乍浦港区货运站',
      summary: '检查客运安全、货运超限治理情况',
      deputyIds: deputyIds.slice(0, 2),
    });
    expect(visit.statusCode, visit.body).toBe(200);
    const stage = visit.json().stages.find((s: { stage: string }) => s.stage === 'field_inspection');
    expect(stage.participations).toMatchObject([{ stage: 'field_inspection', stageLabel: '实地检查', deputies: [{}, {}] }]);
    const duties = await t.db
      .select({ kind: dutyRecords.kind, source: dutyRecords.source, deputyId: dutyParticipants.deputyId })
      .from(dutyRecords)
      .innerJoin(dutyParticipants, eq(dutyParticipants.recordId, dutyRecords.id))
      .where(and(eq(dutyRecords.source, 'supervision'), like(dutyRecords.title, '%道路运输条例%')));
    expect(duties.map((d) => d.deputyId).sort()).toEqual(deputyIds.slice(0, 2).sort());
    expect(duties.every((d) => d.kind === 'law_enforcement_check')).toBe(true);
  });
});

describe('a special inquiry: questions, the inquiry record, commitments on the list', () => {
  it('records who asked, who answered and what was promised', async () => {
    clock.set(at('2026-06-10'));
    const plan = await post(staff, '/api/supervision/plans', { bodyId: cityId, year: 2031, title: '嘉兴市人大常委会2031年度监督工作计划' });
    const planId = plan.json().id;
    const withItem = await post(staff, `/api/supervision/plans/${planId}/items`, {
      kind: 'special_inquiry',
      subject: '政府民生实事项目办理情况',
      committee: '代表工委',
      organUnitId: jtjId,
      meeting: null,
      meetingOn: null,
      deputyIds: [],
    });
    expect(withItem.statusCode, withItem.body).toBe(200);
    const itemId = withItem.json().items[0].id;
    await post(staff, `/api/supervision-plans/${planId}/actions/adopt`, { note: null });
    for (let i = 0; i < 3; i++) await act(staff, itemId, 'advance');
    const q = await post(staff, `/api/supervision-items/${itemId}/questions`, {
      question: '城乡公交一体化何时覆盖全部行政村？',
      askerKind: 'public',
      askerName: '王江泾镇群众',
    });
    expect(q.statusCode, q.body).toBe(200);
    await act(staff, itemId, 'advance');
    await act(staff, itemId, 'advance');
    expect((await act(staff, itemId, 'advance')).json().error.code).toBe('SUPERVISION_QUESTIONS_UNANSWERED');
    const questionId = q.json().questions[0].id;
    const answered = await post(staff, `/api/supervision-items/${itemId}/questions/${questionId}/answer`, {
      officialName: '市交通运输局局长 周海峰',
      answer: '今年底前实现行政村公交全覆盖。',
      commitment: '年底前实现行政村公交全覆盖',
      commitmentDueOn: '2027-12-31',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().points).toMatchObject([{ source: 'commitment', organName: '嘉兴市交通运输局', dueOn: '2027-12-31' }]);
    expect(answered.json().questions[0]).toMatchObject({ officialName: '市交通运输局局长 周海峰', askerKindLabel: '社会公众' });
    const record = await staff.request('GET', `/api/supervision-items/${itemId}/inquiry-record.docx`);
    expect(record.statusCode).toBe(200);
  });
});

describe('joint meetings', () => {
  it('tracks decisions with owners and deadlines', async () => {
    clock.set(at('2026-03-01'));
    const m = await post(staff, '/api/joint-meetings', {
      bodyId: cityId,
      title: '市人大常委会与“一府一委两院”联席会议',
      heldOn: '2026-02-28',
      place: '市人大常委会第一会议室',
      agenda: ['通报年度监督工作计划', '确定专项工作报告报告人'],
      attendees: [{ name: '陈建国', unit: '市人大常委会' }],
    });
    expect(m.statusCode, m.body).toBe(201);
    // Each decision (议定事项) is a follow-up task of the meeting.
    const subject = { subjectType: 'joint_meeting', subjectId: m.json().id };
    const d = await post(staff, '/api/follow-up-tasks', {
      ...subject,
      title: '住建局 6 月 10 日前报送报告稿',
      responsible: '市住建局',
      dueOn: '2026-06-10',
    });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json()).toMatchObject({ state: 'open', overdue: false, responsible: '市住建局', allowedActions: ['complete'] });
    const done = await post(staff, `/api/follow-up-tasks/${d.json().id}/actions/complete`, { evidence: '报告稿已于6月8日报送' });
    expect(done.json()).toMatchObject({ state: 'done', evidence: '报告稿已于6月8日报送' });
    const list = await staff.request('GET', `/api/follow-up-tasks?subjectType=joint_meeting&subjectId=${m.json().id}`);
    expect(list.json().items.map((x: { state: string }) => x.state)).toEqual(['done']);
    expect((await unit.request('GET', '/api/joint-meetings')).statusCode).toBe(403);
    // The meeting's tasks are supervision staff's: an organ does not see them.
    expect((await unit.request('GET', `/api/follow-up-tasks?subjectType=joint_meeting&subjectId=${m.json().id}`)).statusCode).toBe(404);
  });
});
