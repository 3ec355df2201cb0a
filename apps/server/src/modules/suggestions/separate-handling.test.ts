import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, notifications, suggestionAssignments } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import type { TestApp } from '../../test/app.js';
import { scanDeadlines } from './deadline-job.js';
import { acceptedSuggestion, docxText, replyLetter, expectAction, useSuggestionsTestApp, type Cast } from './test-helpers.js';

// Issue 11: 分别办理 — several units each answer their own part, with their own deadline and rating.
let t: TestApp;
let c: Cast;
let sessionId: string;
const cst = (s: string) => new Date(`${s}+08:00`);
const as = (name: string) => c.as[name]!;

useSuggestionsTestApp(
  { at: '2026-03-02T09:00:00', session: '嘉兴市第九届人民代表大会第七次会议' },
  (ready) => ({ t, c, sessionId } = ready),
);

const act = (who: string, id: string, action: string, body: object = {}) => expectAction(c, who, id, action, body);
const replyBody = (category: string, unit: string) =>
  replyLetter(category, `${unit}就本单位职责范围内的事项答复如下：已制定学校周边交通整治方案，今年秋季开学前完成。`);

const acceptedItem = (title: string) =>
  acceptedSuggestion(c, {
    sessionId,
    title,
    content: '城区多所学校周边上下学时段交通拥堵，接送车辆乱停乱放，学生安全隐患突出，建议教育、住建、民政等部门各司其职加以解决。',
    field: 'education',
  });

describe('分别办理 (separate handling)', () => {
  it('needs at least two units, in Chinese', async () => {
    const id = await acceptedItem('关于整治学校周边交通秩序的建议');
    const res = await as('staff').request('POST', `/api/suggestions/${id}/actions/assign`, {
      mode: 'separate',
      separateUnitIds: [c.units.housing],
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('分别办理须选择两个以上承办单位');
  });

  it('lets each unit answer its own part with its own deadline and rating; the item closes only when every part is answered', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const id = await acceptedItem('关于改善城区学校周边环境的建议');
    const assigned = await act('staff', id, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.education] });
    expect(assigned).toMatchObject({ state: 'assigned', handlingMode: 'separate', leadUnitName: null });
    expect(assigned.assignments.map((a: { role: string }) => a.role)).toEqual(['separate', 'separate']);
    // Each part is due three months from assignment, like a lead unit's reply.
    for (const a of assigned.assignments) expect(a.dueAt).toBe(cst('2026-06-16T23:59:59.999').toISOString());
    const letter = await as('unit2').request(
      'GET',
      `/api/suggestions/${id}/assignments/${assigned.assignments.find((a: { unitId: string }) => a.unitId === c.units.education).id}/letter`,
    );
    expect(await docxText(letter.rawPayload)).toContain('此件由嘉兴市教育局、嘉兴市住房和城乡建设局分别办理');

    // Each unit signs for and replies on its own; no joint opinion, no lead to wait for.
    expect((await act('unit', id, 'signFor')).state).toBe('handling');
    const u1 = await act('unit', id, 'reply', replyBody('A', '住建局'));
    expect(u1.state).toBe('handling');
    // Another unit reads its own part's draft, not the other unit's.
    expect((await as('unit2').request('GET', `/api/suggestions/${id}`)).json().replies).toEqual([]);
    expect((await as('unit2').request('POST', `/api/suggestions/${id}/actions/reply`, replyBody('B', '教育局'))).json().error.code).toBe(
      'PART_NOT_OPEN',
    );
    await act('unit2', id, 'signFor');
    clock.set(cst('2026-06-20T10:00:00')); // 教育局 answers after its own deadline.
    expect((await act('unit2', id, 'reply', replyBody('B', '教育局'))).state).toBe('replied');

    // Staff release each reply on its own; the deputy is told of each and rates each.
    const housingReply = u1.replies.find((r: { unitName: string }) => r.unitName === '嘉兴市住房和城乡建设局').id;
    const afterOne = await act('staff', id, 'release', { replyId: housingReply });
    expect(afterOne).toMatchObject({ state: 'replied', replyCategory: null });
    expect((await as('staff').request('POST', `/api/suggestions/${id}/actions/close`, {})).statusCode).toBe(409);
    const mine = (await as('deputy').request('GET', `/api/suggestions/${id}`)).json();
    expect(mine.allowedActions).toContain('rate');
    expect(mine.replies.map((r: { unitName: string }) => r.unitName)).toEqual(['嘉兴市住房和城乡建设局']);
    await act('deputy', id, 'rate', { rating: 'satisfied', replyId: housingReply });

    const released = await act('staff', id, 'release');
    expect(released).toMatchObject({ state: 'reply_released', replyCategory: 'B' });
    const told = (await as('deputy').request('GET', '/api/notifications?pageSize=200')).json().items.map((n: { body: string }) => n.body);
    expect(told.join('\n')).toContain('中由嘉兴市教育局分别办理的部分已答复（B类（正在解决或列入计划解决））');

    // Dissatisfied with one part: only that unit re-handles it, within the one-month re-handling period.
    const educationReply = released.replies.find((r: { unitName: string }) => r.unitName === '嘉兴市教育局').id;
    const reopened = await act('deputy', id, 'rate', { rating: 'dissatisfied', comment: '未说明接送车辆停放点', replyId: educationReply });
    expect(reopened.state).toBe('rehandling');
    const parts = Object.fromEntries(reopened.assignments.map((a: { unitName: string }) => [a.unitName, a]));
    expect(parts['嘉兴市住房和城乡建设局']).toMatchObject({ state: 'rated', round: 1 });
    expect(parts['嘉兴市教育局']).toMatchObject({ state: 'signed_for', round: 2, dueAt: cst('2026-07-20T23:59:59.999').toISOString() });
    expect(reopened.dueAt).toBe(cst('2026-07-20T23:59:59.999').toISOString());
    expect((await as('unit').request('POST', `/api/suggestions/${id}/actions/reply`, replyBody('A', '住建局'))).statusCode).toBe(409);

    await act('unit2', id, 'reply', replyBody('A', '教育局'));
    await act('staff', id, 'release');
    const rated = await act('deputy', id, 'rate', { rating: 'basically_satisfied' });
    expect(rated).toMatchObject({ state: 'rated', replyCategory: 'A', rating: 'basically_satisfied' });
    expect(rated.ratings).toHaveLength(3);
    expect((await act('staff', id, 'close')).state).toBe('closed');

    // Counted once in the rates, replied late (教育局 passed its deadline), solved only when both parts were A.
    const { overall, byUnit } = (await as('staff').request('GET', `/api/suggestions/rates?sessionId=${sessionId}`)).json();
    expect(overall).toMatchObject({ replied: 1, repliedOnTime: 0, closed: 1, categoryA: 1, rated: 1, satisfiedOrBasically: 1 });
    // Per unit, each part is that unit's own item: 住建局 on time, 教育局 late; each with its own latest category and rating.
    const unitLine = (name: string) => byUnit.find((u: { unitName: string }) => u.unitName === name);
    expect(unitLine('嘉兴市住房和城乡建设局')).toMatchObject({
      total: 1,
      replied: 1,
      repliedOnTime: 1,
      onTimeRate: 1,
      closed: 1,
      categoryA: 1,
      categoryB: 0,
      rated: 1,
      satisfiedOrBasically: 1,
    });
    expect(unitLine('嘉兴市教育局')).toMatchObject({
      total: 1,
      replied: 1,
      repliedOnTime: 0,
      onTimeRate: 0,
      closed: 1,
      categoryA: 1,
      categoryB: 0,
      rated: 1,
      satisfiedOrBasically: 1,
    });

    const trail = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'suggestion'), eq(auditEvents.entityId, id)));
    expect(trail.filter((e) => e.action === 'release')).toHaveLength(3);
    expect(trail.filter((e) => e.action === 'rate')).toHaveLength(3);
  });
});

describe('分别办理: each part has its own deadline in the deadline job', () => {
  it('reminds each unit of its own part once, and reports only the late part as overdue', async () => {
    clock.set(cst('2026-09-01T10:00:00'));
    const id = await acceptedItem('关于加强城区学校周边夜间照明的建议');
    await act('staff', id, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.education] });
    await act('unit', id, 'signFor');
    await act('unit2', id, 'signFor');
    const told = async (who: string, title: string) =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, as(who).user.id))
      ).filter((n) => n.title === title && n.body.includes('夜间照明'));
    // 住建局 answers early; 教育局 does not.
    await act('unit', id, 'reply', replyBody('A', '住建局'));

    clock.set(cst('2026-11-25T10:00:00')); // within ten working days of 1 December
    await scanDeadlines(t.db, t.deps.notifier);
    await scanDeadlines(t.db, t.deps.notifier);
    expect((await told('unit2', '代表建议即将到期')).map((n) => n.body)).toEqual([
      '《关于加强城区学校周边夜间照明的建议》中嘉兴市教育局分别办理的部分距答复期限还有 4 个工作日',
    ]);
    expect(await told('unit', '代表建议即将到期')).toEqual([]);

    clock.set(cst('2026-12-02T09:00:00'));
    await scanDeadlines(t.db, t.deps.notifier);
    await scanDeadlines(t.db, t.deps.notifier);
    expect((await told('staff', '代表建议逾期未答复')).map((n) => n.body)).toEqual([
      '《关于加强城区学校周边夜间照明的建议》中嘉兴市教育局分别办理的部分已超过答复期限，请督办',
    ]);
    expect(await told('unit2', '代表建议已逾期')).toHaveLength(1);
    expect(await told('unit', '代表建议已逾期')).toEqual([]);

    // Late, so this unit's part counts as not on time; the other unit's stays on time.
    await act('unit2', id, 'reply', replyBody('B', '教育局'));
    const parts = await t.db.select().from(suggestionAssignments).where(eq(suggestionAssignments.suggestionId, id));
    expect(Object.fromEntries(parts.map((p) => [p.unitId, p.repliedOnTime]))).toEqual({
      [c.units.housing]: true,
      [c.units.education]: false,
    });
  });
});

describe('分别办理: reopening', () => {
  it('staff reopening the whole item sends every part back to its unit with the re-handling deadline', async () => {
    clock.set(cst('2026-04-01T10:00:00'));
    const id = await acceptedItem('关于完善城区学校周边无障碍设施的建议');
    await act('staff', id, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.education] });
    await act('unit', id, 'signFor');
    await act('unit2', id, 'signFor');
    await act('unit', id, 'reply', replyBody('B', '住建局'));
    await act('unit2', id, 'reply', replyBody('C', '教育局'));
    await act('staff', id, 'release');
    const released = await act('staff', id, 'release');
    for (const r of released.replies) await act('deputy', id, 'rate', { rating: 'basically_satisfied', replyId: r.id });
    clock.set(cst('2026-04-20T10:00:00'));
    // The staff may reopen only the whole item, once every part is answered; every part goes back.
    const reopened = await act('staff', id, 'reopen', { reason: '两部门答复未衔接，请重新研究' });
    expect(reopened).toMatchObject({ state: 'rehandling', rating: null, dueAt: cst('2026-05-20T23:59:59.999').toISOString() });
    for (const part of reopened.assignments)
      expect(part).toMatchObject({ state: 'signed_for', round: 2, dueAt: cst('2026-05-20T23:59:59.999').toISOString() });
    for (const who of ['unit', 'unit2']) {
      const told = (await as(who).request('GET', '/api/notifications?pageSize=200')).json().items.map((n: { body: string }) => n.body);
      expect(told).toContain(
        '《关于完善城区学校周边无障碍设施的建议》中贵单位分别办理的部分需重新办理（两部门答复未衔接，请重新研究），请于2026-05-20前再次答复',
      );
    }
    // Nothing is left to rate until a new answer is released.
    expect((await as('deputy').request('GET', `/api/suggestions/${id}`)).json().allowedActions).not.toContain('rate');
    // One unit answering again leaves the item owed by the other.
    expect((await act('unit', id, 'reply', replyBody('A', '住建局'))).state).toBe('rehandling');
    expect((await act('unit2', id, 'reply', replyBody('A', '教育局'))).state).toBe('replied');
  });

  it('does not let staff reopen the item while a part is still owed (the deputy reopens a single part by rating it 不满意)', async () => {
    clock.set(cst('2026-04-01T10:00:00'));
    const id = await acceptedItem('关于增设城区学校周边护学岗的建议');
    await act('staff', id, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.education] });
    await act('unit', id, 'signFor');
    await act('unit', id, 'reply', replyBody('B', '住建局'));
    await act('staff', id, 'release');
    const res = await as('staff').request('POST', `/api/suggestions/${id}/actions/reopen`, { reason: '请重新办理' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('分别办理: extensions per part', () => {
  const ext = async (who: string, id: string, months: number) =>
    as(who).request('POST', `/api/suggestions/${id}/actions/requestExtension`, { months, reason: `${who}需协调多部门，申请延期` });
  const pendingOf = async (id: string, unitName: string) =>
    (await as('staff').request('GET', `/api/suggestions/${id}`))
      .json()
      .extensions.find((e: { unitName: string; state: string }) => e.unitName === unitName && e.state === 'pending').id as string;

  it('lets each unit ask for more time on its own part; staff decide each; the ceiling counts from the first assignment', async () => {
    clock.set(cst('2026-05-04T10:00:00'));
    const id = await acceptedItem('关于优化城区学校周边公交线路的建议');
    await act('staff', id, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.education] });
    // Not signed for yet: no extension.
    const early = await ext('unit', id, 1);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    await act('unit', id, 'signFor');
    await act('unit2', id, 'signFor');
    expect((await ext('unit2', id, 2)).statusCode).toBe(200);
    // The other unit's request is its own, beside the pending one.
    expect((await ext('unit', id, 1)).statusCode).toBe(200);

    const approved = await act('staff', id, 'decideExtension', { extensionId: await pendingOf(id, '嘉兴市教育局'), approve: true });
    const due = Object.fromEntries(approved.assignments.map((p: { unitName: string; dueAt: string }) => [p.unitName, p.dueAt]));
    expect(due).toEqual({
      嘉兴市住房和城乡建设局: cst('2026-08-04T23:59:59.999').toISOString(),
      嘉兴市教育局: cst('2026-10-04T23:59:59.999').toISOString(),
    });
    expect(approved.dueAt).toBe(cst('2026-08-04T23:59:59.999').toISOString());
    // The demo year's notices to the demo deputy are dated after this file's clock: read past the first page.
    const told = (await as('deputy').request('GET', '/api/notifications?pageSize=200')).json().items.map((n: { body: string }) => n.body);
    expect(told).toContain(
      '《关于优化城区学校周边公交线路的建议》中嘉兴市教育局分别办理的部分的答复期限经批准延长至2026-10-04。延期理由：unit2需协调多部门，申请延期',
    );
    const refused = await act('staff', id, 'decideExtension', {
      extensionId: await pendingOf(id, '嘉兴市住房和城乡建设局'),
      approve: false,
    });
    expect(refused.assignments.find((p: { unitName: string }) => p.unitName === '嘉兴市住房和城乡建设局').dueAt).toBe(
      cst('2026-08-04T23:59:59.999').toISOString(),
    );

    // The part's extensions add up to at most three months, to six months from assignment at the latest.
    const tooLong = await ext('unit2', id, 2);
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().error.message).toBe('延期累计不能超过 3 个月（已延期 2 个月）');
    expect((await ext('unit2', id, 1)).statusCode).toBe(200);
    const last = await act('staff', id, 'decideExtension', { extensionId: await pendingOf(id, '嘉兴市教育局'), approve: true });
    expect(last.assignments.find((p: { unitName: string }) => p.unitName === '嘉兴市教育局').dueAt).toBe(
      cst('2026-11-04T23:59:59.999').toISOString(),
    );
  });

  it('refuses a part extension past six months from assignment for a complex item, in Chinese', async () => {
    clock.set(cst('2026-05-04T10:00:00'));
    const id = await acceptedItem('关于统筹城区学校周边停车泊位的建议');
    await act('staff', id, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.education], complex: true });
    await act('unit2', id, 'signFor');
    const res = await ext('unit2', id, 1);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'EXTENSION_PAST_CEILING',
      message: '延期后的答复期限不能晚于交办之日起的最长期限（2026-11-04）',
    });
  });
});
