import { aliasedTable, and, asc, count, desc, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { OpinionQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { attachments, bodies, handlingUnits, users } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { inScope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';
import { opinionCategories, opinionEvents, opinions } from './tables.js';
import { runningStatuses } from './workflow.js';

export type OpinionRow = typeof opinions.$inferSelect;
export type NewOpinionRow = typeof opinions.$inferInsert;

// ---- public look-ups (QR codes and tracking codes are the only keys a citizen has) ----

export async function findPublicStation(db: Executor, publicCode: string) {
  const [row] = await db
    .select({ id: stations.id, name: stations.name, bodyId: stations.bodyId, bodyName: bodies.name, bodyPath: bodies.path })
    .from(stations)
    .innerJoin(bodies, eq(bodies.id, stations.bodyId))
    .where(and(eq(stations.publicCode, publicCode), eq(stations.active, true)));
  return row;
}

export async function findPublicDeputy(db: Executor, publicCode: string) {
  const [row] = await db
    .select({
      id: deputies.id,
      name: deputies.name,
      status: deputies.status,
      bodyId: deputies.bodyId,
      bodyName: bodies.name,
      bodyPath: bodies.path,
    })
    .from(deputies)
    .innerJoin(bodies, eq(bodies.id, deputies.bodyId))
    .where(eq(deputies.publicCode, publicCode));
  return row;
}

/** The category dictionary in force for a body: its own, else the nearest ancestor's (empty when none has one). */
export async function categoriesInForce(db: Executor, bodyPath: string) {
  const ancestors = bodyPath.split('/').filter(Boolean).reverse();
  const rows = await db
    .select()
    .from(opinionCategories)
    .where(inArray(opinionCategories.bodyId, ancestors))
    .orderBy(asc(opinionCategories.sortOrder), asc(opinionCategories.code));
  for (const bodyId of ancestors) {
    const own = rows.filter((r) => r.bodyId === bodyId);
    if (own.length) return own;
  }
  return [];
}

export async function replaceCategories(db: Executor, bodyId: string, items: { code: string; label: string; active: boolean }[]) {
  await db.delete(opinionCategories).where(eq(opinionCategories.bodyId, bodyId));
  await db.insert(opinionCategories).values(items.map((item, i) => ({ ...item, bodyId, sortOrder: i })));
}

/** Submissions with this phone since an instant, for the per-phone limit. */
export async function countByPhoneSince(db: Executor, phone: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(opinions)
    .where(and(eq(opinions.citizenPhone, phone), gte(opinions.createdAt, since)));
  return row?.n ?? 0;
}

export async function findPublicByTrackingCode(db: Executor, trackingCode: string) {
  const [row] = await db
    .select({ opinion: opinions, stationName: stations.name, deputyName: deputies.name, unitName: handlingUnits.name })
    .from(opinions)
    .leftJoin(stations, eq(stations.id, opinions.stationId))
    .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(eq(opinions.trackingCode, trackingCode));
  return row;
}

export async function findPublicById(db: Executor, id: string) {
  const [row] = await db
    .select({ opinion: opinions, unitName: handlingUnits.name })
    .from(opinions)
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(eq(opinions.id, id));
  return row;
}

export async function findByClientToken(db: Executor, clientToken: string) {
  const [row] = await db
    .select({ trackingCode: opinions.trackingCode, createdAt: opinions.createdAt })
    .from(opinions)
    .where(eq(opinions.clientToken, clientToken));
  return row;
}

export async function bodyOf(db: Executor, bodyId: string) {
  const [row] = await db.select({ name: bodies.name, path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return row!;
}

export async function lockByTrackingCode(db: Executor, trackingCode: string) {
  const [row] = await db.select().from(opinions).where(eq(opinions.trackingCode, trackingCode)).for('update');
  return row;
}

export async function insertOpinion(db: Executor, row: NewOpinionRow): Promise<OpinionRow> {
  const [created] = await db.insert(opinions).values(row).returning();
  return created!;
}

export async function insertEvent(db: Executor, row: typeof opinionEvents.$inferInsert) {
  await db.insert(opinionEvents).values(row);
}

export function listEvents(db: Executor, opinionId: string, onlyPublic: boolean) {
  return db
    .select()
    .from(opinionEvents)
    .where(and(eq(opinionEvents.opinionId, opinionId), onlyPublic ? eq(opinionEvents.public, true) : undefined))
    .orderBy(asc(opinionEvents.at), asc(opinionEvents.id));
}

export async function updateOpinion(db: Executor, id: string, patch: Partial<NewOpinionRow>): Promise<OpinionRow> {
  const [updated] = await db.update(opinions).set(patch).where(eq(opinions.id, id)).returning();
  return updated!;
}

// ---- staff and handling-unit side (always within the actor's scope) ----

/** Handling-unit accounts see only what was routed to their unit; everyone else sees their bodies' opinions. */
function visibleTo(actor: Actor): SQL {
  if (actor.role === 'handling_unit') return actor.handlingUnitId ? eq(opinions.handlingUnitId, actor.handlingUnitId) : sql`false`;
  return inScope(opinions.bodyId, actor);
}

export function overdueCondition(now: Date): SQL {
  return and(inArray(opinions.status, [...runningStatuses]), isNotNull(opinions.dueAt), lt(opinions.dueAt, now))!;
}

function inboxWhere(actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date): SQL | undefined {
  const code = f.q?.replace(/[\s-]/g, '').toUpperCase();
  return and(
    visibleTo(actor),
    f.status ? eq(opinions.status, f.status) : undefined,
    f.category ? eq(opinions.categoryCode, f.category) : undefined,
    f.stationId ? eq(opinions.stationId, f.stationId) : undefined,
    f.deputyId ? or(eq(opinions.deputyId, f.deputyId), eq(opinions.takenByDeputyId, f.deputyId)) : undefined,
    f.handlingUnitId ? eq(opinions.handlingUnitId, f.handlingUnitId) : undefined,
    f.bodyId ? eq(opinions.bodyId, f.bodyId) : undefined,
    f.overdue === 'true' ? overdueCondition(now) : undefined,
    f.overdue === 'false' ? sql`NOT (${overdueCondition(now)})` : undefined,
    f.q
      ? or(eq(opinions.trackingCode, code ?? ''), sql`${opinions.content} ILIKE ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'}`)
      : undefined,
  );
}

const listColumns = {
  opinion: {
    id: opinions.id,
    trackingCode: opinions.trackingCode,
    bodyId: opinions.bodyId,
    status: opinions.status,
    channel: opinions.channel,
    categoryCode: opinions.categoryCode,
    categoryLabel: opinions.categoryLabel,
    summary: sql<string>`left(${opinions.content}, 80)`,
    stationId: opinions.stationId,
    deputyId: opinions.deputyId,
    handlingUnitId: opinions.handlingUnitId,
    dueAt: opinions.dueAt,
    createdAt: opinions.createdAt,
  },
  bodyName: bodies.name,
  stationName: stations.name,
  deputyName: deputies.name,
  unitName: handlingUnits.name,
};
export type OpinionListRow = {
  opinion: {
    id: string;
    trackingCode: string;
    bodyId: string;
    status: string;
    channel: string;
    categoryCode: string;
    categoryLabel: string;
    summary: string;
    stationId: string | null;
    deputyId: string | null;
    handlingUnitId: string | null;
    dueAt: Date | null;
    createdAt: Date;
  };
  bodyName: string;
  stationName: string | null;
  deputyName: string | null;
  unitName: string | null;
};

/** Counting stops here: a page of a huge inbox does not wait for an exact count of millions. */
export const COUNT_CAP = 10_000;

export async function pageInbox(db: Executor, actor: Actor, f: OpinionQuery, now: Date) {
  const where = inboxWhere(actor, f, now);
  const [rows, counted] = await Promise.all([
    db
      .select(listColumns)
      .from(opinions)
      .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
      .leftJoin(stations, eq(stations.id, opinions.stationId))
      .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
      .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
      .where(where)
      .orderBy(desc(opinions.createdAt), desc(opinions.id))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${opinions} WHERE ${where ?? sql`true`} LIMIT ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return { rows: rows as OpinionListRow[], total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Every matching row for the Excel export, newest first, up to `limit`. */
export async function exportInbox(db: Executor, actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date, limit: number) {
  const rows = await db
    .select({ ...listColumns, content: opinions.content, replyText: opinions.replyText, rating: opinions.rating })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .leftJoin(stations, eq(stations.id, opinions.stationId))
    .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(inboxWhere(actor, f, now))
    .orderBy(desc(opinions.createdAt), desc(opinions.id))
    .limit(limit);
  return rows as (OpinionListRow & { content: string; replyText: string | null; rating: string | null })[];
}

const takenBy = aliasedTable(deputies, 'taken_by');

export async function getVisible(db: Executor, actor: Actor, id: string, forUpdate = false) {
  if (forUpdate) {
    const [locked] = await db
      .select({ id: opinions.id })
      .from(opinions)
      .where(and(eq(opinions.id, id), visibleTo(actor)))
      .for('update');
    if (!locked) return undefined;
  }
  const [row] = await db
    .select({
      opinion: opinions,
      bodyName: bodies.name,
      bodyPath: bodies.path,
      stationName: stations.name,
      deputyName: deputies.name,
      takenByName: takenBy.name,
      unitName: handlingUnits.name,
      photoCount: sql<number>`(SELECT count(*)::int FROM ${attachments} WHERE ${attachments.ownerEntity} = 'opinion' AND ${attachments.ownerId} = ${opinions.id}::text)`,
    })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .leftJoin(stations, eq(stations.id, opinions.stationId))
    .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
    .leftJoin(takenBy, eq(takenBy.id, opinions.takenByDeputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(and(eq(opinions.id, id), visibleTo(actor)));
  return row;
}
export type OpinionDetailRow = NonNullable<Awaited<ReturnType<typeof getVisible>>>;

export async function findDeputyInScope(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.id, id), inScope(deputies.bodyId, actor)));
  return row;
}

export async function findUnitInScope(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: handlingUnits.id, name: handlingUnits.name, active: handlingUnits.active })
    .from(handlingUnits)
    .where(and(eq(handlingUnits.id, id), inScope(handlingUnits.bodyId, actor)));
  return row;
}

// ---- who hears about it ----

export function activeUsersOfUnit(db: Executor, handlingUnitId: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.handlingUnitId, handlingUnitId), eq(users.active, true), eq(users.role, 'handling_unit')));
}

/** Staff (or leaders) of the opinion's body and of the bodies above it: whoever may act on it. */
export function activeUsersAbove(db: Executor, bodyPath: string, role: 'staff' | 'leader') {
  const ancestors = bodyPath.split('/').filter(Boolean);
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.bodyId, ancestors), eq(users.role, role), eq(users.active, true)));
}

// ---- deadline jobs ----

/** Running items due within `before` that have not been reminded yet. */
export function findDueForReminder(db: Executor, now: Date, before: Date, limit: number) {
  return db
    .select({ opinion: opinions, bodyPath: bodies.path })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .where(
      and(
        inArray(opinions.status, [...runningStatuses]),
        sql`${opinions.remindedAt} IS NULL`,
        gte(opinions.dueAt, now),
        lt(opinions.dueAt, before),
      ),
    )
    .limit(limit);
}

export function findNewlyOverdue(db: Executor, now: Date, limit: number) {
  return db
    .select({ opinion: opinions, bodyPath: bodies.path })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .where(and(overdueCondition(now), sql`${opinions.overdueAt} IS NULL`))
    .limit(limit);
}

export async function lockMany(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(opinions).where(inArray(opinions.id, ids)).for('update');
}
