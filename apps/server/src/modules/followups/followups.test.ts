import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, handlingUnits, notifications, users } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { supervisionItems } from '../supervision/tables.js';
import { remindOverdueTasks } from './reminders.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let leader: Session;
let deputy: Session;
let unit: Session;
let jtunit: Session;
let xzstaff: Session;
let itemId: string;
let closedItemId: string;
let jtjId: string;

/** China 10:00 on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);
const post = (s: Session, url: string, body: unknown = {}) => s.request('POST', url, body);
const subject = () => ({ subjectType: 'supervision_item', subjectId: itemId });
const listUrl = () => `/api/follow-up-tasks?subjectType=supervision_item&subjectId=${itemId}`;

/** The notices a user got whose text names a task. */
const noticesAbout = async (s: Session, title: string, text: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, s.user.id), eq(notifications.title, title), like(notifications.body, `%${text}%`)));

beforeAll(async () => {
  t = await buildTestApp();
  [staff, leader, deputy, unit, jtunit, xzstaff] = await Promise.all([
    t.login('staff'),
    t.login('leader'),
    t.login('deputy'),
    t.login('unit'),
    t.login('jtunit'),
    t.login('xzstaff'),
  ]);
  const cityId = (await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, '嘉兴市人大常委会')))[0]!.id;
  jtjId = (await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市交通运输局')))[0]!.id;
  const item = async (name: string) =>
    (
      await t.db
        .select({ id: supervisionItems.id })
        .from(supervisionItems)
        .where(and(eq(supervisionItems.bodyId, cityId), eq(supervisionItems.subject, name)))
    )[0]!.id;
  // The seeded report on old residential areas, whose organ is the housing bureau (the demo account `unit`).
  itemId = await item('城镇老旧小区改造工作情况');
  closedItemId = await item('市中级人民法院执行工作情况');
  await t.db.update(supervisionItems).set({ stage: 'closed' }).where(eq(supervisionItems.id, closedItemId));
});
afterAll(() => {
  clock.reset();
  return t.close();
});

describe('follow-up tasks (落实任务), one component for every module', () => {
  let taskId: string;

  it('dates a task by the subject’s rule, by working days or by a date, and refuses a bad deadline or no one responsible', async () => {
    clock.set(at('2026-03-02'));
    const byRule = await post(staff, '/api/follow-up-tasks', { ...subject(), title: '补充调研南湖区加装电梯情况', unitId: jtjId });
    expect(byRule.statusCode, byRule.body).toBe(201);
    // Fifteen working days from Monday 2 March 2026: the supervision stage's rule in force.
    expect(byRule.json()).toMatchObject({
      dueOn: '2026-03-23',
      state: 'open',
      stateLabel: '待落实',
      responsible: '嘉兴市交通运输局',
      unitId: jtjId,
      origin: 'handling',
      overdue: false,
      allowedActions: ['complete'],
    });
    taskId = byRule.json().id;
    const byDays = await post(staff, '/api/follow-up-tasks', {
      ...subject(),
      title: '报送整改台账',
      responsible: '城建环资工委',
      workingDays: 5,
    });
    expect(byDays.json().dueOn).toBe('2026-03-09');
    const byDate = await post(staff, '/api/follow-up-tasks', {
      ...subject(),
      title: '报送阶段小结',
      responsible: '城建环资工委',
      dueOn: '2026-04-30',
    });
    expect(byDate.json().dueOn).toBe('2026-04-30');

    const past = await post(staff, '/api/follow-up-tasks', {
      ...subject(),
      title: '补报材料',
      responsible: '城建环资工委',
      dueOn: '2026-03-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'FOLLOW_UP_DUE_PAST', message: '完成期限不能早于今天' });
    const both = await post(staff, '/api/follow-up-tasks', {
      ...subject(),
      title: '补报材料',
      responsible: '工委',
      dueOn: '2026-04-30',
      workingDays: 3,
    });
    expect(both.statusCode).toBe(400);
    const nobody = await post(staff, '/api/follow-up-tasks', { ...subject(), title: '补报材料' });
    expect(nobody.statusCode).toBe(400);
    expect(JSON.stringify(nobody.json().error.details)).toContain('请选择责任单位或填写责任人');
  });

  it('tells the responsible unit, and audits the task', async () => {
    expect(await noticesAbout(jtunit, '落实任务：城镇老旧小区改造工作情况', '补充调研南湖区加装电梯情况')).toHaveLength(1);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, taskId));
    expect(audit).toMatchObject({ entity: 'follow_up_task', action: 'create' });
  });

  it('lets the owning module decide who sees and sets tasks', async () => {
    // Staff of another county do not see the item: 404, never 403.
    expect((await xzstaff.request('GET', listUrl())).statusCode).toBe(404);
    expect((await post(xzstaff, '/api/follow-up-tasks', { ...subject(), title: '越权布置', responsible: '某部门' })).statusCode).toBe(404);
    // A leader sees the item's tasks but does not set them.
    const seen = await leader.request('GET', listUrl());
    expect(seen.json()).toMatchObject({ canCreate: false });
    expect(seen.json().items).toHaveLength(3);
    const byLeader = await post(leader, '/api/follow-up-tasks', { ...subject(), title: '越权布置', responsible: '某部门' });
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().error.code).toBe('FOLLOW_UP_FORBIDDEN');
    // A closed item takes no new task.
    const closed = await post(staff, '/api/follow-up-tasks', {
      subjectType: 'supervision_item',
      subjectId: closedItemId,
      title: '补充',
      responsible: '工委',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'FOLLOW_UP_NOT_NOW', message: '事项已办结' });
    // A deputy neither invited to an item nor taking part in it does not see it (the demo deputy took part in
    // the report's stages, not in the court's item).
    expect((await deputy.request('GET', listUrl())).statusCode).toBe(200);
    const courtTasks = `/api/follow-up-tasks?subjectType=supervision_item&subjectId=${closedItemId}`;
    expect((await deputy.request('GET', courtTasks)).statusCode).toBe(404);
  });

  it('refuses the wrong unit; the responsible unit sees only its own tasks and reports with evidence', async () => {
    // The housing bureau is the item's organ and sees its tasks, but this one is the transport bureau's.
    const organ = await unit.request('GET', listUrl());
    expect(organ.json().items.find((x: { id: string }) => x.id === taskId).allowedActions).toEqual([]);
    const wrong = await post(unit, `/api/follow-up-tasks/${taskId}/actions/complete`, { evidence: '已完成调研' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({ code: 'FOLLOW_UP_ACTION_FORBIDDEN', message: '您不能对此件执行“报告落实情况”' });
    // The transport bureau does not see the item, yet sees and reports on the task given to it.
    const own = await jtunit.request('GET', listUrl());
    expect(own.json().items.map((x: { id: string }) => x.id)).toEqual([taskId]);
    expect(own.json().canCreate).toBe(false);
    const empty = await post(jtunit, `/api/follow-up-tasks/${taskId}/actions/complete`, { evidence: '' });
    expect(empty.statusCode).toBe(400);
    clock.set(at('2026-03-10'));
    const done = await post(jtunit, `/api/follow-up-tasks/${taskId}/actions/complete`, { evidence: '已赴南湖区三个街道调研，形成报告' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      state: 'done',
      stateLabel: '已落实',
      evidence: '已赴南湖区三个街道调研，形成报告',
      doneByName: (await t.db.query.users.findFirst({ where: eq(users.id, jtunit.user.id) }))!.displayName,
      doneAt: at('2026-03-10').toISOString(),
      allowedActions: [],
    });
    const again = await post(jtunit, `/api/follow-up-tasks/${taskId}/actions/complete`, { evidence: '再次报告' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FOLLOW_UP_ACTION_NOT_ALLOWED');
    expect(await noticesAbout(staff, '落实任务已报告', '补充调研南湖区加装电梯情况')).toHaveLength(1);
  });

  it('lets only staff send a report back, with a reason and a new deadline', async () => {
    expect((await post(jtunit, `/api/follow-up-tasks/${taskId}/actions/reopen`, { reason: '不够', dueOn: null })).statusCode).toBe(403);
    const noReason = await post(staff, `/api/follow-up-tasks/${taskId}/actions/reopen`, { reason: '', dueOn: null });
    expect(noReason.statusCode).toBe(400);
    const reopened = await post(staff, `/api/follow-up-tasks/${taskId}/actions/reopen`, {
      reason: '调研报告缺少秀洲区情况',
      dueOn: '2026-03-20',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({
      state: 'open',
      dueOn: '2026-03-20',
      returnReason: '调研报告缺少秀洲区情况',
      doneAt: null,
      allowedActions: ['complete'],
    });
    expect(await noticesAbout(jtunit, '落实任务被退回', '调研报告缺少秀洲区情况')).toHaveLength(1);
    const trail = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, taskId));
    expect(trail.map((a) => a.action)).toEqual(['create', 'complete', 'reopen']);
    expect(trail[2]!.after).toMatchObject({ state: 'open', reason: '调研报告缺少秀洲区情况', dueOn: '2026-03-20' });
  });

  it('reminds the unit and the staff once when a task becomes overdue, and again only after it is sent back', async () => {
    clock.set(at('2026-03-20'));
    await remindOverdueTasks(t.db, t.deps.notifier);
    // Due on the 20th: not overdue during that day.
    expect(await noticesAbout(jtunit, '落实任务已逾期', '补充调研南湖区加装电梯情况')).toHaveLength(0);
    clock.set(at('2026-03-21'));
    expect((await remindOverdueTasks(t.db, t.deps.notifier)).reminded).toBeGreaterThanOrEqual(1);
    expect(await noticesAbout(jtunit, '落实任务已逾期', '补充调研南湖区加装电梯情况')).toHaveLength(1);
    expect(await noticesAbout(staff, '落实任务逾期未落实', '补充调研南湖区加装电梯情况')).toHaveLength(1);
    expect(await remindOverdueTasks(t.db, t.deps.notifier)).toEqual({ reminded: 0 });
    clock.set(at('2026-03-25'));
    expect(await remindOverdueTasks(t.db, t.deps.notifier)).toEqual({ reminded: 0 });
    expect(await noticesAbout(jtunit, '落实任务已逾期', '补充调研南湖区加装电梯情况')).toHaveLength(1);
    const listed = (await staff.request('GET', listUrl())).json().items.find((x: { id: string }) => x.id === taskId);
    expect(listed).toMatchObject({ overdue: true, overdueNotifiedAt: at('2026-03-21').toISOString() });

    // Reported late, sent back with a new deadline, overdue again: reminded a second time.
    await post(jtunit, `/api/follow-up-tasks/${taskId}/actions/complete`, { evidence: '已补充秀洲区调研情况' });
    await post(staff, `/api/follow-up-tasks/${taskId}/actions/reopen`, { reason: '请附调研照片', dueOn: '2026-03-26' });
    clock.set(at('2026-03-27'));
    await remindOverdueTasks(t.db, t.deps.notifier);
    expect(await noticesAbout(jtunit, '落实任务已逾期', '补充调研南湖区加装电梯情况')).toHaveLength(2);
    // A task not yet due is not reminded.
    const notDue = await t.db.select().from(notifications).where(like(notifications.body, '%报送阶段小结%'));
    expect(notDue.filter((n) => n.title.includes('逾期'))).toHaveLength(0);
  });
});
