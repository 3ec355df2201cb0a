import { and, asc, eq, gte, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { followUpTasks } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type TaskRow = typeof followUpTasks.$inferSelect;
export type NewTask = typeof followUpTasks.$inferInsert;

export async function bodyPath(db: Executor, bodyId: string) {
  const [row] = await db.select({ path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return row?.path ?? `/${bodyId}/`;
}

/** The tasks of one item, earliest deadline first; only one unit's when `unitId` is given. */
export function tasksOfSubject(db: Executor, subjectType: string, subjectId: string, unitId?: string) {
  return db
    .select()
    .from(followUpTasks)
    .where(
      and(
        eq(followUpTasks.subjectType, subjectType),
        eq(followUpTasks.subjectId, subjectId),
        unitId ? eq(followUpTasks.unitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(followUpTasks.dueOn), asc(followUpTasks.createdAt), asc(followUpTasks.id));
}

export async function getTask(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(followUpTasks).where(eq(followUpTasks.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertTasks(db: Executor, rows: NewTask[]) {
  return rows.length ? db.insert(followUpTasks).values(rows).returning() : [];
}

export async function updateTask(db: Executor, id: string, patch: Partial<TaskRow>) {
  const [row] = await db.update(followUpTasks).set(patch).where(eq(followUpTasks.id, id)).returning();
  return row!;
}

/** Open tasks whose deadline passed before `today` and whose people have not been told yet. */
export function overdueUnnotified(db: Executor, today: string) {
  return db
    .select()
    .from(followUpTasks)
    .where(and(eq(followUpTasks.state, 'open'), isNull(followUpTasks.overdueNotifiedAt), lt(followUpTasks.dueOn, today)))
    .orderBy(asc(followUpTasks.dueOn), asc(followUpTasks.id));
}

/** Marks the reminder sent; false when another run got there first (the mark is the once-only guard). */
export async function markNotified(db: Executor, id: string, at: Date) {
  const rows = await db
    .update(followUpTasks)
    .set({ overdueNotifiedAt: at })
    .where(and(eq(followUpTasks.id, id), isNull(followUpTasks.overdueNotifiedAt), eq(followUpTasks.state, 'open')))
    .returning({ id: followUpTasks.id });
  return rows.length > 0;
}

/** Open tasks due on or after a date counted in working days, or set before the table kept whether a date was named: the calendar's recount looks at these. */
export function openWorkingDayTasks(db: Executor, from: string) {
  return db
    .select({ task: followUpTasks, bodyPath: bodies.path })
    .from(followUpTasks)
    .innerJoin(bodies, eq(bodies.id, followUpTasks.bodyId))
    .where(
      and(
        eq(followUpTasks.state, 'open'),
        or(isNotNull(followUpTasks.dueWorkingDays), isNull(followUpTasks.dueNamed)),
        gte(followUpTasks.dueOn, from),
      ),
    );
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  follow_up_task: titleColumn(followUpTasks.id, followUpTasks.title),
};
