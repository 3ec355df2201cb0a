import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { bodyAndAncestors, inScope } from '../../platform/scope.js';
import { opinionCategories, opinions } from './tables.js';

// The per-body category dictionaries.

/** The category dictionary in force for a body: its own, else the nearest ancestor's (empty when none has one). */
export async function categoriesInForce(db: Executor, bodyPath: string) {
  const ancestors = bodyAndAncestors(bodyPath).reverse();
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
  await deleteCategories(db, bodyId);
  await db.insert(opinionCategories).values(items.map((item, i) => ({ ...item, bodyId, sortOrder: i })));
}

/** Drops a body's own dictionary, so it follows the nearest ancestor's (or the built-in one) again. */
export async function deleteCategories(db: Executor, bodyId: string) {
  return db.delete(opinionCategories).where(eq(opinionCategories.bodyId, bodyId)).returning({ code: opinionCategories.code });
}

/**
 * Which of these category codes opinions of the body, or of a body below it, carry. One index probe
 * per code and body (opinions_body_category_created_idx), stopping at the first hit.
 */
export async function usedCategoryCodes(db: Executor, bodyPath: string, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db
    .select({ code: sql<string>`c.code` })
    .from(sql`jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb) AS c(code)`)
    .where(sql`EXISTS (SELECT 1 FROM ${opinions} WHERE ${opinions.categoryCode} = c.code AND ${inScope(opinions.bodyId, { bodyPath })})`);
  return new Set(rows.map((r) => r.code));
}

/** The name of the body whose dictionary is in force. */
export async function bodyName(db: Executor, bodyId: string) {
  const [row] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, bodyId));
  return row?.name ?? null;
}
