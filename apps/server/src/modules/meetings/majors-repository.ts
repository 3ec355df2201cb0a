import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { offsetOf } from '../../platform/pagination.js';
import { inScope, type Scope } from '../../platform/scope.js';
import { majorMatters, meetings } from './tables.js';

export type MatterRecord = typeof majorMatters.$inferSelect;
export type MatterRow = { matter: MatterRecord; bodyName: string; meetingTitle: string | null };

const matterSelect = (db: Executor) =>
  db
    .select({ matter: majorMatters, bodyName: bodies.name, meetingTitle: meetings.title })
    .from(majorMatters)
    .innerJoin(bodies, eq(bodies.id, majorMatters.bodyId))
    .leftJoin(meetings, eq(meetings.id, majorMatters.meetingId));

export async function pageMatters(db: Executor, scope: Scope, f: { state?: string | undefined; page: number; pageSize: number }) {
  const where = and(inScope(majorMatters.bodyId, scope), f.state ? eq(majorMatters.state, f.state) : undefined);
  const rows = await matterSelect(db)
    .where(where)
    .orderBy(desc(majorMatters.createdAt), desc(majorMatters.id))
    .limit(f.pageSize)
    .offset(offsetOf(f));
  const [total] = await db.select({ total: count() }).from(majorMatters).where(where);
  return { rows, total: total?.total ?? 0 };
}

export async function getMatter(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<MatterRow | undefined> {
  const query = matterSelect(db).where(and(eq(majorMatters.id, id), inScope(majorMatters.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: majorMatters }) : await query;
  return row;
}

export async function matterOfItem(db: Executor, agendaItemId: string) {
  const [row] = await db.select().from(majorMatters).where(eq(majorMatters.agendaItemId, agendaItemId));
  return row;
}

export async function insertMatter(db: Executor, values: typeof majorMatters.$inferInsert) {
  const [row] = await db.insert(majorMatters).values(values).returning({ id: majorMatters.id });
  return row!.id;
}

export async function updateMatter(db: Executor, id: string, patch: Partial<MatterRecord>) {
  const [row] = await db.update(majorMatters).set(patch).where(eq(majorMatters.id, id)).returning();
  return row!;
}
