import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, suggestionSettings } from '../../db/schema.js';
import { bodyAndAncestors } from '../../platform/scope.js';

/** The settings row in force for a body: its own, else the nearest body above it that has one. */
export async function settingsInForce(db: Executor, bodyPath: string) {
  const ancestors = bodyAndAncestors(bodyPath).reverse();
  const rows = await db
    .select({ s: suggestionSettings, bodyName: bodies.name })
    .from(suggestionSettings)
    .innerJoin(bodies, eq(bodies.id, suggestionSettings.bodyId))
    .where(inArray(suggestionSettings.bodyId, ancestors));
  for (const id of ancestors) {
    const row = rows.find((r) => r.s.bodyId === id);
    if (row) return row;
  }
  return undefined;
}

export async function upsertSettings(db: Executor, row: typeof suggestionSettings.$inferInsert) {
  await db.insert(suggestionSettings).values(row).onConflictDoUpdate({ target: suggestionSettings.bodyId, set: row });
}

export async function bodyPath(db: Executor, bodyId: string) {
  const [row] = await db.select({ path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return row?.path;
}
