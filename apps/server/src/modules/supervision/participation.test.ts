import { readFile } from 'node:fs/promises';
import { eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlingUnits } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { giveDeputiesAccounts } from '../../test/voters.js';
import { deputies, dutyParticipants, dutyRecords } from '../deputies/tables.js';
import { meetingItems, meetings } from '../meetings/tables.js';
import { supervisionVisits } from './tables.js';

/**
 * 我参与的监督: a deputy sees the items they take part in — those they are invited to and those in whose stages
 * they are recorded (代表参与: field inspections, meetings) — and no other; staff have no such list.
 */
type Session = Awaited<ReturnType<TestApp['login']>>;
type Mine = { id: string; year: number; subject: string; invited: boolean; myParticipations: { place: string; stageLabel: string }[] };
type Stage = { stage: string; participations: { stage: string; visitedOn: string; deputies: { name: string }[] }[] };
let t: TestApp;
let staff: Session;
let invitedDeputy: Session;
let visitingDeputy: Session;
let made: Awaited<ReturnType<typeof giveDeputiesAccounts>>;
const ids: Record<'report' | 'inspection' | 'other', string> = { report: '', inspection: '', other: '' };

const at = (date: string) => new Date(`${date}T02:00:00Z`);
const post = (s: Session, url: string, body: unknown = {}) => s.request('POST', url, body);
/** The deputy's list: every item on it is one they take part in; of this test's plan (2033), the ones returned. */
const mine = async (s: Session) => {
  const res = await s.request('GET', '/api/supervision-items/mine');
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as Mine[];
  // The demo seed invites deputies to its own items too: each is there by invitation or an inspection.
  for (const i of items) expect(i.invited || i.myParticipations.length > 0).toBe(true);
  return items.filter((i) => i.year === 2033);
};

beforeAll(async () => {
  clock.set(at('2026-04-10'));
  t = await buildTestApp();
  staff = await t.login('staff');
  const cityId = staff.user.bodyId;
  made = await giveDeputiesAccounts(t.db, cityId, 3, DEMO_PASSWORD, 'participant');
  expect(made).toHaveLength(3);
  [invitedDeputy, visitingDeputy] = [await t.login(made[0]!.username), await t.login(made[1]!.username)];
  const [unit] = await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市交通运输局'));

  const plan = await post(staff, '/api/supervision/plans', { bodyId: cityId, year: 2033, title: '嘉兴市人大常委会2033年度监督工作计划' });
  const add = async (kind: string, subject: string, deputyIds: string[]) => {
    const res = await post(staff, `/api/supervision/plans/${plan.json().id}/items`, {
      kind,
      subject,
      committee: '财经工委',
      organUnitId: unit!.id,
      meeting: null,
      meetingOn: null,
      deputyIds,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string; subject: string }[]).find((i) => i.subject === subject)!.id;
  };
  ids.report = await add('special_report', '公共交通优先发展工作情况', [made[0]!.deputyId]);
  ids.inspection = await add('law_inspection', '《浙江省公路条例》实施情况', [made[2]!.deputyId]);
  ids.other = await add('special_report', '港口建设工作情况', []);
  await post(staff, `/api/supervision-plans/${plan.json().id}/actions/adopt`, { note: null });
  for (let n = 0; n < 2; n++) await post(staff, `/api/supervision-items/${ids.inspection}/actions/advance`, { note: null });
  // The second deputy, not invited, goes out on the inspection's field visit.
  const visit = await post(staff, `/api/supervision-items/${ids.inspection}/visits`, {
    visitedOn: '2026-04-09',
    place: '嘉兴市公路养护中心',
    summary: '检查公路养护情况',
    deputyIds: [made[1]!.deputyId, made[2]!.deputyId],
  });
  expect(visit.statusCode, visit.body).toBe(200);
}, 120_000);
afterAll(() => {
  clock.reset();
  return t?.close();
});

describe('我参与的监督', () => {
  it('lists for a deputy only the items they are invited to or went out on, with their inspections', async () => {
    const first = await mine(invitedDeputy);
    expect(first.map((i) => i.id)).toEqual([ids.report]);
    expect(first[0]).toMatchObject({ subject: '公共交通优先发展工作情况', invited: true, myParticipations: [] });

    const second = await mine(visitingDeputy);
    expect(second.map((i) => i.id)).toEqual([ids.inspection]);
    expect(second[0]).toMatchObject({
      invited: false,
      myParticipations: [{ place: '嘉兴市公路养护中心', stage: 'field_inspection', stageLabel: '实地检查' }],
    });
  });

  it('lets a deputy open the items they take part in and no other', async () => {
    expect((await visitingDeputy.request('GET', `/api/supervision-items/${ids.inspection}`)).statusCode).toBe(200);
    expect((await visitingDeputy.request('GET', `/api/supervision-items/${ids.report}`)).statusCode).toBe(404);
    expect((await invitedDeputy.request('GET', `/api/supervision-items/${ids.inspection}`)).statusCode).toBe(404);
    expect((await invitedDeputy.request('GET', `/api/supervision-items/${ids.other}`)).statusCode).toBe(404);
    // The paged list a deputy reads is scoped the same way.
    const page = (await invitedDeputy.request('GET', '/api/supervision-items?year=2033&pageSize=50')).json();
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([ids.report]);
  });

  it('is a deputy’s list only', async () => {
    const res = await staff.request('GET', '/api/supervision-items/mine');
    expect(res.statusCode).toBe(403);
  });
});

describe('代表参与 by stage', () => {
  const record = (itemId: string, deputyIds: string[], visitedOn = '2026-04-10') =>
    post(staff, `/api/supervision-items/${itemId}/visits`, { visitedOn, place: '市人大常委会会议室', summary: null, deputyIds });
  /** The deputy's duty log as stored: what each participation wrote. */
  const dutiesOf = (deputyId: string) =>
    t.db
      .select({ kind: dutyRecords.kind, source: dutyRecords.source, title: dutyRecords.title, place: dutyRecords.place })
      .from(dutyRecords)
      .innerJoin(dutyParticipants, eq(dutyParticipants.recordId, dutyRecords.id))
      .where(eq(dutyParticipants.deputyId, deputyId));
  const file = async (deputyId: string) => {
    const res = await staff.request('GET', `/api/deputies/${deputyId}/performance?from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    return {
      activity: f.countsByKind.find((c: { kind: string }) => c.kind === 'supervision_activity').count as number,
      attend: f.sevenOnes.items.find((i: { key: string }) => i.key === 'attendActivities').count as number,
    };
  };

  it('refuses a stage with no participation, a future date and a deputy of another body', async () => {
    const refused = await record(ids.report, [made[0]!.deputyId]);
    expect(refused.json().error).toMatchObject({ code: 'SUPERVISION_VISIT_NOT_NOW', message: '当前阶段（列入计划）不登记代表参与' });
    for (let n = 0; n < 3; n++) await post(staff, `/api/supervision-items/${ids.report}/actions/advance`, { note: null });
    expect((await record(ids.report, [made[0]!.deputyId], '2026-04-11')).json().error.code).toBe('SUPERVISION_VISIT_FUTURE');
    const [other] = await t.db.select({ id: deputies.id }).from(deputies).where(ne(deputies.bodyId, staff.user.bodyId)).limit(1);
    expect((await record(ids.report, [other!.id])).json().error.code).toBe('SUPERVISION_DEPUTY_NOT_OF_BODY');
  });

  it('records deputies at the hearing as 参加监督活动, counted in the seven ones, under the stage', async () => {
    const before = await file(made[0]!.deputyId);
    const res = await record(ids.report, [made[0]!.deputyId]);
    expect(res.statusCode, res.body).toBe(200);
    const hearing = (res.json().stages as Stage[]).find((s) => s.stage === 'hearing')!;
    expect(hearing.participations).toMatchObject([{ stage: 'hearing', visitedOn: '2026-04-10', deputies: [{ name: made[0]!.name }] }]);
    expect(await dutiesOf(made[0]!.deputyId)).toContainEqual({
      kind: 'supervision_activity',
      source: 'supervision',
      title: '常委会会议听取审议：公共交通优先发展工作情况',
      place: '市人大常委会会议室',
    });
    expect(await file(made[0]!.deputyId)).toEqual({ activity: before.activity + 1, attend: before.attend + 1 });
    const [listed] = await mine(invitedDeputy);
    expect(listed!.myParticipations).toMatchObject([{ stageLabel: '常委会会议听取审议', place: '市人大常委会会议室' }]);
  });

  it('lets a deputy of the item record their own field visit, for themselves alone, and no meeting', async () => {
    const own = await t.login(made[2]!.username);
    const body = { visitedOn: '2026-04-10', place: '海宁市公路管理段', summary: '查看路面修复情况' };
    const res = await post(own, `/api/supervision-items/${ids.inspection}/my-visits`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ canManage: false, canRecordOwnVisit: true });
    const field = (res.json().stages as Stage[]).find((s) => s.stage === 'field_inspection')!;
    expect(field.participations.at(-1)).toMatchObject({ visitedOn: '2026-04-10', deputies: [{ name: made[2]!.name }] });
    const duties = await t.db
      .select({ kind: dutyRecords.kind, title: dutyRecords.title, place: dutyRecords.place })
      .from(dutyRecords)
      .innerJoin(dutyParticipants, eq(dutyParticipants.recordId, dutyRecords.id))
      .where(eq(dutyParticipants.deputyId, made[2]!.deputyId));
    expect(duties).toContainEqual({
      kind: 'law_enforcement_check',
      title: '实地检查：《浙江省公路条例》实施情况',
      place: '海宁市公路管理段',
    });
    // Not on an item they take no part in, not at a meeting (staff record it from the sign-in), not as staff.
    expect((await post(invitedDeputy, `/api/supervision-items/${ids.inspection}/my-visits`, body)).statusCode).toBe(404);
    const atHearing = await post(invitedDeputy, `/api/supervision-items/${ids.report}/my-visits`, body);
    expect(atHearing.json().error).toMatchObject({
      code: 'SUPERVISION_OWN_VISIT_NOT_NOW',
      message: '当前阶段（常委会会议听取审议）不登记实地检查或调研',
    });
    expect((await post(staff, `/api/supervision-items/${ids.inspection}/my-visits`, body)).statusCode).toBe(403);
  });

  it('migration 0045 puts the field visits recorded before under their kind’s one visit stage', async () => {
    await t.db.execute(sql`ALTER TABLE supervision_visits ALTER COLUMN stage DROP NOT NULL`);
    const old = (itemId: string) => ({ itemId, visitedOn: '2026-03-01', place: '旧的检查地点', deputyIds: [made[1]!.deputyId] });
    const rows = await t.db
      .insert(supervisionVisits)
      .values([old(ids.inspection), old(ids.other)].map((v) => ({ ...v, stage: sql`NULL` as unknown as string })))
      .returning({ id: supervisionVisits.id });
    const migration = await readFile(new URL('../../db/migrations/0045_participation_stage.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').slice(1)) await t.db.execute(sql.raw(statement));
    const stages = await t.db
      .select({ itemId: supervisionVisits.itemId, stage: supervisionVisits.stage })
      .from(supervisionVisits)
      .where(sql`${supervisionVisits.id} IN (${rows[0]!.id}, ${rows[1]!.id})`);
    expect(new Map(stages.map((r) => [r.itemId, r.stage]))).toEqual(
      new Map([
        [ids.inspection, 'field_inspection'],
        [ids.other, 'research'],
      ]),
    );
    // The rows recorded with their stage keep it.
    const item = (await staff.request('GET', `/api/supervision-items/${ids.report}`)).json();
    expect((item.stages as Stage[]).find((s) => s.stage === 'hearing')!.participations).toHaveLength(1);
  });
});

describe('the hearing', () => {
  it('links the item to the meeting agenda item that is about it', async () => {
    expect((await staff.request('GET', `/api/supervision-items/${ids.report}`)).json().hearings).toEqual([]);
    const [meeting] = await t.db
      .insert(meetings)
      .values({
        bodyId: staff.user.bodyId,
        kind: 'standing_committee',
        number: 93,
        term: '十',
        title: '市十届人大常委会第九十三次会议',
        startsOn: '2026-06-25',
        endsOn: '2026-06-26',
        place: '市人大常委会会议室',
        signInCode: 'participation-test-code',
      })
      .returning();
    const [agenda] = await t.db
      .insert(meetingItems)
      .values({
        meetingId: meeting!.id,
        position: 1,
        kind: 'supervision_report',
        title: '听取和审议市人民政府关于公共交通优先发展工作情况的报告',
        linkModule: 'supervision',
        linkId: ids.report,
        linkTitle: '公共交通优先发展工作情况',
      })
      .returning();
    const item = (await staff.request('GET', `/api/supervision-items/${ids.report}`)).json();
    expect(item.hearings).toEqual([
      {
        agendaItemId: agenda!.id,
        agendaTitle: '听取和审议市人民政府关于公共交通优先发展工作情况的报告',
        meetingId: meeting!.id,
        meetingTitle: '市十届人大常委会第九十三次会议',
        startsOn: '2026-06-25',
      },
    ]);
    // Another item is heard at no meeting.
    expect((await staff.request('GET', `/api/supervision-items/${ids.other}`)).json().hearings).toEqual([]);
  });
});
