import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DeputyQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { bodies, users } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likePrefix, type Scope } from '../../platform/scope.js';
import { deputies, deputyGroupMembers, deputyGroups, gridCellDeputies, gridCells, dutyRecords } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type DeputyRow = typeof deputies.$inferSelect;
export interface DeputyWithBody {
  deputy: DeputyRow;
  bodyName: string;
  bodyLevel: string;
}

const withBody = { deputy: deputies, bodyName: bodies.name, bodyLevel: bodies.level };

function listWhere(scope: Scope, f: Omit<DeputyQuery, 'page' | 'pageSize' | 'sort' | 'order'>): SQL | undefined {
  return and(
    inScope(deputies.bodyId, scope),
    f.q ? sql`${deputies.name} COLLATE "C" LIKE ${likePrefix(f.q)}` : undefined,
    f.bodyId ? eq(deputies.bodyId, f.bodyId) : undefined,
    f.level ? sql`${deputies.bodyId} IN (SELECT ${bodies.id} FROM ${bodies} WHERE ${bodies.level} = ${f.level})` : undefined,
    f.term ? eq(deputies.term, f.term) : undefined,
    f.status ? eq(deputies.status, f.status) : undefined,
    f.groupId
      ? sql`${deputies.id} IN (SELECT ${deputyGroupMembers.deputyId} FROM ${deputyGroupMembers} WHERE ${deputyGroupMembers.groupId} = ${f.groupId})`
      : undefined,
    f.gridCellId
      ? sql`${deputies.id} IN (SELECT ${gridCellDeputies.deputyId} FROM ${gridCellDeputies} WHERE ${gridCellDeputies.cellId} = ${f.gridCellId})`
      : undefined,
  );
}

const sortColumns = { name: sql`${deputies.name} COLLATE "C"`, birthDate: deputies.birthDate, createdAt: deputies.createdAt };

export async function pageDeputies(db: Executor, scope: Scope, f: DeputyQuery) {
  const where = listWhere(scope, f);
  const dir = f.order === 'desc' ? desc : asc;
  const { rows, total } = await readPage(
    db
      .select(withBody)
      .from(deputies)
      .innerJoin(bodies, eq(bodies.id, deputies.bodyId))
      .where(where)
      .orderBy(dir(sortColumns[f.sort]), asc(deputies.id)),
    db.select({ total: count() }).from(deputies).where(where),
    f,
  );
  return { rows, total };
}

/** Every row matching the filters, for the Excel export (capped by the caller). */
export function listDeputies(db: Executor, scope: Scope, f: DeputyQuery, limit: number) {
  return db
    .select(withBody)
    .from(deputies)
    .innerJoin(bodies, eq(bodies.id, deputies.bodyId))
    .where(listWhere(scope, f))
    .orderBy(sql`${deputies.name} COLLATE "C"`, asc(deputies.id))
    .limit(limit);
}

/** Region-group name of each deputy on a page (a deputy is in at most one region group per term). */
export async function regionGroupNames(db: Executor, deputyIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < deputyIds.length; i += 5000) {
    const rows = await db
      .select({ deputyId: deputyGroupMembers.deputyId, name: deputyGroups.name })
      .from(deputyGroupMembers)
      .innerJoin(deputyGroups, eq(deputyGroups.id, deputyGroupMembers.groupId))
      .where(and(inArray(deputyGroupMembers.deputyId, deputyIds.slice(i, i + 5000)), eq(deputyGroupMembers.groupKind, 'region')));
    for (const r of rows) names.set(r.deputyId, r.name);
  }
  return names;
}

export async function getDeputy(db: Executor, scope: Scope, id: string): Promise<DeputyWithBody | undefined> {
  const [row] = await db
    .select(withBody)
    .from(deputies)
    .innerJoin(bodies, eq(bodies.id, deputies.bodyId))
    .where(and(eq(deputies.id, id), inScope(deputies.bodyId, scope)));
  return row;
}

export async function getDeputyByUser(db: Executor, userId: string): Promise<DeputyWithBody | undefined> {
  const [row] = await db
    .select(withBody)
    .from(deputies)
    .innerJoin(bodies, eq(bodies.id, deputies.bodyId))
    .where(eq(deputies.userId, userId))
    .orderBy(desc(deputies.createdAt))
    .limit(1);
  return row;
}

/** Public data only: the deputy behind a QR code, whatever the caller. */
export async function findDeputyByPublicCode(db: Executor, publicCode: string): Promise<DeputyWithBody | undefined> {
  const [row] = await db
    .select(withBody)
    .from(deputies)
    .innerJoin(bodies, eq(bodies.id, deputies.bodyId))
    .where(eq(deputies.publicCode, publicCode));
  return row;
}

/** The deputy's own row, locked until the transaction ends (a status change). */
export async function lockDeputy(db: Executor, scope: Scope, id: string): Promise<DeputyRow | undefined> {
  const [row] = await db
    .select()
    .from(deputies)
    .where(and(eq(deputies.id, id), inScope(deputies.bodyId, scope)))
    .for('update');
  return row;
}

/** Same person at other levels (五级代表联动), visible to the actor. */
export function otherLevels(db: Executor, scope: Scope, deputy: DeputyRow) {
  if (!deputy.personKey) return Promise.resolve([]);
  return db
    .select({ deputyId: deputies.id, bodyName: bodies.name, level: bodies.level, term: deputies.term })
    .from(deputies)
    .innerJoin(bodies, eq(bodies.id, deputies.bodyId))
    .where(and(eq(deputies.personKey, deputy.personKey), ne(deputies.id, deputy.id), inScope(deputies.bodyId, scope)));
}

/** Deputies among `ids` within the actor's scope. */
export function findDeputiesByIds(db: Executor, scope: Scope, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as DeputyRow[]);
  return db
    .select()
    .from(deputies)
    .where(and(inArray(deputies.id, ids), inScope(deputies.bodyId, scope)));
}

export async function existingPersonKeys(db: Executor, bodyId: string, term: string, keys: string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .select({ key: deputies.personKey })
    .from(deputies)
    .where(and(eq(deputies.bodyId, bodyId), eq(deputies.term, term), inArray(deputies.personKey, keys)));
  return new Set(rows.map((r) => r.key!));
}

export async function insertDeputies(db: Executor, rows: (typeof deputies.$inferInsert)[]) {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const created = await db
      .insert(deputies)
      .values(rows.slice(i, i + 500))
      .returning({ id: deputies.id });
    ids.push(...created.map((c) => c.id));
  }
  return ids;
}

export async function updateDeputy(db: Executor, id: string, patch: Partial<typeof deputies.$inferInsert>) {
  await db.update(deputies).set(patch).where(eq(deputies.id, id));
}

export async function findDeputyUser(db: Executor, scope: Scope, userId: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), inScope(users.bodyId, scope)));
  return row;
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  deputy: titleColumn(deputies.id, deputies.name),
  deputy_group: titleColumn(deputyGroups.id, deputyGroups.name),
  grid_cell: titleColumn(gridCells.id, gridCells.name),
  duty_record: titleColumn(dutyRecords.id, dutyRecords.title),
};
