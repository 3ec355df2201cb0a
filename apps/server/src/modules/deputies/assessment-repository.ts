import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { assessmentResults, assessmentWeights } from './tables.js';

/** The weights set by any of these bodies (a body and its ancestors). */
export function weightsOfBodies(db: Executor, bodyIds: string[]) {
  return db.select().from(assessmentWeights).where(inArray(assessmentWeights.bodyId, bodyIds));
}

/** Replaces a body's own weights. */
export async function replaceWeights(db: Executor, bodyId: string, rows: Omit<typeof assessmentWeights.$inferInsert, 'bodyId'>[]) {
  await db.delete(assessmentWeights).where(eq(assessmentWeights.bodyId, bodyId));
  await db.insert(assessmentWeights).values(rows.map((r) => ({ ...r, bodyId })));
}

/** Replaces the published results of these deputies for a body's year. */
export async function replaceResults(db: Executor, bodyId: string, year: number, rows: (typeof assessmentResults.$inferInsert)[]) {
  await db.delete(assessmentResults).where(
    and(
      eq(assessmentResults.bodyId, bodyId),
      eq(assessmentResults.year, year),
      inArray(
        assessmentResults.deputyId,
        rows.map((r) => r.deputyId),
      ),
    ),
  );
  await db.insert(assessmentResults).values(rows);
}

export async function publishedResultOf(db: Executor, deputyId: string, year: number) {
  const [row] = await db
    .select()
    .from(assessmentResults)
    .where(and(eq(assessmentResults.deputyId, deputyId), eq(assessmentResults.year, year)));
  return row;
}

/** The materialised path of a deputy's body (the caller has checked scope). */
export async function bodyPathOf(db: Executor, bodyId: string) {
  const [row] = await db.select({ path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return row!.path;
}
