import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, max, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { attachments, bodies } from '../../db/schema.js';
import { offsetOf } from '../../platform/pagination.js';
import { inScope, type Scope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { meetingAttendees, meetingItems, meetings, majorMatters } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity, type MyMeetingsShow } from '@renda/shared';

export type MeetingRecord = typeof meetings.$inferSelect;
export type MeetingRow = { meeting: MeetingRecord; bodyName: string };
export type ItemRecord = typeof meetingItems.$inferSelect;
export type AttendeeRecord = typeof meetingAttendees.$inferSelect;

/** 主任会议 (and the congress side of a 联席会议): the standing committee's chair, vice-chairs and secretary-general. */
export function chairpersons(db: Executor, bodyId: string): Promise<{ deputyId: string; name: string }[]> {
  return db
    .select({ deputyId: deputies.id, name: deputies.name })
    .from(deputies)
    .where(
      and(
        eq(deputies.bodyId, bodyId),
        eq(deputies.status, 'in_office'),
        inArray(deputies.committeeRole, ['chair', 'vice_chair', 'secretary_general']),
      ),
    )
    .orderBy(sql`${deputies.name} COLLATE "C"`, deputies.id);
}

const meetingSelect = (db: Executor) =>
  db.select({ meeting: meetings, bodyName: bodies.name }).from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId));

export interface MeetingFilters {
  kind?: string | undefined;
  state?: string | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const meetingWhere = (scope: Scope, f: MeetingFilters) =>
  and(
    inScope(meetings.bodyId, scope),
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.state ? eq(meetings.state, f.state) : undefined,
    f.year ? and(gte(meetings.startsOn, `${f.year}-01-01`), lte(meetings.startsOn, `${f.year}-12-31`)) : undefined,
    f.from ? gte(meetings.startsOn, f.from) : undefined,
    f.to ? lte(meetings.startsOn, f.to) : undefined,
  );

export async function pageMeetings(db: Executor, scope: Scope, f: MeetingFilters & { page: number; pageSize: number }) {
  const where = meetingWhere(scope, f);
  const rows = await meetingSelect(db)
    .where(where)
    .orderBy(desc(meetings.startsOn), desc(meetings.id))
    .limit(f.pageSize)
    .offset(offsetOf(f));
  const [total] = await db.select({ total: count() }).from(meetings).where(where);
  return { rows, total: total?.total ?? 0 };
}

export function listMeetings(db: Executor, scope: Scope, f: MeetingFilters, limit: number) {
  return meetingSelect(db).where(meetingWhere(scope, f)).orderBy(desc(meetings.startsOn), desc(meetings.id)).limit(limit);
}

export async function getMeeting(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<MeetingRow | undefined> {
  const query = meetingSelect(db).where(and(eq(meetings.id, id), inScope(meetings.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: meetings }) : await query;
  return row;
}

/** A meeting by id without scope: for a deputy, whose access is their place on the meeting's list. */
export async function getMeetingForAttendee(db: Executor, id: string): Promise<MeetingRow | undefined> {
  const [row] = await meetingSelect(db).where(eq(meetings.id, id));
  return row;
}

export async function insertMeeting(db: Executor, values: typeof meetings.$inferInsert) {
  const [row] = await db.insert(meetings).values(values).returning({ id: meetings.id });
  return row!.id;
}

export async function updateMeeting(db: Executor, id: string, patch: Partial<MeetingRecord>) {
  const [row] = await db.update(meetings).set(patch).where(eq(meetings.id, id)).returning();
  return row!;
}

// ---- agenda ----
export const listItems = (db: Executor, meetingId: string) =>
  db.select().from(meetingItems).where(eq(meetingItems.meetingId, meetingId)).orderBy(asc(meetingItems.position));

export async function getItem(db: Executor, meetingId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(meetingItems)
    .where(and(eq(meetingItems.id, itemId), eq(meetingItems.meetingId, meetingId)));
  return row;
}

export async function meetingIdOfItem(db: Executor, itemId: string) {
  const [row] = await db.select({ meetingId: meetingItems.meetingId }).from(meetingItems).where(eq(meetingItems.id, itemId));
  return row?.meetingId;
}

export async function itemByVote(db: Executor, voteId: string) {
  const [row] = await db.select().from(meetingItems).where(eq(meetingItems.voteId, voteId));
  return row;
}

export async function nextPosition(db: Executor, meetingId: string) {
  const [row] = await db
    .select({ n: max(meetingItems.position) })
    .from(meetingItems)
    .where(eq(meetingItems.meetingId, meetingId));
  return (row?.n ?? 0) + 1;
}

export async function insertItem(db: Executor, values: typeof meetingItems.$inferInsert) {
  const [row] = await db.insert(meetingItems).values(values).returning();
  return row!;
}

export async function updateItem(db: Executor, id: string, patch: Partial<ItemRecord>) {
  const [row] = await db.update(meetingItems).set(patch).where(eq(meetingItems.id, id)).returning();
  return row!;
}

export async function deleteItem(db: Executor, id: string) {
  await db.delete(meetingItems).where(eq(meetingItems.id, id));
}

/** The documents (attachments) of agenda items, by item. */
export async function documentsOf(db: Executor, itemIds: string[]) {
  const map = new Map<string, { id: string; fileName: string; size: number }[]>();
  if (!itemIds.length) return map;
  const rows = await db
    .select({ id: attachments.id, ownerId: attachments.ownerId, fileName: attachments.fileName, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.ownerEntity, 'meeting_item'), inArray(attachments.ownerId, itemIds)))
    .orderBy(attachments.createdAt);
  for (const r of rows) map.set(r.ownerId, [...(map.get(r.ownerId) ?? []), { id: r.id, fileName: r.fileName, size: r.size }]);
  return map;
}

// ---- attendees ----
export const listAttendees = (db: Executor, meetingId: string) =>
  db
    .select()
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(meetingAttendees.role), sql`${meetingAttendees.name} COLLATE "C"`, meetingAttendees.id);

export async function insertAttendees(db: Executor, rows: (typeof meetingAttendees.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(meetingAttendees).values(rows).onConflictDoNothing().returning();
}

export async function getAttendee(db: Executor, meetingId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.id, id), eq(meetingAttendees.meetingId, meetingId)))
    .for('update');
  return row;
}

export async function attendeeOfDeputy(db: Executor, meetingId: string, deputyId: string) {
  const [row] = await db
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.deputyId, deputyId)));
  return row;
}

export async function updateAttendee(db: Executor, id: string, patch: Partial<AttendeeRecord>) {
  const [row] = await db.update(meetingAttendees).set(patch).where(eq(meetingAttendees.id, id)).returning();
  return row!;
}

/** The user accounts and phones of the deputies on a meeting's list (for the notice). */
export function attendeeContacts(db: Executor, meetingId: string) {
  return db
    .select({ userId: deputies.userId, phone: deputies.phone })
    .from(meetingAttendees)
    .innerJoin(deputies, eq(deputies.id, meetingAttendees.deputyId))
    .where(eq(meetingAttendees.meetingId, meetingId));
}

/** The meetings a deputy is on the list of, once notified (a plan is not yet theirs to see). */
export function meetingsOfDeputy(db: Executor, deputyId: string, show: MyMeetingsShow) {
  return db
    .select({ meeting: meetings, bodyName: bodies.name })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetingAttendees.deputyId, deputyId), ...deputyMeetingFilter[show]))
    .orderBy(desc(meetings.startsOn))
    .limit(100);
}

/** What each view of 我的会议 keeps; `coming` is also the to-do line's set (comingMeetingsOfDeputy). */
const deputyMeetingFilter: Record<MyMeetingsShow, SQL[]> = {
  all: [ne(meetings.state, 'planned')],
  awaiting: [eq(meetings.state, 'notified'), eq(meetingAttendees.response, 'pending')],
  coming: [inArray(meetings.state, ['notified', 'in_session'])],
};

/** The meetings a deputy is notified of or that are in session, with their answer, the soonest first (the to-do line). */
export function comingMeetingsOfDeputy(db: Executor, deputyId: string) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      state: meetings.state,
      startsOn: meetings.startsOn,
      response: meetingAttendees.response,
    })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(and(eq(meetingAttendees.deputyId, deputyId), ...deputyMeetingFilter.coming))
    .orderBy(asc(meetings.startsOn), asc(meetings.id));
}

/** Each member's attendance over a year at the body's meetings that took place (opened). */
export function attendanceOfYear(db: Executor, bodyId: string, year: number) {
  const member = sql`${meetingAttendees.role} = 'member'`;
  return db
    .select({
      deputyId: meetingAttendees.deputyId,
      name: meetingAttendees.name,
      expected: sql<number>`count(*) filter (where ${member})`.mapWith(Number),
      present: sql<number>`count(*) filter (where ${member} and ${meetingAttendees.signedInAt} is not null)`.mapWith(Number),
      onLeave:
        sql<number>`count(*) filter (where ${member} and ${meetingAttendees.signedInAt} is null and ${meetingAttendees.response} = 'leave')`.mapWith(
          Number,
        ),
      observed:
        sql<number>`count(*) filter (where ${meetingAttendees.role} = 'observer' and ${meetingAttendees.signedInAt} is not null)`.mapWith(
          Number,
        ),
    })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        isNotNull(meetings.openedAt),
        isNotNull(meetingAttendees.deputyId),
        gte(meetings.startsOn, `${year}-01-01`),
        lte(meetings.startsOn, `${year}-12-31`),
      ),
    )
    .groupBy(meetingAttendees.deputyId, meetingAttendees.name)
    .orderBy(sql`${meetingAttendees.name} COLLATE "C"`);
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  meeting: titleColumn(meetings.id, meetings.title),
  meeting_item: titleColumn(meetingItems.id, meetingItems.title),
  major_matter: titleColumn(majorMatters.id, majorMatters.title),
};
