import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, handlingUnits, users } from '../../db/platform-tables.js';

/**
 * 落实任务: one table for the tasks every module hands to a responsible unit with a deadline (a livelihood
 * project's inspection findings, a major matter's implementation, a supervision stage's work, a joint
 * meeting's decisions). The subject (module's item type + id) is not a foreign key: the owning module
 * answers for it through the subject registry.
 */
export const followUpTasks = pgTable(
  'follow_up_tasks',
  {
    id: idColumn(),
    /** The body the subject belongs to: the tenant of the task. */
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    subjectType: varchar('subject_type', { length: 24 }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** What raised it within the subject (an inspection's id, a supervision stage). */
    origin: varchar('origin', { length: 64 }),
    title: text('title').notNull(),
    /** A handling unit with accounts: told of the task and of its being overdue, and reports it done. */
    unitId: uuid('unit_id').references(() => handlingUnits.id),
    /** The unit's name, or the office or person named when there is no unit account. */
    responsible: text('responsible').notNull(),
    dueOn: date('due_on').notNull(),
    /**
     * The number of working days the deadline was counted in from the day the task was set (its
     * created_at), or null for a named date: entering a year of the official calendar counts it again.
     */
    dueWorkingDays: integer('due_working_days'),
    /**
     * Whether staff named the date (true) or a rule counted it (false); null for a task set before this was
     * kept, whose date the recount checks against the rule in force (reminders.ts `followUpDeadlines`).
     */
    dueNamed: boolean('due_named'),
    state: varchar('state', { length: 8 }).notNull().default('open'),
    evidence: text('evidence'),
    doneAt: timestampColumn('done_at'),
    doneBy: uuid('done_by').references(() => users.id),
    doneByName: text('done_by_name'),
    returnReason: text('return_reason'),
    overdueNotifiedAt: timestampColumn('overdue_notified_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('follow_up_tasks_subject_idx').on(t.subjectType, t.subjectId, t.dueOn),
    index('follow_up_tasks_unit_idx').on(t.unitId, t.state),
    index('follow_up_tasks_overdue_idx')
      .on(t.dueOn)
      .where(sql`${t.state} = 'open' AND ${t.overdueNotifiedAt} IS NULL`),
  ],
);
