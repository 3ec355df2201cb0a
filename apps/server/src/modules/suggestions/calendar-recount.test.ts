import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, notifications, suggestionAssignments, suggestions } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { setRule } from '../../platform/deadline-rules.js';
import type { TestApp } from '../../test/app.js';
import { notice2027 } from '../../test/calendar-2027.js';
import { acceptedSuggestion, expectAction, replyLetter, useSuggestionsTestApp, type Cast } from './test-helpers.js';

// Issue 11 f: entering 2027's official calendar recounts a suggestion's working-day deadlines.
let t: TestApp;
let c: Cast;
let sessionId: string;
const cst = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => cst(`${date}T23:59:59.999`).toISOString();

useSuggestionsTestApp(
  { at: '2026-12-10T09:00:00', session: '嘉兴市第九届人民代表大会第八次会议' },
  (ready) => ({ t, c, sessionId } = ready),
);

const act = (who: string, id: string, action: string, body: object = {}) => expectAction(c, who, id, action, body);
const reply = replyLetter('A', '我局已会同属地街道完成老旧小区雨污分流改造，并建立长效管护机制。');

const acceptedItem = (title: string) =>
  acceptedSuggestion(c, {
    sessionId,
    title,
    content: '城区部分老旧小区雨污合流，雨季积水倒灌，居民出行困难，建议有关部门统筹改造并明确管护责任。',
    field: 'urban',
  });

const assignmentsOf = async (id: string) => t.db.select().from(suggestionAssignments).where(eq(suggestionAssignments.suggestionId, id));
const byUnit = async (id: string, unitId: string) => (await assignmentsOf(id)).find((a) => a.unitId === unitId)!;
const itemDue = async (id: string) => (await t.db.select().from(suggestions).where(eq(suggestions.id, id)))[0]!.dueAt!.toISOString();
const recomputed = (id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'suggestion'), eq(auditEvents.entityId, id), eq(auditEvents.action, 'dueRecomputed')));
const TITLE = '2027年法定节假日安排已录入，期限已重算';
const told = (username: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, c.as[username]!.user.id), eq(notifications.title, TITLE)));

describe('entering a year of the official calendar recounts suggestions’ working-day deadlines', () => {
  it('moves sign-for, reply, joint-opinion and separate parts’ dates past New Year; leaves extended, answered, closed and earlier ones alone', async () => {
    // The city counts replies in 15 working days and joint opinions in 10 (the defaults are calendar months);
    // signing for is 7 working days by default.
    await setRule(t.db, c.city.id, 'suggestions.reply', { amount: 15, unit: 'working_days' }, clock.now());
    await setRule(t.db, c.city.id, 'suggestions.joint_opinion', { amount: 10, unit: 'working_days' }, clock.now());

    // Assigned on Thursday 10 December: all its dates fall in 2026 and stay (sign-for passes on 21 December).
    const early = await acceptedItem('关于加快老旧小区加装电梯的建议');
    const earlyAssigned = await act('staff', early, 'assign', { leadUnitId: c.units.housing });
    expect(earlyAssigned.dueAt).toBe(endOf('2026-12-31'));

    // Re-handling counted in 10 working days: a lead reply and a 分别办理 part, answered and released now,
    // are reopened on 24 December by the deputy's dissatisfaction (the round counts from that day).
    await setRule(t.db, c.city.id, 'suggestions.rehandle', { amount: 10, unit: 'working_days' }, clock.now());
    const reopenedLead = await acceptedItem('关于老旧小区屋顶防水维修的建议');
    await act('staff', reopenedLead, 'assign', { leadUnitId: c.units.housing });
    await act('unit', reopenedLead, 'signFor');
    await act('unit', reopenedLead, 'reply', reply);
    await act('staff', reopenedLead, 'release');
    const reopenedPart = await acceptedItem('关于老旧小区增设充电桩的建议');
    await act('staff', reopenedPart, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.civil] });
    for (const unit of ['unit', 'unit3']) {
      await act(unit, reopenedPart, 'signFor');
      await act(unit, reopenedPart, 'reply', reply);
    }
    const partReplies = (await c.as.staff!.request('GET', `/api/suggestions/${reopenedPart}`)).json().replies as {
      id: string;
      unitName: string;
    }[];
    for (const r of partReplies) await act('staff', reopenedPart, 'release', { replyId: r.id });
    const civilReply = partReplies.find((r) => r.unitName === '嘉兴市民政局')!.id;

    // Thursday 24 December, with 2027 unknown (New Year's Day counted as a working day, provisionally).
    clock.set(cst('2026-12-24T10:00:00'));
    await act('deputy', reopenedLead, 'rate', { rating: 'dissatisfied', comment: '顶楼仍有渗漏' });
    expect(await itemDue(reopenedLead)).toBe(endOf('2027-01-07'));
    await act('deputy', reopenedPart, 'rate', { rating: 'dissatisfied', comment: '未明确安装时间', replyId: civilReply });
    expect((await byUnit(reopenedPart, c.units.civil)).dueAt.toISOString()).toBe(endOf('2027-01-07'));
    const leadJoint = await acceptedItem('关于推进老旧小区雨污分流改造的建议');
    const assigned = await act('staff', leadJoint, 'assign', { leadUnitId: c.units.housing, jointUnitIds: [c.units.education] });
    expect(assigned.dueAt).toBe(endOf('2027-01-14'));
    const lead = await byUnit(leadJoint, c.units.housing);
    expect(lead.signForDueAt.toISOString()).toBe(endOf('2027-01-04'));
    expect((await byUnit(leadJoint, c.units.education)).dueAt.toISOString()).toBe(endOf('2027-01-07'));

    const separate = await acceptedItem('关于改善老旧小区停车秩序的建议');
    await act('staff', separate, 'assign', { mode: 'separate', separateUnitIds: [c.units.housing, c.units.civil] });
    await act('unit3', separate, 'signFor');

    // An extension of one month is a calendar date, told to the deputy as such: 14 January + 1 month.
    const extended = await acceptedItem('关于完善老旧小区消防设施的建议');
    await act('staff', extended, 'assign', { leadUnitId: c.units.civil });
    await act('unit3', extended, 'signFor');
    const asked = await act('unit3', extended, 'requestExtension', { months: 1, reason: '涉及多部门资金安排' });
    await act('staff', extended, 'decideExtension', { extensionId: asked.extensions[0].id, approve: true });
    expect(await itemDue(extended)).toBe(endOf('2027-02-14'));

    // Answered, and answered, rated and closed: nothing is owed any more.
    const answered = await acceptedItem('关于老旧小区绿化补植的建议');
    await act('staff', answered, 'assign', { leadUnitId: c.units.housing });
    await act('unit', answered, 'signFor');
    await act('unit', answered, 'reply', reply);
    const closed = await acceptedItem('关于老旧小区路灯维修的建议');
    await act('staff', closed, 'assign', { leadUnitId: c.units.housing });
    await act('unit', closed, 'signFor');
    await act('unit', closed, 'reply', reply);
    await act('staff', closed, 'release');
    await act('deputy', closed, 'rate', { rating: 'satisfied' });
    expect((await act('staff', closed, 'close')).state).toBe('closed');

    const saved = await c.as.admin!.request('PUT', '/api/admin/calendar/years/2027', notice2027);
    expect(saved.statusCode, saved.body).toBe(200);

    // New Year's Day is off: every count through it ends one working day later.
    const leadAfter = await byUnit(leadJoint, c.units.housing);
    expect(leadAfter.signForDueAt.toISOString()).toBe(endOf('2027-01-05'));
    expect(leadAfter.dueAt.toISOString()).toBe(endOf('2027-01-15'));
    expect(await itemDue(leadJoint)).toBe(endOf('2027-01-15'));
    const jointAfter = await byUnit(leadJoint, c.units.education);
    expect(jointAfter.signForDueAt.toISOString()).toBe(endOf('2027-01-05'));
    expect(jointAfter.dueAt.toISOString()).toBe(endOf('2027-01-08'));
    const housingPart = await byUnit(separate, c.units.housing);
    expect(housingPart.signForDueAt.toISOString()).toBe(endOf('2027-01-05'));
    expect(housingPart.dueAt.toISOString()).toBe(endOf('2027-01-15'));
    const civilPart = await byUnit(separate, c.units.civil);
    // Signed for already: its sign-for date is history; its reply date moves.
    expect(civilPart.signForDueAt.toISOString()).toBe(endOf('2027-01-04'));
    expect(civilPart.dueAt.toISOString()).toBe(endOf('2027-01-15'));
    expect(await itemDue(separate)).toBe(endOf('2027-01-15'));

    // The reopened rounds are counted again from the reopening, not from the assignment.
    expect((await byUnit(reopenedLead, c.units.housing)).dueAt.toISOString()).toBe(endOf('2027-01-08'));
    expect(await itemDue(reopenedLead)).toBe(endOf('2027-01-08'));
    expect((await byUnit(reopenedPart, c.units.civil)).dueAt.toISOString()).toBe(endOf('2027-01-08'));
    expect(await itemDue(reopenedPart)).toBe(endOf('2027-01-08'));
    expect(await recomputed(reopenedPart)).toHaveLength(1);

    expect(await itemDue(extended)).toBe(endOf('2027-02-14'));
    expect((await byUnit(answered, c.units.housing)).dueAt.toISOString()).toBe(endOf('2027-01-14'));
    expect((await byUnit(closed, c.units.housing)).dueAt.toISOString()).toBe(endOf('2027-01-14'));
    expect((await byUnit(early, c.units.housing)).dueAt.toISOString()).toBe(endOf('2026-12-31'));
    for (const id of [extended, answered, closed, early]) expect(await recomputed(id)).toHaveLength(0);

    // Audited on the item, each date named, and shown on its timeline.
    const events = await recomputed(leadJoint);
    expect(events.map((e) => (e.after as { what: string }).what).sort()).toEqual(
      [
        '嘉兴市住房和城乡建设局（主办）的签收期限',
        '嘉兴市住房和城乡建设局（主办）的答复期限',
        '嘉兴市教育局（会办）的会办意见期限',
        '嘉兴市教育局（会办）的签收期限',
      ].sort(),
    );
    expect(events.find((e) => (e.after as { what: string }).what.endsWith('主办）的答复期限'))).toMatchObject({
      actorId: c.as.admin!.user.id,
      before: { due: '2027-01-14' },
      after: { due: '2027-01-15', workingDays: 15, calendarYear: 2027 },
    });
    expect(await recomputed(separate)).toHaveLength(3);
    const detail = (await c.as.staff!.request('GET', `/api/suggestions/${leadJoint}`)).json();
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'dueRecomputed', label: '按节假日安排重算期限' });

    // Each unit is told once, with each of its dates.
    const housing = await told('unit');
    expect(housing).toHaveLength(1);
    expect(housing[0]!.body).toContain(
      '代表建议《关于推进老旧小区雨污分流改造的建议》嘉兴市住房和城乡建设局（主办）的答复期限：期限由 2027-01-14 调整为 2027-01-15',
    );
    expect(housing[0]!.body).toContain(
      '《关于改善老旧小区停车秩序的建议》嘉兴市住房和城乡建设局（分别办理）的签收期限：期限由 2027-01-04 调整为 2027-01-05',
    );
    expect(housing[0]!.body).not.toContain('雨污分流改造的建议》嘉兴市教育局');
    const education = await told('unit2');
    expect(education).toHaveLength(1);
    expect(education[0]!.body).toContain('会办意见期限：期限由 2027-01-07 调整为 2027-01-08');
    expect(education[0]!.link).toBe(`/suggestions/${leadJoint}`);
    const civil = await told('unit3');
    expect(civil).toHaveLength(1);
    expect(civil[0]!.body).toContain('（分别办理）的答复期限：期限由 2027-01-14 调整为 2027-01-15');
    expect(civil[0]!.body).not.toContain('消防设施');
    expect(civil[0]!.body).toContain(
      '《关于老旧小区增设充电桩的建议》嘉兴市民政局（分别办理）的答复期限：期限由 2027-01-07 调整为 2027-01-08',
    );
    expect(housing[0]!.body).toContain(
      '《关于老旧小区屋顶防水维修的建议》嘉兴市住房和城乡建设局（主办）的答复期限：期限由 2027-01-07 调整为 2027-01-08',
    );
  });
});
