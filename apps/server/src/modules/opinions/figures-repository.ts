import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { readPage } from '../../platform/pagination.js';
import { withinChinaDates } from '../../platform/periods.js';
import { stations } from '../stations/tables.js';
import { opinions } from './tables.js';

// What the opinions add to the stations' figures and the deputies' records.

/** The citizen rated the answer 满意 or 基本满意: the problem counts as solved for them. */
const solvedForCitizen = sql`${opinions.rating} IN ('satisfied', 'basically_satisfied')`;
/** A duplicate merged into another counts once, as the one it was merged into. */
const notMerged = sql`${opinions.status} <> 'merged'`;

/** Opinions matching `which` in a period of China dates, those whose reply the citizen has seen, and those solved. */
async function outcomeCounts(db: Executor, which: SQL, from: string, to: string) {
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      replied: sql<number>`count(*) FILTER (WHERE ${opinions.replyApprovedAt} IS NOT NULL)::int`,
      solved: sql<number>`count(*) FILTER (WHERE ${solvedForCitizen})::int`,
    })
    .from(opinions)
    .where(and(which, notMerged, withinChinaDates(opinions.createdAt, from, to)));
  return { received: row?.received ?? 0, replied: row?.replied ?? 0, solved: row?.solved ?? 0 };
}

/** The opinions of some stations (through their QR codes and from their receptions). */
export const countOfStations = (db: Executor, stationIds: SQL, from: string, to: string) =>
  outcomeCounts(db, sql`${opinions.stationId} IN (${stationIds})`, from, to);

/** The opinions a deputy received (through their QR code, or taken up by them at triage). */
export const countReceivedByDeputy = (db: Executor, deputyId: string, from: string, to: string) =>
  outcomeCounts(db, eq(opinions.deputyId, deputyId), from, to);

/** The opinions a deputy received, newest first, with the station they came through. */
export async function pageReceivedByDeputy(db: Executor, deputyId: string, page: number, pageSize: number) {
  const where = and(eq(opinions.deputyId, deputyId), notMerged);
  return readPage(
    db
      .select({ o: opinions, stationName: stations.name })
      .from(opinions)
      .leftJoin(stations, eq(stations.id, opinions.stationId))
      .where(where)
      .orderBy(sql`${opinions.createdAt} DESC`, sql`${opinions.id} DESC`),
    db.select({ total: count() }).from(opinions).where(where),
    { page, pageSize },
  );
}
