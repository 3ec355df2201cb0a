import { and, asc, count, eq, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, regions } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likePrefix, type Scope } from '../../platform/scope.js';
import { deputies, deputyGroupMembers, deputyGroups, gridCellDeputies, gridCells } from './tables.js';

// ---- groups ----
export interface GroupFilter {
  page: number;
  pageSize: number;
  bodyId?: string | undefined;
  term?: string | undefined;
  kind?: string | undefined;
}

const leader = sql<string | null>`(SELECT ${deputies.name} FROM ${deputies} WHERE ${deputies.id} = ${deputyGroups.leaderId})`;
const groupColumns = {
  group: deputyGroups,
  bodyName: bodies.name,
  regionName: regions.name,
  leaderName: leader,
  memberCount: sql<number>`(SELECT count(*)::int FROM ${deputyGroupMembers} WHERE ${deputyGroupMembers.groupId} = ${deputyGroups.id})`,
};
export type GroupRow = {
  group: typeof deputyGroups.$inferSelect;
  bodyName: string;
  regionName: string | null;
  leaderName: string | null;
  memberCount: number;
};

export async function pageGroups(db: Executor, scope: Scope, f: GroupFilter) {
  const where = and(
    inScope(deputyGroups.bodyId, scope),
    f.bodyId ? eq(deputyGroups.bodyId, f.bodyId) : undefined,
    f.term ? eq(deputyGroups.term, f.term) : undefined,
    f.kind ? eq(deputyGroups.kind, f.kind) : undefined,
  );
  const { rows, total } = await readPage(
    db
      .select(groupColumns)
      .from(deputyGroups)
      .innerJoin(bodies, eq(bodies.id, deputyGroups.bodyId))
      .leftJoin(regions, eq(regions.code, deputyGroups.regionCode))
      .where(where)
      .orderBy(asc(deputyGroups.kind), asc(deputyGroups.name)),
    db.select({ total: count() }).from(deputyGroups).where(where),
    f,
  );
  return { rows: rows as GroupRow[], total };
}

export async function getGroup(db: Executor, scope: Scope, id: string): Promise<GroupRow | undefined> {
  const [row] = await db
    .select(groupColumns)
    .from(deputyGroups)
    .innerJoin(bodies, eq(bodies.id, deputyGroups.bodyId))
    .leftJoin(regions, eq(regions.code, deputyGroups.regionCode))
    .where(and(eq(deputyGroups.id, id), inScope(deputyGroups.bodyId, scope)));
  return row as GroupRow | undefined;
}

export function groupMembers(db: Executor, groupId: string) {
  return db
    .select({ id: deputies.id, name: deputies.name, employer: deputies.employer })
    .from(deputyGroupMembers)
    .innerJoin(deputies, eq(deputies.id, deputyGroupMembers.deputyId))
    .where(eq(deputyGroupMembers.groupId, groupId))
    .orderBy(asc(deputies.name));
}

export async function insertGroup(db: Executor, row: typeof deputyGroups.$inferInsert) {
  const [created] = await db.insert(deputyGroups).values(row).returning({ id: deputyGroups.id });
  return created!.id;
}

export async function updateGroup(db: Executor, id: string, patch: Partial<typeof deputyGroups.$inferInsert>) {
  await db.update(deputyGroups).set(patch).where(eq(deputyGroups.id, id));
}

export async function deleteGroup(db: Executor, id: string) {
  await db.delete(deputyGroups).where(eq(deputyGroups.id, id));
}

export async function replaceMembers(db: Executor, groupId: string, kind: string, deputyIds: string[]) {
  await db.delete(deputyGroupMembers).where(eq(deputyGroupMembers.groupId, groupId));
  if (deputyIds.length) await db.insert(deputyGroupMembers).values(deputyIds.map((deputyId) => ({ groupId, deputyId, groupKind: kind })));
}

/** Deputies among `deputyIds` who already sit in another region group (one region group per deputy). */
export function inOtherRegionGroup(db: Executor, groupId: string, deputyIds: string[]) {
  if (deputyIds.length === 0) return Promise.resolve([]);
  return db
    .select({ deputyId: deputyGroupMembers.deputyId, name: deputies.name, groupName: deputyGroups.name })
    .from(deputyGroupMembers)
    .innerJoin(deputyGroups, eq(deputyGroups.id, deputyGroupMembers.groupId))
    .innerJoin(deputies, eq(deputies.id, deputyGroupMembers.deputyId))
    .where(
      and(
        inArray(deputyGroupMembers.deputyId, deputyIds),
        eq(deputyGroupMembers.groupKind, 'region'),
        sql`${deputyGroupMembers.groupId} <> ${groupId}`,
      ),
    );
}

export function groupsOfDeputy(db: Executor, deputyId: string) {
  return db
    .select({ id: deputyGroups.id, name: deputyGroups.name, kind: deputyGroups.kind, leaderId: deputyGroups.leaderId })
    .from(deputyGroupMembers)
    .innerJoin(deputyGroups, eq(deputyGroups.id, deputyGroupMembers.groupId))
    .where(eq(deputyGroupMembers.deputyId, deputyId))
    .orderBy(asc(deputyGroups.kind), asc(deputyGroups.name));
}

export async function findRegion(db: Executor, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

// ---- grid cells ----
export async function pageGridCells(
  db: Executor,
  scope: Scope,
  f: { page: number; pageSize: number; bodyId?: string | undefined; townshipCode?: string | undefined },
) {
  const where = and(
    inScope(gridCells.bodyId, scope),
    f.bodyId ? eq(gridCells.bodyId, f.bodyId) : undefined,
    f.townshipCode ? like(gridCells.regionCode, likePrefix(f.townshipCode)) : undefined,
  );
  const township = sql<string | null>`(SELECT t.name FROM ${regions} t WHERE t.code = ${regions.parentCode})`;
  const { rows, total } = await readPage(
    db
      .select({ cell: gridCells, townshipName: township })
      .from(gridCells)
      .innerJoin(regions, eq(regions.code, gridCells.regionCode))
      .where(where)
      .orderBy(asc(gridCells.regionCode)),
    db.select({ total: count() }).from(gridCells).where(where),
    f,
  );
  return { rows, total };
}

export async function getGridCell(db: Executor, scope: Scope, id: string) {
  const township = sql<string | null>`(SELECT t.name FROM ${regions} t WHERE t.code = ${regions.parentCode})`;
  const [row] = await db
    .select({ cell: gridCells, townshipName: township })
    .from(gridCells)
    .innerJoin(regions, eq(regions.code, gridCells.regionCode))
    .where(and(eq(gridCells.id, id), inScope(gridCells.bodyId, scope)));
  return row;
}

export async function cellDeputies(db: Executor, cellIds: string[]) {
  if (cellIds.length === 0) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .select({ cellId: gridCellDeputies.cellId, id: deputies.id, name: deputies.name })
    .from(gridCellDeputies)
    .innerJoin(deputies, eq(deputies.id, gridCellDeputies.deputyId))
    .where(inArray(gridCellDeputies.cellId, cellIds))
    .orderBy(asc(deputies.name));
  const map = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) map.set(r.cellId, [...(map.get(r.cellId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

export async function insertGridCell(db: Executor, row: typeof gridCells.$inferInsert) {
  const [created] = await db.insert(gridCells).values(row).returning({ id: gridCells.id });
  return created!.id;
}

export async function replaceCellDeputies(db: Executor, cellId: string, deputyIds: string[]) {
  await db.delete(gridCellDeputies).where(eq(gridCellDeputies.cellId, cellId));
  if (deputyIds.length) await db.insert(gridCellDeputies).values(deputyIds.map((deputyId) => ({ cellId, deputyId })));
}

export function cellsOfDeputy(db: Executor, deputyId: string) {
  return db
    .select({ id: gridCells.id, name: gridCells.name })
    .from(gridCellDeputies)
    .innerJoin(gridCells, eq(gridCells.id, gridCellDeputies.cellId))
    .where(eq(gridCellDeputies.deputyId, deputyId));
}

export async function deleteGridCell(db: Executor, id: string) {
  await db.delete(gridCells).where(eq(gridCells.id, id));
}
