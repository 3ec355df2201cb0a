import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, handlingUnits, suggestions } from '../../db/schema.js';
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
