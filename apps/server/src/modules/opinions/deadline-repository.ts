import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { eq } from 'drizzle-orm';
import { overdueCondition } from './inbox-repository.js';
import { opinions } from './tables.js';
import { runningStatuses } from './workflow.js';

// What the deadline job looks for: items to remind and items newly overdue.

/** Running items due within `before` that have not been reminded yet. */
export function findDueForReminder(db: Executor, now: Date, before: Date, limit: number) {
  return db
    .select({ opinion: opinions, bodyPath: bodies.path })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .where(
      and(
        inArray(opinions.status, [...runningStatuses]),
        sql`${opinions.remindedAt} IS NULL`,
        gte(opinions.dueAt, now),
        lt(opinions.dueAt, before),
      ),
    )
    .limit(limit);
}

export function findNewlyOverdue(db: Executor, now: Date, limit: number) {
  return db
    .select({ opinion: opinions, bodyPath: bodies.path })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .where(and(overdueCondition(now), sql`${opinions.overdueAt} IS NULL`))
    .limit(limit);
}

/** Running items due on or after an instant, with their body's path: the calendar's recount looks at these. */
export function findRunningDueFrom(db: Executor, from: Date) {
  return db
    .select({ opinion: opinions, bodyPath: bodies.path })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .where(and(inArray(opinions.status, [...runningStatuses]), gte(opinions.dueAt, from)));
}
