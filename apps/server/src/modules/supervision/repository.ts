import { and, asc, count, desc, eq, gte, ilike, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { ItemQuery, PointQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { attachments, bodies, handlingUnits } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { inScope, likeContains } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { meetingItems, meetings } from '../meetings/tables.js';
import {
  supervisionEvaluations,
  supervisionEvents,
  supervisionItemDeputies,
  supervisionItems,
  supervisionPlans,
  supervisionPoints,
  supervisionQuestions,
  supervisionReports,
  supervisionVisits,
  jointMeetings,
} from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type PlanRow = typeof supervisionPlans.$inferSelect;
export type ItemRow = typeof supervisionItems.$inferSelect;
export type PointRow = typeof supervisionPoints.$inferSelect;
export type EvaluationRow = typeof supervisionEvaluations.$inferSelect;

// ---- who sees what ----

/**
 * Staff, leaders and administrators see the items of the bodies in their scope; an organ (a handling
 * unit) only the items it is under supervision for; a deputy only the items they take part in.
 */
function itemAccess(actor: Actor): SQL {
  if (actor.role === 'handling_unit') return actor.handlingUnitId ? eq(supervisionItems.organUnitId, actor.handlingUnitId) : sql`false`;
  if (actor.role === 'deputy') return takesPart(actor);
  return inScope(supervisionItems.bodyId, actor);
}

/**
 * The items the signed-in deputy takes part in: invited to (邀请代表参与), or recorded in one of their
 * stages (代表参与: a participation keeps its deputies as a jsonb array of ids; `?|` asks for any of the
 * deputy's records). Read from the deputy's side, so a province's ten years of items are never tested one by one
 * (bench/supervision-list.ts).
 */
const takesPart = (actor: Actor) => {
  const ownRecords = sql`SELECT ${deputies.id} FROM ${deputies} WHERE ${deputies.userId} = ${actor.id}`;
  return sql`${supervisionItems.id} IN (
      SELECT ${supervisionItemDeputies.itemId} FROM ${supervisionItemDeputies} WHERE ${supervisionItemDeputies.deputyId} IN (${ownRecords})
      UNION
      SELECT v.item_id FROM ${supervisionVisits} v WHERE v.deputy_ids ?| ARRAY(SELECT d.id::text FROM (${ownRecords}) d))`;
};

/** An organ sees only its own points; staff the points of their bodies. */
function pointAccess(actor: Actor): SQL {
  if (actor.role === 'handling_unit') return actor.handlingUnitId ? eq(supervisionPoints.organUnitId, actor.handlingUnitId) : sql`false`;
  if (actor.role === 'deputy')
    return sql`${supervisionPoints.itemId} IN (SELECT ${supervisionItems.id} FROM ${supervisionItems} WHERE ${itemAccess(actor)})`;
  return inScope(supervisionPoints.bodyId, actor);
}

// ---- plans ----

/** A deputy or an organ sees a plan once it is published. */
const planAccess = (actor: Actor) =>
  and(
    inScope(supervisionPlans.bodyId, actor),
    actor.role === 'deputy' || actor.role === 'handling_unit' ? eq(supervisionPlans.state, 'published') : undefined,
  );

export async function insertPlan(db: Executor, row: typeof supervisionPlans.$inferInsert) {
  const [created] = await db.insert(supervisionPlans).values(row).onConflictDoNothing().returning();
  return created;
}

export async function getPlan(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const query = db
    .select({ plan: supervisionPlans, bodyName: bodies.name, bodyPath: bodies.path })
    .from(supervisionPlans)
    .innerJoin(bodies, eq(bodies.id, supervisionPlans.bodyId))
    .where(and(eq(supervisionPlans.id, id), planAccess(actor)));
  const [row] = forUpdate ? await query.for('update', { of: supervisionPlans }) : await query;
  return row;
}

export async function listPlans(db: Executor, actor: Actor) {
  return db
    .select({
      plan: supervisionPlans,
      bodyName: bodies.name,
      itemCount: sql<number>`(SELECT count(*)::int FROM ${supervisionItems} WHERE ${supervisionItems.planId} = ${supervisionPlans.id})`,
    })
    .from(supervisionPlans)
    .innerJoin(bodies, eq(bodies.id, supervisionPlans.bodyId))
    .where(planAccess(actor))
    .orderBy(desc(supervisionPlans.year), asc(bodies.path))
    .limit(100);
}

export async function updatePlan(db: Executor, id: string, patch: Partial<typeof supervisionPlans.$inferInsert>) {
  const [row] = await db.update(supervisionPlans).set(patch).where(eq(supervisionPlans.id, id)).returning();
  return row!;
}

// ---- items ----

const itemColumns = {
  item: supervisionItems,
  bodyName: bodies.name,
  bodyPath: bodies.path,
  organName: handlingUnits.name,
  planState: supervisionPlans.state,
  deputyIds: sql<
    string[]
  >`(SELECT coalesce(array_agg(d.deputy_id::text), '{}') FROM ${supervisionItemDeputies} d WHERE d.item_id = ${supervisionItems.id})`,
  openPoints: sql<number>`(SELECT count(*)::int FROM ${supervisionPoints} p WHERE p.item_id = ${supervisionItems.id} AND p.state IN ('open','answered'))`,
  overduePoints: sql<number>`(SELECT count(*)::int FROM ${supervisionPoints} p WHERE p.item_id = ${supervisionItems.id} AND p.state = 'open' AND p.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date)`,
};
export type ItemWithNames = {
  item: ItemRow;
  bodyName: string;
  bodyPath: string;
  organName: string;
  planState: string;
  deputyIds: string[];
  openPoints: number;
  overduePoints: number;
};

const itemsFrom = (db: Executor) =>
  db
    .select(itemColumns)
    .from(supervisionItems)
    .innerJoin(bodies, eq(bodies.id, supervisionItems.bodyId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, supervisionItems.organUnitId))
    .innerJoin(supervisionPlans, eq(supervisionPlans.id, supervisionItems.planId));

export async function insertItem(db: Executor, row: typeof supervisionItems.$inferInsert) {
  const [created] = await db.insert(supervisionItems).values(row).returning();
  return created!;
}

/** An item as the actor may see it; `null` is the system (a vote's closing), which reaches any item. */
export async function getItem(db: Executor, actor: Actor | null, id: string, forUpdate = false): Promise<ItemWithNames | undefined> {
  const query = itemsFrom(db).where(and(eq(supervisionItems.id, id), actor ? itemAccess(actor) : undefined));
  const [row] = forUpdate ? await query.for('update', { of: supervisionItems }) : await query;
  return row;
}

/** An item read by the system itself (an overdue reminder's notice), with no actor to scope it. */
export async function itemForSystem(db: Executor, id: string): Promise<ItemWithNames | undefined> {
  const [row] = await itemsFrom(db).where(eq(supervisionItems.id, id));
  return row;
}

export function itemsOfPlan(db: Executor, planId: string): Promise<ItemWithNames[]> {
  return itemsFrom(db).where(eq(supervisionItems.planId, planId)).orderBy(asc(supervisionItems.meetingOn), asc(supervisionItems.createdAt));
}

/** A page of items, newest year first; the list the ten-year bench measures. */
export async function pageItems(db: Executor, actor: Actor, q: ItemQuery & { today: string }, limit = q.pageSize) {
  const where = and(
    itemAccess(actor),
    q.bodyId ? eq(supervisionItems.bodyId, q.bodyId) : undefined,
    q.year ? eq(supervisionItems.year, q.year) : undefined,
    q.kind ? eq(supervisionItems.kind, q.kind) : undefined,
    q.stage ? eq(supervisionItems.stage, q.stage) : undefined,
    q.overdue === 'true' ? and(ne(supervisionItems.stage, 'closed'), lt(supervisionItems.stageDueOn, q.today)) : undefined,
    q.q ? ilike(supervisionItems.subject, likeContains(q.q)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    itemsFrom(db)
      .where(where)
      .orderBy(desc(supervisionItems.year), desc(supervisionItems.id))
      .limit(limit)
      .offset(limit === q.pageSize ? offsetOf(q) : 0),
    db.select({ n: count() }).from(supervisionItems).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * 我参与的监督: the items the signed-in deputy takes part in (invited, or recorded in a stage), newest
 * first, with whether they were invited and the stages they took part in.
 */
export async function itemsOfDeputy(db: Executor, actor: Actor) {
  const rows = await itemsFrom(db)
    .where(takesPart(actor))
    .orderBy(desc(supervisionItems.year), desc(supervisionItems.meetingOn), desc(supervisionItems.id))
    .limit(200);
  const ids = rows.map((r) => r.item.id);
  const own = await db.select({ id: deputies.id }).from(deputies).where(eq(deputies.userId, actor.id));
  const mine = new Set(own.map((d) => d.id));
  const participations = ids.length
    ? await db.select().from(supervisionVisits).where(inArray(supervisionVisits.itemId, ids)).orderBy(asc(supervisionVisits.visitedOn))
    : [];
  return rows.map((r) => ({
    ...r,
    invited: r.deputyIds.some((d) => mine.has(d)),
    myParticipations: participations.filter((v) => v.itemId === r.item.id && v.deputyIds.some((d) => mine.has(d))),
  }));
}

export async function updateItem(db: Executor, id: string, patch: Partial<typeof supervisionItems.$inferInsert>) {
  const [row] = await db.update(supervisionItems).set(patch).where(eq(supervisionItems.id, id)).returning();
  return row!;
}

/** Takes the next n point numbers of an item (the item row is locked by the caller). */
export async function takePointSeqs(db: Executor, itemId: string, n: number) {
  const [row] = await db
    .update(supervisionItems)
    .set({ nextPointSeq: sql`${supervisionItems.nextPointSeq} + ${n}` })
    .where(eq(supervisionItems.id, itemId))
    .returning({ next: supervisionItems.nextPointSeq });
  const first = row!.next - n;
  return Array.from({ length: n }, (_, i) => first + i);
}

// ---- deputies taking part ----

export async function setItemDeputies(db: Executor, itemId: string, deputyIds: string[]) {
  await db.delete(supervisionItemDeputies).where(eq(supervisionItemDeputies.itemId, itemId));
  if (deputyIds.length) await db.insert(supervisionItemDeputies).values(deputyIds.map((deputyId) => ({ itemId, deputyId })));
}

export function itemDeputies(db: Executor, itemId: string) {
  return db
    .select({ id: deputies.id, name: deputies.name })
    .from(supervisionItemDeputies)
    .innerJoin(deputies, eq(deputies.id, supervisionItemDeputies.deputyId))
    .where(eq(supervisionItemDeputies.itemId, itemId))
    .orderBy(asc(deputies.name));
}

/** The deputies among `ids` of this body (a standing committee invites its own deputies). */
export function deputiesOfBody(db: Executor, bodyId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(inArray(deputies.id, ids), eq(deputies.bodyId, bodyId)));
}

// ---- the hearing ----

/**
 * The agenda items of the body's meetings that are about this item (an agenda item names the record it is
 * about by module and id): the meeting at which the item is heard, earliest first.
 */
export function hearingsOf(db: Executor, item: ItemRow) {
  return db
    .select({
      agendaItemId: meetingItems.id,
      agendaTitle: meetingItems.title,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      startsOn: meetings.startsOn,
    })
    .from(meetingItems)
    .innerJoin(meetings, eq(meetings.id, meetingItems.meetingId))
    .where(and(eq(meetingItems.linkModule, 'supervision'), eq(meetingItems.linkId, item.id), eq(meetings.bodyId, item.bodyId)))
    .orderBy(asc(meetings.startsOn), asc(meetingItems.position))
    .limit(20);
}

// ---- stage work ----

export async function insertReport(db: Executor, row: typeof supervisionReports.$inferInsert) {
  await db.insert(supervisionReports).values(row);
}

export const reportsOf = (db: Executor, itemId: string) =>
  db.select().from(supervisionReports).where(eq(supervisionReports.itemId, itemId)).orderBy(asc(supervisionReports.submittedAt));

export async function insertParticipation(db: Executor, row: typeof supervisionVisits.$inferInsert) {
  const [created] = await db.insert(supervisionVisits).values(row).returning();
  return created!;
}

export const participationsOf = (db: Executor, itemId: string) =>
  db.select().from(supervisionVisits).where(eq(supervisionVisits.itemId, itemId)).orderBy(asc(supervisionVisits.visitedOn));

export function deputyNames(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: deputies.id, name: deputies.name }).from(deputies).where(inArray(deputies.id, ids));
}

/** Collects a question or an opinion under the item's next number. */
export async function insertCollected(db: Executor, row: Omit<typeof supervisionQuestions.$inferInsert, 'seq'>) {
  const [created] = await db
    .insert(supervisionQuestions)
    .values({
      ...row,
      seq: sql`(SELECT coalesce(max(${supervisionQuestions.seq}), 0) + 1 FROM ${supervisionQuestions} WHERE ${supervisionQuestions.itemId} = ${row.itemId})`,
    })
    .returning();
  return created!;
}

export async function answerQuestion(
  db: Executor,
  itemId: string,
  questionId: string,
  patch: { officialName: string; answer: string; answeredAt: Date },
) {
  const [row] = await db
    .update(supervisionQuestions)
    .set(patch)
    .where(and(eq(supervisionQuestions.id, questionId), eq(supervisionQuestions.itemId, itemId), eq(supervisionQuestions.kind, 'question')))
    .returning();
  return row;
}

/** What an item collected, in number order: its inquiry questions, or its gathered opinions. */
export const collectedOf = (db: Executor, itemId: string, kind: 'question' | 'opinion') =>
  db
    .select()
    .from(supervisionQuestions)
    .where(and(eq(supervisionQuestions.itemId, itemId), eq(supervisionQuestions.kind, kind)))
    .orderBy(asc(supervisionQuestions.seq));

/** An item's documents (attachments), oldest first; each keeps the stage it was filed under. */
export const documentsOf = (db: Executor, itemId: string) =>
  db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerEntity, 'supervision_item'), eq(attachments.ownerId, itemId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));

// ---- points ----

const pointColumns = {
  point: supervisionPoints,
  organName: handlingUnits.name,
  itemSubject: supervisionItems.subject,
  itemKind: supervisionItems.kind,
  previousSeq: sql<number | null>`(SELECT prev.seq FROM ${supervisionPoints} prev WHERE prev.id = ${supervisionPoints.previousPointId})`,
};
export type PointWithNames = { point: PointRow; organName: string; itemSubject: string; itemKind: string; previousSeq: number | null };

const pointsFrom = (db: Executor) =>
  db
    .select(pointColumns)
    .from(supervisionPoints)
    .innerJoin(handlingUnits, eq(handlingUnits.id, supervisionPoints.organUnitId))
    .innerJoin(supervisionItems, eq(supervisionItems.id, supervisionPoints.itemId));

export async function insertPoints(db: Executor, rows: (typeof supervisionPoints.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(supervisionPoints).values(rows).returning();
}

/** A point as the actor may see it; `null` is the system (a re-review after a vote), which reaches any point. */
export async function getPoint(db: Executor, actor: Actor | null, id: string, forUpdate = false): Promise<PointWithNames | undefined> {
  const query = pointsFrom(db).where(and(eq(supervisionPoints.id, id), actor ? pointAccess(actor) : undefined));
  const [row] = forUpdate ? await query.for('update', { of: supervisionPoints }) : await query;
  return row;
}

export function pointsOfItem(db: Executor, actor: Actor, itemId: string): Promise<PointWithNames[]> {
  return pointsFrom(db)
    .where(and(eq(supervisionPoints.itemId, itemId), pointAccess(actor)))
    .orderBy(asc(supervisionPoints.seq));
}

export async function pagePoints(db: Executor, actor: Actor, q: PointQuery & { today: string }, limit = q.pageSize) {
  const where = and(
    pointAccess(actor),
    q.state ? eq(supervisionPoints.state, q.state) : undefined,
    q.itemId ? eq(supervisionPoints.itemId, q.itemId) : undefined,
    q.overdue === 'true' ? and(eq(supervisionPoints.state, 'open'), lt(supervisionPoints.dueOn, q.today)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    pointsFrom(db)
      .where(where)
      .orderBy(asc(supervisionPoints.dueOn), asc(supervisionPoints.id))
      .limit(limit)
      .offset(limit === q.pageSize ? offsetOf(q) : 0),
    db.select({ n: count() }).from(supervisionPoints).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function updatePoint(db: Executor, id: string, patch: Partial<typeof supervisionPoints.$inferInsert>) {
  const [row] = await db.update(supervisionPoints).set(patch).where(eq(supervisionPoints.id, id)).returning();
  return row!;
}

/** The points of an item still open, in number order (a re-review carries them over). */
export const openPointsOf = (db: Executor, itemId: string) =>
  db
    .select()
    .from(supervisionPoints)
    .where(and(eq(supervisionPoints.itemId, itemId), inArray(supervisionPoints.state, ['open', 'answered'])))
    .orderBy(asc(supervisionPoints.seq));

/** Points with their item's subject, the organ's name and the body's path (unscoped: for the platform's own runs). */
const pointsWhere = (db: Executor, condition: SQL | undefined) =>
  db
    .select({ point: supervisionPoints, subject: supervisionItems.subject, organName: handlingUnits.name, bodyPath: bodies.path })
    .from(supervisionPoints)
    .innerJoin(supervisionItems, eq(supervisionItems.id, supervisionPoints.itemId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, supervisionPoints.organUnitId))
    .innerJoin(bodies, eq(bodies.id, supervisionPoints.bodyId))
    .where(condition);

/**
 * Items in a stage whose due date the rule counted from the day they entered it (not set by staff), due on
 * or after `from`, with the body's path: the calendar's recount.
 */
export function itemsWithRuledStageDueFrom(db: Executor, from: string) {
  return db
    .select({ item: supervisionItems, bodyPath: bodies.path })
    .from(supervisionItems)
    .innerJoin(bodies, eq(bodies.id, supervisionItems.bodyId))
    .where(
      and(ne(supervisionItems.stage, 'closed'), gte(supervisionItems.stageDueOn, from), sql`${supervisionItems.stageDueReason} IS NULL`),
    );
}

/** Open points past their due date not yet escalated: what the deadline job reports. */
export function overduePoints(db: Executor, today: string) {
  return pointsWhere(
    db,
    and(eq(supervisionPoints.state, 'open'), sql`${supervisionPoints.escalatedAt} IS NULL`, lt(supervisionPoints.dueOn, today)),
  ).limit(1000);
}

/** Points the organ still owes an answer, due on or after `from`, of items not closed, with the body's path: the calendar's recount. */
export function openPointsDueFrom(db: Executor, from: string) {
  return pointsWhere(
    db,
    and(eq(supervisionPoints.state, 'open'), ne(supervisionItems.stage, 'closed'), gte(supervisionPoints.dueOn, from)),
  );
}

// ---- satisfaction votes ----

export async function insertEvaluation(db: Executor, row: typeof supervisionEvaluations.$inferInsert) {
  await db.insert(supervisionEvaluations).values(row);
}

export async function evaluationOfRound(db: Executor, itemId: string, round: number) {
  const [row] = await db
    .select()
    .from(supervisionEvaluations)
    .where(and(eq(supervisionEvaluations.itemId, itemId), eq(supervisionEvaluations.round, round)));
  return row;
}

/** The satisfaction vote an item holds on this vote, if any (a vote names its subject, but the item keeps the vote). */
export async function evaluationOfVote(db: Executor, voteId: string) {
  const [row] = await db.select().from(supervisionEvaluations).where(eq(supervisionEvaluations.voteId, voteId)).for('update');
  return row;
}

export const evaluationsOf = (db: Executor, itemId: string) =>
  db.select().from(supervisionEvaluations).where(eq(supervisionEvaluations.itemId, itemId)).orderBy(asc(supervisionEvaluations.round));

export async function updateEvaluation(db: Executor, id: string, patch: Partial<typeof supervisionEvaluations.$inferInsert>) {
  await db.update(supervisionEvaluations).set(patch).where(eq(supervisionEvaluations.id, id));
}

// ---- history ----

export async function insertEvent(db: Executor, row: typeof supervisionEvents.$inferInsert) {
  await db.insert(supervisionEvents).values(row);
}

export const eventsOf = (db: Executor, itemId: string) =>
  db
    .select()
    .from(supervisionEvents)
    .where(eq(supervisionEvents.itemId, itemId))
    .orderBy(asc(supervisionEvents.at), asc(supervisionEvents.id));

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  supervision_plan: titleColumn(supervisionPlans.id, supervisionPlans.title),
  supervision_item: titleColumn(supervisionItems.id, supervisionItems.subject),
  joint_meeting: titleColumn(jointMeetings.id, jointMeetings.title),
};
