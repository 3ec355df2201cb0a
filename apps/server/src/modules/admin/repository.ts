import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { HandlingUnitKind, PageQuery, Role } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { bodies, handlingUnits, regions, users } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likeContains, pathInScope, type Scope } from '../../platform/scope.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

// ---- regions (public reference data) ----
export function findRegionChildren(db: Executor, parentCode: string | null) {
  return db
    .select()
    .from(regions)
    .where(parentCode ? eq(regions.parentCode, parentCode) : sql`${regions.parentCode} IS NULL`)
    .orderBy(asc(regions.code));
}

export function findRegion(db: Executor, code: string) {
  return db.query.regions.findFirst({ where: eq(regions.code, code) });
}

// ---- bodies ----
export function listBodies(db: Executor, scope: Scope) {
  return db
    .select({ body: bodies, regionName: regions.name })
    .from(bodies)
    .leftJoin(regions, eq(regions.code, bodies.regionCode))
    .where(pathInScope(bodies.path, scope))
    .orderBy(asc(bodies.path));
}

export async function getBody(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select({ body: bodies, regionName: regions.name })
    .from(bodies)
    .leftJoin(regions, eq(regions.code, bodies.regionCode))
    .where(and(eq(bodies.id, id), pathInScope(bodies.path, scope)));
  return row;
}

export async function insertBody(db: Executor, row: typeof bodies.$inferInsert) {
  const [created] = await db.insert(bodies).values(row).returning();
  return created!;
}

export async function updateBody(db: Executor, id: string, patch: Partial<typeof bodies.$inferInsert>) {
  const [updated] = await db.update(bodies).set(patch).where(eq(bodies.id, id)).returning();
  return updated!;
}

/** Moving a body rewrites the path prefix of everything below it (the subtree is the old path's scope). */
export async function rewriteSubtreePaths(db: Executor, oldPrefix: string, newPrefix: string) {
  await db
    .update(bodies)
    .set({ path: sql`${newPrefix} || substr(${bodies.path}, ${oldPrefix.length + 1})` })
    .where(pathInScope(bodies.path, { bodyPath: oldPrefix }));
}

// ---- handling units ----
export interface HandlingUnitFilter extends PageQuery {
  q?: string | undefined;
  kind?: HandlingUnitKind | undefined;
  bodyId?: string | undefined;
  /** One unit by id: a picker showing the label of a value it has not loaded. */
  id?: string | undefined;
}

const handlingUnitColumns = {
  unit: handlingUnits,
  bodyName: bodies.name,
  userCount: sql<number>`(SELECT count(*)::int FROM ${users} WHERE ${users.handlingUnitId} = ${handlingUnits.id})`,
};

function handlingUnitWhere(scope: Scope, f: Omit<HandlingUnitFilter, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    inScope(handlingUnits.bodyId, scope),
    f.q ? ilike(handlingUnits.name, likeContains(f.q)) : undefined,
    f.kind ? eq(handlingUnits.kind, f.kind) : undefined,
    f.bodyId ? eq(handlingUnits.bodyId, f.bodyId) : undefined,
    f.id ? eq(handlingUnits.id, f.id) : undefined,
  );
}

export async function pageHandlingUnits(db: Executor, scope: Scope, f: HandlingUnitFilter) {
  const where = handlingUnitWhere(scope, f);
  const { rows, total } = await readPage(
    db
      .select(handlingUnitColumns)
      .from(handlingUnits)
      .innerJoin(bodies, eq(bodies.id, handlingUnits.bodyId))
      .where(where)
      .orderBy(asc(handlingUnits.name)),
    db.select({ total: count() }).from(handlingUnits).where(where),
    f,
  );
  return { rows, total };
}

export async function getHandlingUnit(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select(handlingUnitColumns)
    .from(handlingUnits)
    .innerJoin(bodies, eq(bodies.id, handlingUnits.bodyId))
    .where(and(eq(handlingUnits.id, id), inScope(handlingUnits.bodyId, scope)));
  return row;
}

export async function insertHandlingUnit(db: Executor, row: typeof handlingUnits.$inferInsert) {
  const [created] = await db.insert(handlingUnits).values(row).returning({ id: handlingUnits.id });
  return created!.id;
}

export async function updateHandlingUnit(db: Executor, id: string, patch: Partial<typeof handlingUnits.$inferInsert>) {
  await db.update(handlingUnits).set(patch).where(eq(handlingUnits.id, id));
}

// ---- users ----
export interface UserFilter extends PageQuery {
  q?: string | undefined;
  role?: Role | undefined;
  bodyId?: string | undefined;
}

const userColumns = {
  user: users,
  bodyName: bodies.name,
  handlingUnitName: handlingUnits.name,
};

export async function pageUsers(db: Executor, scope: Scope, f: UserFilter) {
  const where = and(
    inScope(users.bodyId, scope),
    f.q ? or(ilike(users.username, likeContains(f.q)), ilike(users.displayName, likeContains(f.q))) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    f.bodyId ? eq(users.bodyId, f.bodyId) : undefined,
  );
  const { rows, total } = await readPage(
    db
      .select(userColumns)
      .from(users)
      .innerJoin(bodies, eq(bodies.id, users.bodyId))
      .leftJoin(handlingUnits, eq(handlingUnits.id, users.handlingUnitId))
      .where(where)
      .orderBy(asc(users.username)),
    db.select({ total: count() }).from(users).where(where),
    f,
  );
  return { rows, total };
}

export async function getUser(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, users.handlingUnitId))
    .where(and(eq(users.id, id), inScope(users.bodyId, scope)));
  return row;
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert) {
  const [created] = await db.insert(users).values(row).returning({ id: users.id });
  return created!.id;
}

export async function updateUser(db: Executor, id: string, patch: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  user: titleColumn(users.id, sql<string>`${users.displayName} || '（' || ${users.username} || '）'`),
  body: titleColumn(bodies.id, bodies.name),
  handling_unit: titleColumn(handlingUnits.id, handlingUnits.name),
};

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return !!row;
}
