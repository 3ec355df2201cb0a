import { aliasedTable, and, asc, desc, eq, gte, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { attachments, bodies, handlingUnits } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { inScope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';
import { opinionEvents, opinions } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

// One opinion as stored, its steps, and the look-ups its actions need.
export type OpinionRow = typeof opinions.$inferSelect;
export type NewOpinionRow = typeof opinions.$inferInsert;
export type OpinionEventRow = typeof opinionEvents.$inferSelect;

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

/** Handling-unit accounts see only what was routed to their unit; everyone else sees their bodies' opinions. */
export function visibleTo(actor: Actor): SQL {
  if (actor.role === 'handling_unit') return actor.handlingUnitId ? eq(opinions.handlingUnitId, actor.handlingUnitId) : sql`false`;
  return inScope(opinions.bodyId, actor);
}

const takenBy = aliasedTable(deputies, 'taken_by');

/** The opinion with the names its page shows, where `where` holds. */
async function findDetail(db: Executor, where: SQL, forUpdate: boolean) {
  if (forUpdate) {
    const [locked] = await db.select({ id: opinions.id }).from(opinions).where(where).for('update');
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
    .where(where);
  return row;
}

export function getVisible(db: Executor, actor: Actor, id: string, forUpdate = false) {
  return findDetail(db, and(eq(opinions.id, id), visibleTo(actor))!, forUpdate);
}
export type OpinionDetailRow = NonNullable<Awaited<ReturnType<typeof getVisible>>>;

/** For the citizen's own step, once the tracking code they hold has named the opinion: no scope to check. */
export function findPublicForStep(db: Executor, id: string) {
  return findDetail(db, eq(opinions.id, id), true);
}

export async function findDeputyInScope(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.id, id), inScope(deputies.bodyId, actor)));
  return row;
}

// ---- opinions that became a suggestion (意见转建议) ----

/** The opinions among `ids` in the actor's scope, locked. */
export function lockInScope(db: Executor, actor: Actor, ids: string[]) {
  return db
    .select()
    .from(opinions)
    .where(and(inArray(opinions.id, ids), inScope(opinions.bodyId, actor)))
    .for('update');
}

export function opinionsOfSuggestion(db: Executor, actor: Actor, suggestionId: string) {
  return db
    .select()
    .from(opinions)
    .where(and(eq(opinions.suggestionId, suggestionId), inScope(opinions.bodyId, actor)))
    .orderBy(opinions.createdAt);
}

// ---- duplicates ----

/** The newest opinions of the body since `from` that another may still be merged into, the given one left out. */
export function mergeCandidates(db: Executor, actor: Actor, o: { id: string; bodyId: string }, from: Date, limit: number) {
  return db
    .select({
      id: opinions.id,
      trackingCode: opinions.trackingCode,
      status: opinions.status,
      categoryLabel: opinions.categoryLabel,
      content: opinions.content,
      location: opinions.location,
      createdAt: opinions.createdAt,
    })
    .from(opinions)
    .where(
      and(
        inScope(opinions.bodyId, actor),
        eq(opinions.bodyId, o.bodyId),
        ne(opinions.id, o.id),
        notInArray(opinions.status, ['declined', 'merged']),
        gte(opinions.createdAt, from),
      ),
    )
    .orderBy(desc(opinions.createdAt))
    .limit(limit);
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  opinion: titleColumn(opinions.id, opinions.trackingCode),
};
