import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, handlingUnits, suggestionAssignments, suggestionRatings, suggestionReplies, suggestions } from '../../db/schema.js';
import { inScope, type Scope } from '../../platform/scope.js';
import { handledStates } from './workflow.js';

export interface RatesFilter {
  sessionId?: string | undefined;
  bodyId?: string | undefined;
  year?: number | undefined;
}

/** Only items that went past review count: drafts, returned and merged items are not handled items. */
const counted = inArray(suggestions.state, [...handledStates]);

/** Released replies of one result category (the body's scheme names it; A is always solved). */
const byCategory = (code: string) =>
  sql<number>`count(*) FILTER (WHERE ${suggestions.releasedAt} IS NOT NULL AND ${suggestions.replyCategory} = ${code})::int`;

const aggregates = {
  total: sql<number>`count(*)::int`,
  assigned: sql<number>`count(${suggestions.assignedAt})::int`,
  replied: sql<number>`count(${suggestions.releasedAt})::int`,
  repliedOnTime: sql<number>`count(*) FILTER (WHERE ${suggestions.releasedAt} IS NOT NULL AND ${suggestions.repliedOnTime})::int`,
  closed: sql<number>`count(*) FILTER (WHERE ${suggestions.state} = 'closed')::int`,
  categoryA: byCategory('A'),
  categoryB: byCategory('B'),
  categoryC: byCategory('C'),
  categoryD: byCategory('D'),
  rated: sql<number>`count(${suggestions.rating})::int`,
  satisfiedOrBasically: sql<number>`count(*) FILTER (WHERE ${suggestions.rating} IN ('satisfied', 'basically_satisfied'))::int`,
};
export type Counts = { [K in keyof typeof aggregates]: number };

function ratesWhere(scope: Scope, f: RatesFilter): SQL {
  return and(
    inScope(suggestions.bodyId, scope),
    counted,
    f.sessionId ? eq(suggestions.sessionId, f.sessionId) : undefined,
    f.bodyId ? eq(suggestions.bodyId, f.bodyId) : undefined,
    f.year ? eq(suggestions.year, f.year) : undefined,
  )!;
}

export async function countsInScope(db: Executor, scope: Scope, f: RatesFilter): Promise<Counts> {
  const [row] = await db.select(aggregates).from(suggestions).where(ratesWhere(scope, f));
  return row!;
}

export function countsByLeadUnit(db: Executor, scope: Scope, f: RatesFilter) {
  return db
    .select({ unitId: suggestions.leadUnitId, unitName: handlingUnits.name, ...aggregates })
    .from(suggestions)
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestions.leadUnitId))
    .where(ratesWhere(scope, f))
    .groupBy(suggestions.leadUnitId, handlingUnits.name)
    .orderBy(handlingUnits.name);
}

export function countsByBody(db: Executor, scope: Scope, f: RatesFilter) {
  return db
    .select({ bodyId: suggestions.bodyId, bodyName: bodies.name, ...aggregates })
    .from(suggestions)
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .where(ratesWhere(scope, f))
    .groupBy(suggestions.bodyId, bodies.name)
    .orderBy(bodies.name);
}

/**
 * 分别办理 parts of the counted items, each as its unit's own item: whether its first answer was on
 * time, the category of its latest released reply and the deputy's latest rating of that unit's
 * replies (null while none); latest is by re-handling round first. `countParts` in rates.ts adds them up per unit.
 */
export function separateParts(db: Executor, scope: Scope, f: RatesFilter) {
  const mine = sql`${suggestionReplies.suggestionId} = ${suggestionAssignments.suggestionId} AND ${suggestionReplies.unitId} = ${suggestionAssignments.unitId}`;
  return db
    .select({
      unitId: suggestionAssignments.unitId,
      unitName: handlingUnits.name,
      itemState: suggestions.state,
      repliedOnTime: suggestionAssignments.repliedOnTime,
      category: sql<string | null>`(SELECT ${suggestionReplies.category} FROM ${suggestionReplies}
        WHERE ${mine} AND ${suggestionReplies.releasedAt} IS NOT NULL
        ORDER BY ${suggestionReplies.round} DESC, ${suggestionReplies.releasedAt} DESC LIMIT 1)`,
      rating: sql<string | null>`(SELECT ${suggestionRatings.rating} FROM ${suggestionRatings}
        INNER JOIN ${suggestionReplies} ON ${suggestionReplies.id} = ${suggestionRatings.replyId}
        WHERE ${mine} ORDER BY ${suggestionRatings.round} DESC, ${suggestionRatings.createdAt} DESC LIMIT 1)`,
    })
    .from(suggestionAssignments)
    .innerJoin(suggestions, eq(suggestions.id, suggestionAssignments.suggestionId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionAssignments.unitId))
    .where(and(ratesWhere(scope, f), eq(suggestionAssignments.role, 'separate'), ne(suggestionAssignments.state, 'withdrawn')));
}
export type SeparatePart = Awaited<ReturnType<typeof separateParts>>[number];
