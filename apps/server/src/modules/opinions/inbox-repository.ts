import { and, eq, ilike, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { OpinionQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { bodies, handlingUnits } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { inScope, likeContains } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';
import { withinChinaDates } from '../../platform/periods.js';
import { visibleTo } from './opinion-repository.js';
import { opinions } from './tables.js';
import { runningStatuses } from './workflow.js';

// The staff's and handling units' inbox: filtered pages and the Excel export, always within the actor's scope.

export function overdueCondition(now: Date): SQL {
  return and(inArray(opinions.status, [...runningStatuses]), isNotNull(opinions.dueAt), lt(opinions.dueAt, now))!;
}

/**
 * The bodies whose opinions a staff member sees, spelled out: with the ids as a list the planner knows
 * how many opinions are in scope (from the statistics of body_id), where for the subquery of `inScope`
 * it guesses, and walks the newest-first index or not accordingly. Null for a handling unit.
 */
async function scopeBodyIds(db: Executor, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'handling_unit') return null;
  const rows = await db.select({ id: bodies.id }).from(bodies).where(inScope(bodies.id, actor));
  return rows.map((r) => r.id);
}

function inboxWhere(actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date, scope: string[] | null): SQL | undefined {
  const code = f.q?.replace(/[\s-]/g, '').toUpperCase();
  return and(
    scope ? (scope.length ? inArray(opinions.bodyId, scope) : sql`false`) : visibleTo(actor),
    f.status ? eq(opinions.status, f.status) : undefined,
    f.category ? eq(opinions.categoryCode, f.category) : undefined,
    f.stationId ? eq(opinions.stationId, f.stationId) : undefined,
    f.deputyId ? or(eq(opinions.deputyId, f.deputyId), eq(opinions.takenByDeputyId, f.deputyId)) : undefined,
    f.handlingUnitId ? eq(opinions.handlingUnitId, f.handlingUnitId) : undefined,
    f.bodyId ? eq(opinions.bodyId, f.bodyId) : undefined,
    f.overdue === 'true' ? overdueCondition(now) : undefined,
    f.overdue === 'false' ? sql`NOT (${overdueCondition(now)})` : undefined,
    f.q ? or(eq(opinions.trackingCode, code ?? ''), ilike(opinions.content, likeContains(f.q))) : undefined,
    withinChinaDates(opinions.createdAt, f.from, f.to),
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

/**
 * Newest first, in the order the indexes are built (drizzle's `.desc()` makes them DESC NULLS LAST,
 * while a bare DESC means NULLS FIRST): with the same order the planner walks an index instead of
 * sorting every row in scope.
 */
const newestFirst = [sql`${opinions.createdAt} DESC NULLS LAST`, sql`${opinions.id} DESC NULLS LAST`];

/** Counting stops here: a page of a huge inbox does not wait for an exact count of millions. */
export const COUNT_CAP = 10_000;

/**
 * A page of the inbox: the page's ids first, from the opinions table alone (an index-only walk of a
 * newest-first index that carries the filtered columns), then only those rows with their names.
 */
export async function pageInbox(db: Executor, actor: Actor, f: OpinionQuery, now: Date) {
  const where = inboxWhere(actor, f, now, await scopeBodyIds(db, actor));
  const pageIds = sql`SELECT ${opinions.id} FROM ${opinions} WHERE ${where ?? sql`true`}
    ORDER BY ${sql.join(newestFirst, sql`, `)} LIMIT ${f.pageSize} OFFSET ${offsetOf(f)}`;
  const [rows, counted] = await Promise.all([
    db
      .select(listColumns)
      .from(opinions)
      .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
      .leftJoin(stations, eq(stations.id, opinions.stationId))
      .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
      .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
      .where(sql`${opinions.id} IN (${pageIds})`)
      .orderBy(...newestFirst),
    db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${opinions} WHERE ${where ?? sql`true`} LIMIT ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return { rows: rows as OpinionListRow[], total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** How many opinions of the inbox (same scope, same filters) are in each status: the list page's chart. */
export async function countInboxByStatus(db: Executor, actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date) {
  const where = inboxWhere(actor, f, now, await scopeBodyIds(db, actor));
  return db
    .select({ status: opinions.status, count: sql<number>`count(*)::int` })
    .from(opinions)
    .where(where)
    .groupBy(opinions.status);
}

/** Every matching row for the Excel export, newest first, up to `limit`. */
export async function exportInbox(db: Executor, actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date, limit: number) {
  const rows = await db
    .select({
      ...listColumns,
      content: opinions.content,
      replyText: opinions.replyText,
      rating: opinions.rating,
      citizenName: opinions.citizenName,
      citizenPhone: opinions.citizenPhone,
      contactConsent: opinions.contactConsent,
    })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .leftJoin(stations, eq(stations.id, opinions.stationId))
    .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(inboxWhere(actor, f, now, await scopeBodyIds(db, actor)))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows as (OpinionListRow & {
    content: string;
    replyText: string | null;
    rating: string | null;
    citizenName: string | null;
    citizenPhone: string | null;
    contactConsent: boolean;
  })[];
}
