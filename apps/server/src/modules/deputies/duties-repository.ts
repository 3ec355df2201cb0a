import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DutyQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { readPage } from '../../platform/pagination.js';
import { inScope } from '../../platform/scope.js';
import { deputies, dutyParticipants, dutyRecords, gridCells } from './tables.js';

type Scope = Pick<Actor, 'bodyPath'>;
export type DutyRow = { record: typeof dutyRecords.$inferSelect; gridCellName: string | null; recordedByName: string | null };

const columns = { record: dutyRecords, gridCellName: gridCells.name, recordedByName: users.displayName };

/** Staff see records of their bodies; `onlyDeputyId` narrows to the records a deputy took part in (a deputy's own view). */
function where(scope: Scope, f: Omit<DutyQuery, 'page' | 'pageSize'>, onlyDeputyId: string | null): SQL | undefined {
  const deputyId = onlyDeputyId ?? f.deputyId;
  return and(
    onlyDeputyId ? undefined : inScope(dutyRecords.bodyId, scope),
    deputyId
      ? sql`${dutyRecords.id} IN (SELECT ${dutyParticipants.recordId} FROM ${dutyParticipants} WHERE ${dutyParticipants.deputyId} = ${deputyId})`
      : undefined,
    f.bodyId ? eq(dutyRecords.bodyId, f.bodyId) : undefined,
    f.kind ? eq(dutyRecords.kind, f.kind) : undefined,
    f.from ? gte(dutyRecords.occurredOn, f.from) : undefined,
    f.to ? lte(dutyRecords.occurredOn, f.to) : undefined,
  );
}

/** The log's rows in the list's order (newest first): one query for the page and the export. */
const orderedDuties = (db: Executor, w: SQL | undefined) =>
  db
    .select(columns)
    .from(dutyRecords)
    .leftJoin(gridCells, eq(gridCells.id, dutyRecords.gridCellId))
    .leftJoin(users, eq(users.id, dutyRecords.recordedBy))
    .where(w)
    .orderBy(desc(dutyRecords.occurredOn), desc(dutyRecords.id));

export async function pageDuties(db: Executor, scope: Scope, f: DutyQuery, onlyDeputyId: string | null) {
  const w = where(scope, f, onlyDeputyId);
  const { rows, total } = await readPage(orderedDuties(db, w), db.select({ total: count() }).from(dutyRecords).where(w), f);
  return { rows: rows as DutyRow[], total };
}

/** Every record matching the list's filters, in its order, for the Excel export (capped by the caller). */
export async function listDuties(db: Executor, scope: Scope, f: DutyQuery, onlyDeputyId: string | null, limit: number) {
  return (await orderedDuties(db, where(scope, f, onlyDeputyId)).limit(limit)) as DutyRow[];
}

export async function getDuty(db: Executor, id: string): Promise<DutyRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(dutyRecords)
    .leftJoin(gridCells, eq(gridCells.id, dutyRecords.gridCellId))
    .leftJoin(users, eq(users.id, dutyRecords.recordedBy))
    .where(eq(dutyRecords.id, id));
  return row as DutyRow | undefined;
}

export async function participantsOf(db: Executor, recordIds: string[]) {
  const map = new Map<string, { id: string; name: string }[]>();
  if (recordIds.length === 0) return map;
  const rows = await db
    .select({ recordId: dutyParticipants.recordId, id: deputies.id, name: deputies.name })
    .from(dutyParticipants)
    .innerJoin(deputies, eq(deputies.id, dutyParticipants.deputyId))
    .where(inArray(dutyParticipants.recordId, recordIds))
    .orderBy(asc(deputies.name));
  for (const r of rows) map.set(r.recordId, [...(map.get(r.recordId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

export async function participantCounts(db: Executor, recordIds: string[]) {
  if (recordIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ recordId: dutyParticipants.recordId, n: count() })
    .from(dutyParticipants)
    .where(inArray(dutyParticipants.recordId, recordIds))
    .groupBy(dutyParticipants.recordId);
  return new Map(rows.map((r) => [r.recordId, r.n]));
}

export async function isParticipant(db: Executor, recordId: string, deputyId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(dutyParticipants)
    .where(and(eq(dutyParticipants.recordId, recordId), eq(dutyParticipants.deputyId, deputyId)));
  return (row?.n ?? 0) > 0;
}

export async function insertDuty(db: Executor, row: typeof dutyRecords.$inferInsert) {
  const [created] = await db.insert(dutyRecords).values(row).returning({ id: dutyRecords.id });
  return created!.id;
}

export async function updateDuty(db: Executor, id: string, patch: Partial<typeof dutyRecords.$inferInsert>) {
  await db.update(dutyRecords).set(patch).where(eq(dutyRecords.id, id));
}

export async function deleteDuty(db: Executor, id: string) {
  await db.delete(dutyRecords).where(eq(dutyRecords.id, id));
}

/** Rewrites the participants with the record's date and kind repeated beside them (see the table). */
export async function setParticipants(
  db: Executor,
  record: { id: string; occurredOn: string; kind: string; gridCellId: string | null },
  deputyIds: string[],
) {
  await db.delete(dutyParticipants).where(eq(dutyParticipants.recordId, record.id));
  if (deputyIds.length)
    await db.insert(dutyParticipants).values(
      deputyIds.map((deputyId) => ({
        recordId: record.id,
        deputyId,
        occurredOn: record.occurredOn,
        kind: record.kind,
        gridCell: record.gridCellId !== null,
      })),
    );
}

/** A deputy's activity counts per kind in a period, read from the participants index alone. */
export async function countsByKind(db: Executor, deputyId: string, from: string, to: string) {
  const rows = await db
    .select({ kind: dutyParticipants.kind, n: count(), inGrid: sql<number>`count(*) FILTER (WHERE ${dutyParticipants.gridCell})::int` })
    .from(dutyParticipants)
    .where(and(eq(dutyParticipants.deputyId, deputyId), gte(dutyParticipants.occurredOn, from), lte(dutyParticipants.occurredOn, to)))
    .groupBy(dutyParticipants.kind);
  return rows;
}

/** Per deputy of a body and term, counts per kind in a period (for ranking). */
export function countsByKindForDeputies(db: Executor, bodyId: string, term: string, from: string, to: string, groupId: string | null) {
  return db.execute<{ deputy_id: string; name: string; kind: string | null; n: number }>(sql`
    SELECT d.id AS deputy_id, d.name, p.kind, count(p.record_id)::int AS n
    FROM deputies d
    LEFT JOIN duty_participants p ON p.deputy_id = d.id AND p.occurred_on BETWEEN ${from} AND ${to}
    WHERE d.body_id = ${bodyId} AND d.term = ${term} AND d.status = 'in_office'
      ${groupId ? sql`AND d.id IN (SELECT deputy_id FROM deputy_group_members WHERE group_id = ${groupId})` : sql``}
    GROUP BY d.id, d.name, p.kind`);
}

export async function votersReceived(db: Executor, deputyId: string, from: string, to: string) {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${dutyRecords.votersReceived}), 0)::int` })
    .from(dutyParticipants)
    .innerJoin(dutyRecords, eq(dutyRecords.id, dutyParticipants.recordId))
    .where(and(eq(dutyParticipants.deputyId, deputyId), gte(dutyParticipants.occurredOn, from), lte(dutyParticipants.occurredOn, to)));
  return row?.n ?? 0;
}

/** Records of a deputy in a period, newest first, for the performance file. */
export async function recordsOfDeputy(db: Executor, deputyId: string, from: string, to: string, limit: number) {
  const rows = await db
    .select(columns)
    .from(dutyParticipants)
    .innerJoin(dutyRecords, eq(dutyRecords.id, dutyParticipants.recordId))
    .leftJoin(gridCells, eq(gridCells.id, dutyRecords.gridCellId))
    .leftJoin(users, eq(users.id, dutyRecords.recordedBy))
    .where(and(eq(dutyParticipants.deputyId, deputyId), gte(dutyParticipants.occurredOn, from), lte(dutyParticipants.occurredOn, to)))
    .orderBy(desc(dutyParticipants.occurredOn), desc(dutyParticipants.recordId))
    .limit(limit);
  return rows as DutyRow[];
}
