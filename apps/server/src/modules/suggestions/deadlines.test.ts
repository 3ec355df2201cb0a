import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifications, suggestionAssignments, suggestions } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { scanDeadlines } from './deadline-job.js';
import { cast, docxText } from './test-helpers.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof cast>>;
const cst = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => cst(`${date}T23:59:59.999`).toISOString();

beforeAll(async () => {
  clock.set(cst('2026-03-02T09:00:00'));
  t = await buildTestApp();
  c = await cast(t);
});
afterAll(async () => {
  clock.reset();
  await t.close();
});

/** A between-sessions suggestion taken to `accepted` at the current clock. */
async function accepted(title = '关于增设城区公共自行车站点的建议') {
  const res = await c.as.deputy!.request('POST', '/api/suggestions', {
    kind: 'suggestion',
    period: 'between_sessions',
    title,
    content: '城区部分新建小区周边缺少公共自行车站点，群众短途出行不便，建议增设站点并延长运营时间。',
    field: 'urban',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await c.as.deputy!.request('POST', `/api/suggestions/${id}/actions/submit`, {});
  const acc = await c.as.staff!.request('POST', `/api/suggestions/${id}/actions/accept`, {});
  expect(acc.statusCode, acc.body).toBe(200);
  return id;
}
const post = (who: string, id: string, path: string, body: object = {}) =>
  c.as[who]!.request('POST', `/api/suggestions/${id}/actions/${path}`, body);

describe('reply deadlines (代表法: three months, six for complex items; configurable per body)', () => {
  beforeEach(() => clock.set(cst('2026-03-15T10:00:00')));

  it.each([
    [false, '2026-06-15'],
    [true, '2026-09-15'],
  ])('complex=%s is due at the end of %s', async (complex, date) => {
    const id = await accepted();
    const res = await post('staff', id, 'assign', { leadUnitId: c.units.housing, complex });
    expect(res.json().dueAt).toBe(endOf(date));
  });

  it('counts sign-for in working days over the Labour Day holiday and its make-up day', async () => {
    clock.set(cst('2026-04-30T10:00:00'));
    const id = await accepted();
    const res = await post('staff', id, 'assign', { leadUnitId: c.units.housing });
    // 2026: 1–5 May are holidays and Sat 9 May a make-up working day: 6, 7, 8, 9, 11, 12, 13 May.
    expect(res.json().assignments[0].signForDueAt).toBe(endOf('2026-05-13'));
  });

  it("follows the body's own setting, and the legal default again once it is cleared", async () => {
    const admin = c.as.admin!;
    const set = await admin.request('PUT', '/api/admin/deadline-rules/suggestions.reply', {
      bodyId: c.city.id,
      rule: { amount: 2, unit: 'calendar_months' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const setting = set.json().items.find((r: { key: string }) => r.key === 'suggestions.reply');
    expect(setting.source).toContain('代表法');
    const id = await accepted();
    expect((await post('staff', id, 'assign', { leadUnitId: c.units.housing })).json().dueAt).toBe(endOf('2026-05-15'));
    await admin.request('PUT', '/api/admin/deadline-rules/suggestions.reply', { bodyId: c.city.id, rule: null });
    const id2 = await accepted();
    expect((await post('staff', id2, 'assign', { leadUnitId: c.units.housing })).json().dueAt).toBe(endOf('2026-06-15'));
  });
});

describe('reassignment window, extensions and closing without a rating', () => {
  it('refuses a reassignment request after the sign-for deadline', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted();
    await post('staff', id, 'assign', { leadUnitId: c.units.housing });
    clock.set(cst('2026-03-26T08:00:00'));
    const res = await post('unit', id, 'requestReassignment', { reason: '不属于本局职责' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'REASSIGNMENT_WINDOW_PASSED', message: '已超过签收期限，不能再申请调整承办单位' });
  });

  it('moves the due date by an approved extension, up to the six-month ceiling', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted();
    await post('staff', id, 'assign', { leadUnitId: c.units.housing });
    await post('unit', id, 'signFor');
    const req = await post('unit', id, 'requestExtension', { months: 2, reason: '涉及多个部门，需统筹资金' });
    expect(req.statusCode, req.body).toBe(200);
    const ext = req.json().extensions[0];
    expect((await post('unit', id, 'requestExtension', { months: 1, reason: '再次申请' })).json().error.code).toBe('EXTENSION_PENDING');
    const approved = await post('staff', id, 'decideExtension', { extensionId: ext.id, approve: true });
    expect(approved.json().dueAt).toBe(endOf('2026-08-16'));
    const tooLong = await post('unit', id, 'requestExtension', { months: 2, reason: '仍需时间' });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().error.message).toBe('延期累计不能超过 3 个月（已延期 2 个月）');
  });

  it('counts extended months from the assignment date itself and tells the deputy why (30 Nov → 30 May)', async () => {
    clock.set(cst('2026-11-30T10:00:00'));
    const id = await accepted('关于延长社区食堂供餐时间的建议');
    expect((await post('staff', id, 'assign', { leadUnitId: c.units.housing })).json().dueAt).toBe(endOf('2027-02-28'));
    await post('unit', id, 'signFor');
    const ext = (await post('unit', id, 'requestExtension', { months: 3, reason: '需协调多个街道统一方案' })).json().extensions[0];
    const approved = await post('staff', id, 'decideExtension', { extensionId: ext.id, approve: true });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().dueAt).toBe(endOf('2027-05-30'));
    const told = (await t.db.select().from(notifications).where(eq(notifications.userId, c.as.deputy!.user.id))).filter(
      (n) => n.title === '建议答复期限已延长' && n.link === `/suggestions/${id}`,
    );
    expect(told.map((n) => n.body)).toEqual([
      '《关于延长社区食堂供餐时间的建议》的答复期限经批准延长至2027-05-30。延期理由：需协调多个街道统一方案',
    ]);
  });

  it('refuses any extension of a complex item: six months from assignment is the ceiling', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted();
    expect((await post('staff', id, 'assign', { leadUnitId: c.units.housing, complex: true })).json().dueAt).toBe(endOf('2026-09-16'));
    await post('unit', id, 'signFor');
    const res = await post('unit', id, 'requestExtension', { months: 1, reason: '涉及资金安排' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'EXTENSION_PAST_CEILING',
      message: '延期后的答复期限不能晚于交办之日起的最长期限（2026-09-16）',
    });
  });

  it('counts the ceiling from the first assignment when the lead unit was changed later', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted();
    const assigned = (await post('staff', id, 'assign', { leadUnitId: c.units.housing })).json();
    await post('unit', id, 'requestReassignment', { reason: '不属于本局职责' });
    clock.set(cst('2026-03-20T10:00:00'));
    const lead = assigned.assignments.find((x: { role: string }) => x.role === 'lead');
    const moved = await post('staff', id, 'decideReassignment', { assignmentId: lead.id, approve: true, newUnitId: c.units.education });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().dueAt).toBe(endOf('2026-06-20'));
    await post('unit2', id, 'signFor');
    // Three months more would end on 20 September, past 16 September (six months from 16 March).
    const res = await post('unit2', id, 'requestExtension', { months: 3, reason: '需重新调查' });
    expect(res.json().error?.code).toBe('EXTENSION_PAST_CEILING');
    const two = await post('unit2', id, 'requestExtension', { months: 2, reason: '需重新调查' });
    expect(two.statusCode, two.body).toBe(200);
  });

  it('lets staff release the lead from waiting on a joint unit past its deadline, with a reason the letter carries', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted('关于规范校外培训机构收费的建议');
    const assigned = (await post('staff', id, 'assign', { leadUnitId: c.units.housing, jointUnitIds: [c.units.education] })).json();
    const joint = assigned.assignments.find((x: { role: string }) => x.role === 'joint');
    await post('unit', id, 'signFor');
    const waive = { assignmentId: joint.id, reason: '教育局逾期未提交，经催办仍未反馈' };
    const early = await post('staff', id, 'waiveJointOpinion', waive);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'JOINT_OPINION_NOT_OVERDUE',
      message: '嘉兴市教育局的会办意见期限（2026-04-16）未到，不能免除',
    });
    clock.set(cst('2026-04-20T10:00:00'));
    expect((await post('unit', id, 'waiveJointOpinion', waive)).statusCode).toBe(403);
    const waived = await post('staff', id, 'waiveJointOpinion', waive);
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json().assignments.find((x: { id: string }) => x.id === joint.id).state).toBe('opinion_waived');
    const replied = await post('unit', id, 'reply', {
      category: 'B',
      content: '我局将会同有关部门开展校外培训收费专项检查，规范收费行为。',
      signer: '沈建明',
      contactPerson: '刘明',
      contactPhone: '0573-82011234',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const letter = await c.as.unit!.request('GET', `/api/suggestions/${id}/replies/${replied.json().replies[0].id}/letter`);
    expect(await docxText(letter.rawPayload)).toContain('嘉兴市教育局逾期未提交会办意见，经交办机关同意先行答复。');
    // The joint unit can no longer be waived twice.
    expect((await post('staff', id, 'waiveJointOpinion', waive)).statusCode).not.toBe(200);
  });

  it('lets a pending extension lapse when the unit answers before staff decide, keeping the due date', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted();
    const assigned = (await post('staff', id, 'assign', { leadUnitId: c.units.housing })).json();
    await post('unit', id, 'signFor');
    expect((await post('unit', id, 'requestExtension', { months: 1, reason: '涉及资金安排' })).statusCode).toBe(200);
    const replied = await post('unit', id, 'reply', {
      category: 'A',
      content: '改造资金已经落实到位，我局已于本月完成全部改造工程并通过验收。',
      signer: '沈建明',
      contactPerson: '刘明',
      contactPhone: '0573-82721592',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const item = replied.json();
    expect(item.extensions.map((e: { state: string }) => e.state)).toEqual(['lapsed']);
    expect(item.dueAt).toBe(assigned.dueAt);
    // Nothing is left for staff to decide.
    expect(item.allowedActions).not.toContain('decideExtension');
  });

  it('closes an unrated reply only after the deputy’s 20 working days to rate', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted();
    await post('staff', id, 'assign', { leadUnitId: c.units.housing });
    await post('unit', id, 'signFor');
    await post('unit', id, 'reply', {
      category: 'C',
      content: '该区域道路狭窄，暂不具备设站条件，我局将在道路改造时统筹考虑。',
      signer: '沈建明',
      contactPerson: '刘明',
      contactPhone: '0573-82721592',
    });
    clock.set(cst('2026-04-01T10:00:00'));
    await post('staff', id, 'release');
    const early = await post('staff', id, 'close');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RATING_PENDING');
    clock.set(cst('2026-05-06T10:00:00'));
    expect((await post('staff', id, 'close')).json().state).toBe('closed');
  });
});

describe('the deadline job: reminders, overdue escalation, late sign-for', () => {
  it('reminds the lead unit once within ten working days, escalates once when overdue, and counts late replies', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await accepted('关于规范老旧小区电动自行车集中充电设施的建议');
    await post('staff', id, 'assign', { leadUnitId: c.units.housing });
    await post('unit', id, 'signFor');
    const unitUser = c.as.unit!.user.id;
    const staffUser = c.as.staff!.user.id;
    const count = async (userId: string, title: string) =>
      (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).filter(
        (n) => n.title === title && n.body.includes('充电设施'),
      ).length;

    clock.set(cst('2026-05-20T10:00:00'));
    await scanDeadlines(t.db, t.deps.notifier);
    expect(await count(unitUser, '代表建议即将到期')).toBe(0);

    clock.set(cst('2026-06-03T10:00:00'));
    await scanDeadlines(t.db, t.deps.notifier);
    await scanDeadlines(t.db, t.deps.notifier);
    expect(await count(unitUser, '代表建议即将到期')).toBe(1);

    clock.set(cst('2026-06-17T00:30:00'));
    await scanDeadlines(t.db, t.deps.notifier);
    await scanDeadlines(t.db, t.deps.notifier);
    expect(await count(staffUser, '代表建议逾期未答复')).toBe(1);
    expect(await count(unitUser, '代表建议已逾期')).toBe(1);

    const overdue = await c.as.staff!.request('GET', '/api/suggestions/overdue');
    expect(overdue.json().items.map((i: { id: string }) => i.id)).toContain(id);

    await post('unit', id, 'reply', {
      category: 'B',
      content: '我局已将电动自行车集中充电设施建设纳入今年老旧小区改造计划，分批推进。',
      signer: '沈建明',
      contactPerson: '刘明',
      contactPhone: '0573-82721592',
    });
    const [row] = await t.db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row!.repliedOnTime).toBe(false);
  });

  it('tells the supervising leader of a key suggestion once when it is overdue', async () => {
    clock.set(cst('2026-08-03T10:00:00'));
    const id = await accepted('关于加快农村生活污水治理设施运维的建议');
    await post('staff', id, 'assign', { leadUnitId: c.units.housing });
    await post('unit', id, 'signFor');
    const leader = c.as.leader!.user.id;
    const marked = await post('staff', id, 'markKey', { leadOfficial: '副市长 陈伟', supervisorUserId: leader });
    expect(marked.statusCode, marked.body).toBe(200);
    const told = async () =>
      (await t.db.select().from(notifications).where(eq(notifications.userId, leader))).filter(
        (n) => n.title === '督办的重点建议已逾期' && n.body.includes('农村生活污水'),
      ).length;
    const due = (await t.db.select().from(suggestions).where(eq(suggestions.id, id)))[0]!.dueAt!;
    clock.set(new Date(due.getTime() - 60_000));
    await scanDeadlines(t.db, t.deps.notifier);
    expect(await told()).toBe(0);
    clock.set(new Date(due.getTime() + 60_000));
    await scanDeadlines(t.db, t.deps.notifier);
    await scanDeadlines(t.db, t.deps.notifier);
    expect(await told()).toBe(1);
  });

  it('reports a joint unit whose opinion is late to that unit, the staff and the lead unit, once', async () => {
    clock.set(cst('2026-09-01T10:00:00'));
    const id = await accepted('关于推进城乡学校食堂明厨亮灶建设的建议');
    await post('staff', id, 'assign', { leadUnitId: c.units.housing, jointUnitIds: [c.units.education] });
    await post('unit', id, 'signFor');
    await post('unit2', id, 'signFor');
    const [joint] = await t.db
      .select()
      .from(suggestionAssignments)
      .where(and(eq(suggestionAssignments.suggestionId, id), eq(suggestionAssignments.role, 'joint')));
    const told = async (who: string, title: string) =>
      (await t.db.select().from(notifications).where(eq(notifications.userId, c.as[who]!.user.id))).filter(
        (n) => n.title === title && n.body.includes('明厨亮灶'),
      ).length;
    clock.set(new Date(joint!.dueAt.getTime() - 60_000));
    expect((await scanDeadlines(t.db, t.deps.notifier)).jointOverdue).toBe(0);
    clock.set(new Date(joint!.dueAt.getTime() + 60_000));
    expect((await scanDeadlines(t.db, t.deps.notifier)).jointOverdue).toBe(1);
    expect((await scanDeadlines(t.db, t.deps.notifier)).jointOverdue).toBe(0);
    expect(await told('unit2', '会办意见已逾期')).toBe(1);
    expect(await told('staff', '会办单位逾期')).toBe(1);
    expect(await told('unit', '会办单位逾期')).toBe(1);
  });

  it('reports an assignment not signed for in time to the staff, once', async () => {
    clock.set(cst('2026-07-01T10:00:00'));
    await post('staff', await accepted('关于加强校园周边交通安全管理的建议'), 'assign', { leadUnitId: c.units.education });
    clock.set(cst('2026-07-13T10:00:00'));
    const first = await scanDeadlines(t.db, t.deps.notifier);
    const second = await scanDeadlines(t.db, t.deps.notifier);
    expect(first.signForOverdue).toBeGreaterThanOrEqual(1);
    expect(second.signForOverdue).toBe(0);
  });
});
