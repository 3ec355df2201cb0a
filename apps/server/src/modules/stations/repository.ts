import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, regions } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likeContains, type Scope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { opinionCountsOfStations } from '../opinions/index.js';
import { receptionConcerns, receptionSessions, receptionSignins, stationRota, stationRotaDeputies, stations } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type StationRow = { station: typeof stations.$inferSelect; bodyName: string; regionName: string | null };
const stationColumns = { station: stations, bodyName: bodies.name, regionName: regions.name };

export type StationFilter = { q?: string | undefined; bodyId?: string | undefined; kind?: string | undefined };

function stationWhere(
  scope: Scope,
  f: StationFilter,
  /** Only active stations without a rota day within these dates (a week's gap). */
  rotaGap?: { from: string; to: string },
) {
  return and(
    inScope(stations.bodyId, scope),
    f.q ? sql`(${stations.name} ILIKE ${likeContains(f.q)} OR ${stations.address} ILIKE ${likeContains(f.q)})` : undefined,
    f.bodyId ? eq(stations.bodyId, f.bodyId) : undefined,
    f.kind ? eq(stations.kind, f.kind) : undefined,
    rotaGap
      ? and(
          eq(stations.active, true),
          sql`NOT EXISTS (SELECT 1 FROM ${stationRota} WHERE ${stationRota.stationId} = ${stations.id}
            AND ${stationRota.day} >= ${rotaGap.from} AND ${stationRota.day} <= ${rotaGap.to})`,
        )
      : undefined,
  );
}

/** The list's rows in the list's order: one query for the page and the export. */
const orderedStations = (db: Executor, where: SQL | undefined) =>
  db
    .select(stationColumns)
    .from(stations)
    .innerJoin(bodies, eq(bodies.id, stations.bodyId))
    .leftJoin(regions, eq(regions.code, stations.regionCode))
    .where(where)
    .orderBy(asc(stations.name), asc(stations.id));

export async function pageStations(
  db: Executor,
  scope: Scope,
  f: StationFilter & { page: number; pageSize: number },
  rotaGap?: { from: string; to: string },
) {
  const where = stationWhere(scope, f, rotaGap);
  const { rows, total } = await readPage(orderedStations(db, where), db.select({ total: count() }).from(stations).where(where), f);
  return { rows: rows as StationRow[], total };
}

/** Every station matching the list's filters, in its order, for the Excel export (capped by the caller). */
export async function listStations(
  db: Executor,
  scope: Scope,
  f: StationFilter,
  rotaGap: { from: string; to: string } | undefined,
  limit: number,
) {
  return (await orderedStations(db, stationWhere(scope, f, rotaGap)).limit(limit)) as StationRow[];
}

export async function getStation(db: Executor, scope: Scope, id: string): Promise<StationRow | undefined> {
  const [row] = await db
    .select(stationColumns)
    .from(stations)
    .innerJoin(bodies, eq(bodies.id, stations.bodyId))
    .leftJoin(regions, eq(regions.code, stations.regionCode))
    .where(and(eq(stations.id, id), inScope(stations.bodyId, scope)));
  return row as StationRow | undefined;
}

export async function insertStation(db: Executor, row: typeof stations.$inferInsert) {
  const [created] = await db.insert(stations).values(row).returning({ id: stations.id });
  return created!.id;
}

export async function updateStation(db: Executor, id: string, patch: Partial<typeof stations.$inferInsert>) {
  await db.update(stations).set(patch).where(eq(stations.id, id));
}

/** Holds the station's row until the transaction ends (writes to its rota, one at a time). */
export async function lockStation(db: Executor, id: string) {
  await db.select({ id: stations.id }).from(stations).where(eq(stations.id, id)).for('update');
}

// ---- rota ----
export function rotaOf(db: Executor, stationId: string, from: string, to: string) {
  return db
    .select({ rota: stationRota, sessionId: receptionSessions.id })
    .from(stationRota)
    .leftJoin(receptionSessions, eq(receptionSessions.rotaId, stationRota.id))
    .where(and(eq(stationRota.stationId, stationId), gte(stationRota.day, from), lte(stationRota.day, to)))
    .orderBy(asc(stationRota.day), asc(stationRota.startTime));
}

export async function getRota(db: Executor, id: string) {
  const [row] = await db
    .select({ rota: stationRota, sessionId: receptionSessions.id })
    .from(stationRota)
    .leftJoin(receptionSessions, eq(receptionSessions.rotaId, stationRota.id))
    .where(eq(stationRota.id, id));
  return row;
}

export async function rotaDeputies(db: Executor, rotaIds: string[]) {
  const map = new Map<string, { id: string; name: string }[]>();
  if (rotaIds.length === 0) return map;
  const rows = await db
    .select({ rotaId: stationRotaDeputies.rotaId, id: deputies.id, name: deputies.name })
    .from(stationRotaDeputies)
    .innerJoin(deputies, eq(deputies.id, stationRotaDeputies.deputyId))
    .where(inArray(stationRotaDeputies.rotaId, rotaIds))
    .orderBy(asc(deputies.name));
  for (const r of rows) map.set(r.rotaId, [...(map.get(r.rotaId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

/**
 * The rota days of active stations on the given dates, with their station and the user account of each
 * deputy on duty (one row per deputy; a deputy without an account gives null).
 */
export function rotaOnDays(db: Executor, days: string[]) {
  if (days.length === 0) return Promise.resolve([]);
  return db
    .select({ rota: stationRota, stationName: stations.name, bodyId: stations.bodyId, deputyUserId: deputies.userId })
    .from(stationRota)
    .innerJoin(stations, eq(stations.id, stationRota.stationId))
    .leftJoin(stationRotaDeputies, eq(stationRotaDeputies.rotaId, stationRota.id))
    .leftJoin(deputies, eq(deputies.id, stationRotaDeputies.deputyId))
    .where(and(inArray(stationRota.day, days), eq(stations.active, true)))
    .orderBy(asc(stationRota.day), asc(stationRota.startTime), asc(stationRota.id));
}

export async function insertRota(db: Executor, row: typeof stationRota.$inferInsert, deputyIds: string[]) {
  const [created] = await db.insert(stationRota).values(row).returning({ id: stationRota.id });
  await db.insert(stationRotaDeputies).values(deputyIds.map((deputyId) => ({ rotaId: created!.id, deputyId })));
  return created!.id;
}

export async function deleteRota(db: Executor, id: string) {
  await db.delete(stationRota).where(eq(stationRota.id, id));
}

/** Rota days on `day` whose deputies have not been reminded yet, with the station and the deputies' accounts. */
export function rotaDueForReminder(db: Executor, day: string) {
  return db
    .select({
      rotaId: stationRota.id,
      day: stationRota.day,
      startTime: stationRota.startTime,
      endTime: stationRota.endTime,
      topic: stationRota.topic,
      stationId: stations.id,
      stationName: stations.name,
      address: stations.address,
      bodyId: stations.bodyId,
      deputyName: deputies.name,
      userId: deputies.userId,
      phone: deputies.phone,
    })
    .from(stationRota)
    .innerJoin(stations, eq(stations.id, stationRota.stationId))
    .innerJoin(stationRotaDeputies, eq(stationRotaDeputies.rotaId, stationRota.id))
    .innerJoin(deputies, eq(deputies.id, stationRotaDeputies.deputyId))
    .where(and(eq(stationRota.day, day), isNull(stationRota.remindedAt)));
}

export async function markReminded(db: Executor, rotaIds: string[], at: Date) {
  if (rotaIds.length) await db.update(stationRota).set({ remindedAt: at }).where(inArray(stationRota.id, rotaIds));
}

/** The stations a deputy is on the rota of (for the public card). */
export function stationsOfDeputy(db: Executor, deputyId: string) {
  return db
    .selectDistinct({ name: stations.name, address: stations.address, openingHours: stations.openingHours })
    .from(stationRotaDeputies)
    .innerJoin(stationRota, eq(stationRota.id, stationRotaDeputies.rotaId))
    .innerJoin(stations, eq(stations.id, stationRota.stationId))
    .where(and(eq(stationRotaDeputies.deputyId, deputyId), eq(stations.active, true)));
}

// ---- reception sessions ----
export function pageSessions(db: Executor, stationId: string, limit: number) {
  return db
    .select()
    .from(receptionSessions)
    .where(eq(receptionSessions.stationId, stationId))
    .orderBy(desc(receptionSessions.heldOn), desc(receptionSessions.createdAt))
    .limit(limit);
}

export type SessionRow = typeof receptionSessions.$inferSelect;

/** The session, locked until the transaction ends (a step of the reception). */
export async function lockSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(receptionSessions).where(eq(receptionSessions.id, id)).for('update');
  return row;
}

export async function getSession(db: Executor, id: string) {
  const [row] = await db.select().from(receptionSessions).where(eq(receptionSessions.id, id));
  return row;
}

export async function insertSession(db: Executor, row: typeof receptionSessions.$inferInsert) {
  const [created] = await db.insert(receptionSessions).values(row).returning({ id: receptionSessions.id });
  return created!.id;
}

export async function updateSession(db: Executor, id: string, patch: Partial<typeof receptionSessions.$inferInsert>) {
  await db.update(receptionSessions).set(patch).where(eq(receptionSessions.id, id));
}

export function signinsOf(db: Executor, sessionId: string) {
  return db
    .select({ id: deputies.id, name: deputies.name, signedAt: receptionSignins.signedAt })
    .from(receptionSignins)
    .innerJoin(deputies, eq(deputies.id, receptionSignins.deputyId))
    .where(eq(receptionSignins.sessionId, sessionId))
    .orderBy(asc(receptionSignins.signedAt));
}

export async function insertSignin(db: Executor, sessionId: string, deputyId: string, at: Date) {
  const rows = await db.insert(receptionSignins).values({ sessionId, deputyId, signedAt: at }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export function concernsOf(db: Executor, sessionId: string) {
  return db.select().from(receptionConcerns).where(eq(receptionConcerns.sessionId, sessionId)).orderBy(asc(receptionConcerns.createdAt));
}

export async function insertConcern(db: Executor, row: typeof receptionConcerns.$inferInsert) {
  const [created] = await db.insert(receptionConcerns).values(row).returning({ id: receptionConcerns.id });
  return created!.id;
}

/** Counts seed 002 quotes: sessions, deputies on duty, voters, opinions heard and their outcome. */
export async function figures(db: Executor, scope: Scope, f: { stationId?: string; bodyId?: string; from: string; to: string }) {
  const stationIds = sql`SELECT ${stations.id} FROM ${stations} WHERE ${inScope(stations.bodyId, scope)}
    ${f.bodyId ? sql`AND ${stations.bodyId} = ${f.bodyId}` : sql``} ${f.stationId ? sql`AND ${stations.id} = ${f.stationId}` : sql``}`;
  const where = and(
    eq(receptionSessions.state, 'closed'),
    gte(receptionSessions.heldOn, f.from),
    lte(receptionSessions.heldOn, f.to),
    sql`${receptionSessions.stationId} IN (${stationIds})`,
  );
  const [row] = await db
    .select({
      sessions: sql<number>`count(*)::int`,
      voters: sql<number>`coalesce(sum(${receptionSessions.votersReceived}), 0)::int`,
      deputyVisits: sql<number>`coalesce(sum((SELECT count(*) FROM ${receptionSignins} s WHERE s.session_id = reception_sessions.id)), 0)::int`,
      concerns: sql<number>`coalesce(sum((SELECT count(*) FROM ${receptionConcerns} c WHERE c.session_id = reception_sessions.id)), 0)::int`,
      resolved: sql<number>`coalesce(sum((SELECT count(*) FROM ${receptionConcerns} c WHERE c.session_id = reception_sessions.id AND c.resolved_on_site)), 0)::int`,
      opinions: sql<number>`coalesce(sum((SELECT count(*) FROM ${receptionConcerns} c WHERE c.session_id = reception_sessions.id AND c.opinion_id IS NOT NULL)), 0)::int`,
    })
    .from(receptionSessions)
    .where(where);
  return { ...row!, opinionCounts: await opinionCountsOfStations(db, stationIds, f.from, f.to) };
}

/**
 * Receptions, voters received and concerns heard per station in scope (optionally one body's) over a
 * period: the stations with the most receptions first, at most `limit`; a station without any shows zeros.
 */
export async function figuresByStation(db: Executor, scope: Scope, f: { bodyId?: string; from: string; to: string; limit: number }) {
  const sessions = sql<number>`count(${receptionSessions.id})::int`;
  return db
    .select({
      stationId: stations.id,
      name: stations.name,
      sessions,
      votersReceived: sql<number>`coalesce(sum(${receptionSessions.votersReceived}), 0)::int`,
      concerns: sql<number>`coalesce(sum((SELECT count(*) FROM ${receptionConcerns} c WHERE c.session_id = reception_sessions.id)), 0)::int`,
    })
    .from(stations)
    .leftJoin(
      receptionSessions,
      and(
        eq(receptionSessions.stationId, stations.id),
        eq(receptionSessions.state, 'closed'),
        gte(receptionSessions.heldOn, f.from),
        lte(receptionSessions.heldOn, f.to),
      ),
    )
    .where(and(inScope(stations.bodyId, scope), f.bodyId ? eq(stations.bodyId, f.bodyId) : undefined))
    .groupBy(stations.id, stations.name)
    .orderBy(desc(sessions), asc(stations.name))
    .limit(f.limit);
}

/** For the seven ones: concerns heard and resolved at the receptions a deputy signed in to. */
export async function concernsHeardBy(db: Executor, deputyId: string, from: string, to: string) {
  const [row] = await db
    .select({
      heard: sql<number>`count(*)::int`,
      resolved: sql<number>`count(*) FILTER (WHERE ${receptionConcerns.resolvedOnSite})::int`,
    })
    .from(receptionConcerns)
    .innerJoin(receptionSessions, eq(receptionSessions.id, receptionConcerns.sessionId))
    .innerJoin(receptionSignins, and(eq(receptionSignins.sessionId, receptionSessions.id), eq(receptionSignins.deputyId, deputyId)))
    .where(and(eq(receptionSessions.state, 'closed'), gte(receptionSessions.heldOn, from), lte(receptionSessions.heldOn, to)));
  return { heard: row?.heard ?? 0, resolved: row?.resolved ?? 0 };
}

/** Public data only: the station behind a QR code. */
export async function findStationByPublicCode(db: Executor, publicCode: string) {
  const [row] = await db.select().from(stations).where(eq(stations.publicCode, publicCode));
  return row;
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  station: titleColumn(stations.id, stations.name),
  reception_session: titleColumn(receptionSessions.id, receptionSessions.topic),
};
