import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { VoterRating } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { bodies, outboxMessages, users } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { inScope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import {
  honourCampaigns,
  honourNominations,
  honourVoters,
  honourVotes,
  reportBackAttendees,
  reportBackRatings,
  reportBacks,
} from './tables.js';

type Scope = Pick<Actor, 'bodyPath'>;

// ---- report-backs ----
const reportBackColumns = { reportBack: reportBacks, bodyName: bodies.name, deputyName: deputies.name };
export type ReportBackRow = { reportBack: typeof reportBacks.$inferSelect; bodyName: string; deputyName: string };

const reportBackSelect = (db: Executor) =>
  db
    .select(reportBackColumns)
    .from(reportBacks)
    .innerJoin(bodies, eq(bodies.id, reportBacks.bodyId))
    .innerJoin(deputies, eq(deputies.id, reportBacks.deputyId));

export interface ReportBackFilters {
  deputyId?: string | undefined;
  bodyId?: string | undefined;
  state?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const reportBackWhere = (scope: Scope, f: ReportBackFilters) =>
  and(
    inScope(reportBacks.bodyId, scope),
    f.deputyId ? eq(reportBacks.deputyId, f.deputyId) : undefined,
    f.bodyId ? eq(reportBacks.bodyId, f.bodyId) : undefined,
    f.state ? eq(reportBacks.state, f.state) : undefined,
    f.from ? gte(reportBacks.heldOn, f.from) : undefined,
    f.to ? lte(reportBacks.heldOn, f.to) : undefined,
  );

/** Every matching event (the export), newest first, capped. */
export async function listReportBacks(db: Executor, scope: Scope, f: ReportBackFilters, limit: number) {
  const rows = await reportBackSelect(db)
    .where(reportBackWhere(scope, f))
    .orderBy(desc(reportBacks.heldOn), desc(reportBacks.id))
    .limit(limit);
  return rows as ReportBackRow[];
}

export async function pageReportBacks(db: Executor, scope: Scope, f: ReportBackFilters & { page: number; pageSize: number }) {
  const where = reportBackWhere(scope, f);
  const [rows, [total]] = await Promise.all([
    reportBackSelect(db).where(where).orderBy(desc(reportBacks.heldOn), desc(reportBacks.id)).limit(f.pageSize).offset(offsetOf(f)),
    db.select({ total: count() }).from(reportBacks).where(where),
  ]);
  return { rows: rows as ReportBackRow[], total: total?.total ?? 0 };
}

export async function getReportBack(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<ReportBackRow | undefined> {
  const query = reportBackSelect(db).where(and(eq(reportBacks.id, id), inScope(reportBacks.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: reportBacks }) : await query;
  return row as ReportBackRow | undefined;
}

/** Public data only: the event behind a QR code, whatever the caller. */
export async function findReportBackByPublicCode(db: Executor, publicCode: string, forUpdate = false): Promise<ReportBackRow | undefined> {
  const query = reportBackSelect(db).where(eq(reportBacks.publicCode, publicCode));
  const [row] = forUpdate ? await query.for('update', { of: reportBacks }) : await query;
  return row as ReportBackRow | undefined;
}

export async function insertReportBack(db: Executor, row: typeof reportBacks.$inferInsert) {
  const [created] = await db.insert(reportBacks).values(row).returning({ id: reportBacks.id });
  return created!.id;
}

export async function updateReportBack(db: Executor, id: string, patch: Partial<typeof reportBacks.$inferInsert>) {
  await db.update(reportBacks).set(patch).where(eq(reportBacks.id, id));
}

/** Rating counts per event. */
export async function ratingCounts(db: Executor, ids: string[]): Promise<Map<string, Partial<Record<VoterRating, number>>>> {
  const out = new Map<string, Partial<Record<VoterRating, number>>>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: reportBackRatings.reportBackId, rating: reportBackRatings.rating, n: count() })
    .from(reportBackRatings)
    .where(inArray(reportBackRatings.reportBackId, ids))
    .groupBy(reportBackRatings.reportBackId, reportBackRatings.rating);
  for (const r of rows) {
    const counts = out.get(r.id) ?? {};
    counts[r.rating as VoterRating] = Number(r.n);
    out.set(r.id, counts);
  }
  return out;
}

/** Inserts a rating unless this phone already rated the event; false when it had. */
export async function insertRating(db: Executor, row: typeof reportBackRatings.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(reportBackRatings).values(row).onConflictDoNothing().returning({ id: reportBackRatings.id });
  return inserted.length === 1;
}

export async function ratingsOf(db: Executor, reportBackId: string, limit: number) {
  return db
    .select()
    .from(reportBackRatings)
    .where(eq(reportBackRatings.reportBackId, reportBackId))
    .orderBy(desc(reportBackRatings.createdAt))
    .limit(limit);
}

// ---- attendees (rating by registered attendees) ----
/** The attendees of an event with the state of the SMS that sent each their code (never its text). */
export async function attendeesOf(db: Executor, reportBackId: string, attendeeId?: string) {
  return db
    .select({ attendee: reportBackAttendees, smsStatus: outboxMessages.status, smsQueuedAt: outboxMessages.createdAt })
    .from(reportBackAttendees)
    .leftJoin(outboxMessages, eq(outboxMessages.id, reportBackAttendees.smsMessageId))
    .where(and(eq(reportBackAttendees.reportBackId, reportBackId), attendeeId ? eq(reportBackAttendees.id, attendeeId) : undefined))
    .orderBy(asc(reportBackAttendees.createdAt), asc(reportBackAttendees.id));
}
export type AttendeeRow = Awaited<ReturnType<typeof attendeesOf>>[number];

/** The phone the attendee's last code SMS went to: only the outbox row holds the full number. */
export async function smsRecipientOf(db: Executor, attendeeId: string) {
  const [row] = await db
    .select({ recipient: outboxMessages.recipient })
    .from(reportBackAttendees)
    .innerJoin(outboxMessages, eq(outboxMessages.id, reportBackAttendees.smsMessageId))
    .where(eq(reportBackAttendees.id, attendeeId));
  return row?.recipient ?? null;
}

export async function setAttendeeSms(db: Executor, attendeeId: string, messageId: string) {
  await db.update(reportBackAttendees).set({ smsMessageId: messageId }).where(eq(reportBackAttendees.id, attendeeId));
}

/** Registered and used codes per event. */
export async function attendeeCounts(db: Executor, ids: string[]) {
  const out = new Map<string, { registered: number; used: number }>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: reportBackAttendees.reportBackId,
      registered: count(),
      used: sql<number>`count(${reportBackAttendees.usedAt})::int`,
    })
    .from(reportBackAttendees)
    .where(inArray(reportBackAttendees.reportBackId, ids))
    .groupBy(reportBackAttendees.reportBackId);
  for (const r of rows) out.set(r.id, { registered: Number(r.registered), used: Number(r.used) });
  return out;
}

/** Inserts the attendees; a phone already registered at the event is skipped. Returns the rows inserted. */
export async function insertAttendees(db: Executor, rows: (typeof reportBackAttendees.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(reportBackAttendees).values(rows).onConflictDoNothing().returning();
}

/** Marks an unused code of the event as used; false when there is no such code or it was used. */
export async function useAttendeeCode(db: Executor, reportBackId: string, code: string, at: Date): Promise<boolean> {
  const used = await db
    .update(reportBackAttendees)
    .set({ usedAt: at })
    .where(and(eq(reportBackAttendees.reportBackId, reportBackId), eq(reportBackAttendees.code, code), isNull(reportBackAttendees.usedAt)))
    .returning({ id: reportBackAttendees.id });
  return used.length === 1;
}

export async function attendeeCodeExists(db: Executor, reportBackId: string, code: string) {
  const [row] = await db
    .select({ id: reportBackAttendees.id })
    .from(reportBackAttendees)
    .where(and(eq(reportBackAttendees.reportBackId, reportBackId), eq(reportBackAttendees.code, code)));
  return !!row;
}

/** A deputy's report-backs held in a period (for the performance file; the caller has checked scope). */
export async function reportBacksOfDeputy(db: Executor, deputyId: string, from: string, to: string) {
  return db
    .select()
    .from(reportBacks)
    .where(and(eq(reportBacks.deputyId, deputyId), gte(reportBacks.heldOn, from), lte(reportBacks.heldOn, to)))
    .orderBy(asc(reportBacks.heldOn));
}

// ---- honours ----
export type CampaignRow = { campaign: typeof honourCampaigns.$inferSelect; bodyName: string };

export async function listCampaigns(db: Executor, scope: Scope, limit: number): Promise<CampaignRow[]> {
  return db
    .select({ campaign: honourCampaigns, bodyName: bodies.name })
    .from(honourCampaigns)
    .innerJoin(bodies, eq(bodies.id, honourCampaigns.bodyId))
    .where(inScope(honourCampaigns.bodyId, scope))
    .orderBy(desc(honourCampaigns.createdAt))
    .limit(limit);
}

export async function getCampaign(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<CampaignRow | undefined> {
  const query = db
    .select({ campaign: honourCampaigns, bodyName: bodies.name })
    .from(honourCampaigns)
    .innerJoin(bodies, eq(bodies.id, honourCampaigns.bodyId))
    .where(and(eq(honourCampaigns.id, id), inScope(honourCampaigns.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: honourCampaigns }) : await query;
  return row;
}

export async function insertCampaign(db: Executor, row: typeof honourCampaigns.$inferInsert) {
  const [created] = await db.insert(honourCampaigns).values(row).returning({ id: honourCampaigns.id });
  return created!.id;
}

export async function updateCampaign(db: Executor, id: string, patch: Partial<typeof honourCampaigns.$inferInsert>) {
  await db.update(honourCampaigns).set(patch).where(eq(honourCampaigns.id, id));
}

export async function nomineesOf(db: Executor, campaignId: string) {
  return db
    .select({
      id: honourNominations.id,
      deputyId: honourNominations.deputyId,
      deputyName: deputies.name,
      reason: honourNominations.reason,
      nominatedBy: users.displayName,
    })
    .from(honourNominations)
    .innerJoin(deputies, eq(deputies.id, honourNominations.deputyId))
    .leftJoin(users, eq(users.id, honourNominations.nominatedBy))
    .where(eq(honourNominations.campaignId, campaignId))
    .orderBy(asc(honourNominations.createdAt), asc(honourNominations.id));
}

/** Inserts a nomination unless the deputy is already nominated; false when they were. */
export async function insertNomination(db: Executor, row: typeof honourNominations.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(honourNominations).values(row).onConflictDoNothing().returning({ id: honourNominations.id });
  return inserted.length === 1;
}

/** Removes a nomination of the campaign; false when there was none. */
export async function deleteNomination(db: Executor, campaignId: string, nominationId: string) {
  const deleted = await db
    .delete(honourNominations)
    .where(and(eq(honourNominations.campaignId, campaignId), eq(honourNominations.id, nominationId)))
    .returning({ deputyId: honourNominations.deputyId, reason: honourNominations.reason });
  return deleted[0];
}

export async function hasVoted(db: Executor, campaignId: string, userId: string) {
  const [row] = await db
    .select({ userId: honourVoters.userId })
    .from(honourVoters)
    .where(and(eq(honourVoters.campaignId, campaignId), eq(honourVoters.userId, userId)));
  return !!row;
}

export async function ballotsCast(db: Executor, campaignId: string) {
  const [row] = await db.select({ n: count() }).from(honourVoters).where(eq(honourVoters.campaignId, campaignId));
  return Number(row?.n ?? 0);
}

/** Registers the voter (one ballot per voter: the primary key) and stores the choices apart; false when they had voted. */
export async function castBallot(db: Executor, campaignId: string, userId: string, nominationIds: string[], at: Date): Promise<boolean> {
  const registered = await db
    .insert(honourVoters)
    .values({ campaignId, userId, votedAt: at })
    .onConflictDoNothing()
    .returning({ userId: honourVoters.userId });
  if (registered.length === 0) return false;
  await db.insert(honourVotes).values(nominationIds.map((nominationId) => ({ campaignId, nominationId })));
  return true;
}

/**
 * The campaign's electorate (seed 003): active staff accounts of the body and the accounts of its
 * deputies in office, with whether each has voted.
 */
export async function eligibleVoters(db: Executor, campaignId: string, bodyId: string) {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      role: users.role,
      voted: sql<boolean>`${honourVoters.userId} is not null`,
    })
    .from(users)
    .leftJoin(deputies, eq(deputies.userId, users.id))
    .leftJoin(honourVoters, and(eq(honourVoters.campaignId, campaignId), eq(honourVoters.userId, users.id)))
    .where(
      and(
        eq(users.active, true),
        or(
          and(eq(users.role, 'staff'), eq(users.bodyId, bodyId)),
          and(eq(users.role, 'deputy'), eq(deputies.bodyId, bodyId), eq(deputies.status, 'in_office')),
        ),
      ),
    )
    .orderBy(asc(users.role), asc(users.displayName));
}

export async function voteCounts(db: Executor, campaignId: string) {
  const rows = await db
    .select({ nominationId: honourVotes.nominationId, n: count() })
    .from(honourVotes)
    .where(eq(honourVotes.campaignId, campaignId))
    .groupBy(honourVotes.nominationId);
  return new Map(rows.map((r) => [r.nominationId, Number(r.n)]));
}
