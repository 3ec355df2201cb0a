import { count, desc, eq, inArray } from 'drizzle-orm';
import type { VoterRating } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { reportBackRatings } from './tables.js';

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
