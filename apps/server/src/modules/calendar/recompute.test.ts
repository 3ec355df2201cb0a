import { randomUUID } from 'node:crypto';
import { auditActionName } from '@renda/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, handlingUnits, notifications } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { setRule } from '../../platform/deadline-rules.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { opinions } from '../opinions/tables.js';
import { campaignClues, campaigns } from '../campaigns/tables.js';
import { followUpTasks } from '../followups/tables.js';
import { stations } from '../stations/tables.js';
import { supervisionItems, supervisionPoints } from '../supervision/tables.js';
import { notice2027 } from '../../test/calendar-2027.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let admin: Session;
let staff: Session;
let unit: Session;
let jtunit: Session;
let stationCode: string;
let housingUnitId: string;
let jtjId: string;
let itemId: string;

const TITLE = '2027年法定节假日安排已录入，期限已重算';

beforeAll(async () => {
  t = await buildTestApp();
  // Sunday 20 December 2026: the installed package knows official days off only up to 2026.
  clock.set(new Date('2026-12-20T10:00:00+08:00'));
  [admin, staff, unit, jtunit] = await Promise.all([t.login('admin'), t.login('staff'), t.login('unit'), t.login('jtunit')]);
  stationCode = `calendar-${randomUUID().slice(0, 8)}`;
  await t.db
    .insert(stations)
    .values({ bodyId: staff.user.bodyId, kind: 'liaison_station', name: '日历重算测试联络站', publicCode: stationCode });
  const unitId = async (name: string) =>
    (await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, name)))[0]!.id;
  housingUnitId = await unitId('嘉兴市住房和城乡建设局');
  jtjId = await unitId('嘉兴市交通运输局');
  const cityId = (await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, '嘉兴市人大常委会')))[0]!.id;
  itemId = (
    await t.db
      .select({ id: supervisionItems.id })
      .from(supervisionItems)
      .where(and(eq(supervisionItems.bodyId, cityId), eq(supervisionItems.subject, '城镇老旧小区改造工作情况')))
  )[0]!.id;
});
afterAll(async () => {
  clock.reset();
  await t.close();
});

const act = async (s: Session, id: string, body: Record<string, unknown>) => {
  const res = await s.request('POST', `/api/opinions/${id}/actions/${body.action}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** An opinion submitted at the station, accepted and routed to the housing bureau today. */
async function routedOpinion(content: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/opinions',
    payload: { station: stationCode, category: 'transport', content },
    remoteAddress: `10.9.0.${content.length}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = String(res.json().trackingCode).replaceAll('-', '');
  const { id } = (await t.db.select({ id: opinions.id }).from(opinions).where(eq(opinions.trackingCode, code)))[0]!;
  await act(staff, id, { action: 'accept' });
  const routed = await act(staff, id, { action: 'route', handlingUnitId: housingUnitId, routeKind: 'special_assignment' });
  return { id, routed };
}

const dueOf = async (id: string) => (await t.db.select().from(opinions).where(eq(opinions.id, id)))[0]!.dueAt!.toISOString();
const taskDue = async (id: string) => (await t.db.select().from(followUpTasks).where(eq(followUpTasks.id, id)))[0]!.dueOn;
const recomputed = (entityId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, 'dueRecomputed')));
const told = (s: Session) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, s.user.id), eq(notifications.title, TITLE)));

describe('entering a year recounts the open working-day deadlines that run into it', () => {
  it('moves open opinions, working-day tasks (also ones set before their count was kept), clues and issue-list points past New Year, leaves answered and named ones alone, audits and tells', async () => {
    // Fifteen working days from 20 December, with 2027 unknown, end on Friday 8 January (provisional).
    const open = await routedOpinion('南湖路口红绿灯时间太短，老人过马路来不及，请延长行人绿灯。');
    expect(open.routed.dueAt).toBe('2027-01-08T15:59:59.999Z');
    const answered = await routedOpinion('中山路人行道破损多处，雨天积水严重影响出行。');
    await act(unit, answered.id, { action: 'signFor' });
    await act(unit, answered.id, { action: 'reply', text: '已安排修复人行道并疏通排水。' });
    expect((await act(staff, answered.id, { action: 'approveReply' })).status).toBe('reply_approved');

    const task = async (body: Record<string, unknown>) => {
      const res = await staff.request('POST', '/api/follow-up-tasks', {
        subjectType: 'supervision_item',
        subjectId: itemId,
        unitId: jtjId,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; dueOn: string; dueProvisional: boolean };
    };
    const byDays = await task({ title: '报送加装电梯进度', workingDays: 15 });
    expect(byDays).toMatchObject({ dueOn: '2027-01-08', dueProvisional: true });
    const byDate = await task({ title: '报送年度小结', dueOn: '2027-01-08' });
    // Tasks set before the table kept their working days (migration 0039) or whether their date was named
    // (0040): the one whose date is what the item's rule (15 working days) gives moves, the named one stays.
    const legacy = async (title: string, dueOn: string) =>
      (
        await t.db
          .insert(followUpTasks)
          .values({
            bodyId: staff.user.bodyId,
            subjectType: 'supervision_item',
            subjectId: itemId,
            title,
            unitId: jtjId,
            responsible: '嘉兴市交通运输局',
            dueOn,
            createdAt: clock.now(),
          })
          .returning()
      )[0]!;
    const legacyByRule = await legacy('报送公交站台改造方案', '2027-01-08');
    const legacyNamed = await legacy('报送公交线路调整情况', '2027-01-06');

    // Points of the issue list where the city counts answers in 15 working days (the default is two months):
    // the one the rule dated moves; a date staff named, and a point already answered, stay.
    await setRule(t.db, staff.user.bodyId, 'supervision.point.answer', { amount: 15, unit: 'working_days' }, clock.now());
    const point = async (seq: number, dueOn: string, state: string) =>
      (
        await t.db
          .insert(supervisionPoints)
          .values({
            itemId,
            bodyId: staff.user.bodyId,
            seq,
            round: 1,
            source: 'opinion',
            content: `老旧小区加装电梯审批流程（${seq}）`,
            organUnitId: jtjId,
            dueOn,
            state,
            createdAt: clock.now(),
          })
          .returning()
      )[0]!;
    const pointByRule = await point(901, '2027-01-08', 'open');
    const pointNamed = await point(902, '2027-01-07', 'open');
    const pointAnswered = await point(903, '2027-01-08', 'answered');

    // A clue transferred today where the city counts rectification in 15 working days (the default is a month).
    const now = clock.now();
    await setRule(t.db, staff.user.bodyId, 'campaign.clue.rectify', { amount: 15, unit: 'working_days' }, now);
    const [campaign] = await t.db
      .insert(campaigns)
      .values({ bodyId: staff.user.bodyId, title: '背街小巷专项监督', theme: '城市管理', startsOn: '2026-12-01', endsOn: '2027-03-31' })
      .returning();
    const clue = async (seq: number, dueAt: Date) =>
      (
        await t.db
          .insert(campaignClues)
          .values({
            campaignId: campaign!.id,
            bodyId: staff.user.bodyId,
            seq,
            kind: 'problem',
            content: `背街小巷路灯损坏（${seq}）`,
            foundOn: '2026-12-18',
            status: 'transferred',
            handlingUnitId: jtjId,
            transferredAt: now,
            firstTransferredAt: now,
            dueAt,
          })
          .returning()
      )[0]!;
    const clueByDays = await clue(1, new Date('2027-01-08T15:59:59.999Z'));

    const saved = await admin.request('PUT', '/api/admin/calendar/years/2027', notice2027);
    expect(saved.statusCode, saved.body).toBe(200);

    // New Year's Day is off: the fifteenth working day is Monday 11 January.
    expect(await dueOf(open.id)).toBe('2027-01-11T15:59:59.999Z');
    const detail = (await staff.request('GET', `/api/opinions/${open.id}`)).json();
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'dueRecomputed', label: '按法定节假日安排重算答复期限' });
    expect(await dueOf(answered.id)).toBe('2027-01-08T15:59:59.999Z');
    expect(await taskDue(byDays.id)).toBe('2027-01-11');
    expect(await taskDue(byDate.id)).toBe('2027-01-08');
    const [clueAfter] = await t.db.select().from(campaignClues).where(eq(campaignClues.id, clueByDays.id));
    expect(clueAfter!.dueAt!.toISOString()).toBe('2027-01-11T15:59:59.999Z');
    expect(await recomputed(clueByDays.id)).toHaveLength(1);
    expect(await taskDue(legacyByRule.id)).toBe('2027-01-11');
    expect(await taskDue(legacyNamed.id)).toBe('2027-01-06');
    expect(await recomputed(legacyByRule.id)).toHaveLength(1);
    expect(await recomputed(legacyNamed.id)).toHaveLength(0);
    const pointDue = async (id: string) => (await t.db.select().from(supervisionPoints).where(eq(supervisionPoints.id, id)))[0]!.dueOn;
    expect(await pointDue(pointByRule.id)).toBe('2027-01-11');
    expect(await pointDue(pointNamed.id)).toBe('2027-01-07');
    expect(await pointDue(pointAnswered.id)).toBe('2027-01-08');
    const [pointAudit] = await recomputed(pointByRule.id);
    expect(pointAudit).toMatchObject({
      entity: 'supervision_point',
      before: { due: '2027-01-08' },
      after: { due: '2027-01-11', workingDays: 15 },
    });
    expect(await recomputed(pointNamed.id)).toHaveLength(0);
    expect(await recomputed(pointAnswered.id)).toHaveLength(0);

    const [audit] = await recomputed(open.id);
    expect(audit).toMatchObject({ entity: 'opinion', actorId: admin.user.id, before: { due: '2027-01-08' } });
    expect(audit!.after).toMatchObject({ due: '2027-01-11', workingDays: 15, calendarYear: 2027 });
    expect(await recomputed(answered.id)).toHaveLength(0);
    expect(await recomputed(byDays.id)).toHaveLength(1);
    expect(await recomputed(byDate.id)).toHaveLength(0);
    expect(auditActionName('follow_up_task', 'dueRecomputed')).toBe('按节假日安排重算期限');

    const unitNotes = await told(unit);
    expect(unitNotes).toHaveLength(1);
    expect(unitNotes[0]!.body).toContain('期限由 2027-01-08 调整为 2027-01-11');
    expect(unitNotes[0]!.link).toBe(`/opinions/${open.id}`);
    const jtNotes = await told(jtunit);
    expect(jtNotes).toHaveLength(1);
    // One notice to the transport bureau for both its task and its clue.
    expect(jtNotes[0]!.body).toContain('报送加装电梯进度');
    expect(jtNotes[0]!.body).toContain('问题线索第1号');
    expect(jtNotes[0]!.body).toContain('报送公交站台改造方案”：期限由 2027-01-08 调整为 2027-01-11');
    expect(jtNotes[0]!.body).toContain('《城镇老旧小区改造工作情况》督办清单第901号问题：期限由 2027-01-08 调整为 2027-01-11');
    expect(jtNotes[0]!.body).not.toContain('报送公交线路调整情况');
  });

  it('moves nothing and tells no one when the year is saved again unchanged', async () => {
    const before = (await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'dueRecomputed'))).length;
    const again = await admin.request('PUT', '/api/admin/calendar/years/2027', notice2027);
    expect(again.statusCode, again.body).toBe(200);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'dueRecomputed'))).toHaveLength(before);
    expect(await told(unit)).toHaveLength(1);
  });
});
