import { and, desc, eq, inArray, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditEvents, bodies, handlingUnits, keySuggestions, suggestionAssignments, suggestions } from '../../db/schema.js';
import { OPEN_PART_STATES } from './separate.js';

// What the deadline job reads: unscoped on purpose, it runs for every body.

/**
 * Items being handled that have a reply deadline, with their body's path and a key item's supervisor;
 * 分别办理 items are left to `findSeparatePartsBeingHandled` (each part has its own deadline).
 */
export function findItemsWithReplyDue(db: Executor) {
  return db
    .select({ s: suggestions, path: bodies.path, supervisorUserId: keySuggestions.supervisorUserId })
    .from(suggestions)
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .leftJoin(keySuggestions, eq(keySuggestions.suggestionId, suggestions.id))
    .where(
      and(
        inArray(suggestions.state, ['handling', 'rehandling']),
        sql`${suggestions.dueAt} IS NOT NULL`,
        ne(suggestions.handlingMode, 'separate'),
      ),
    );
}

/** 分别办理 parts signed for and not yet answered, with their item, unit, body path and a key item's supervisor. */
export function findSeparatePartsBeingHandled(db: Executor) {
  return db
    .select({
      a: suggestionAssignments,
      s: suggestions,
      unitName: handlingUnits.name,
      path: bodies.path,
      supervisorUserId: keySuggestions.supervisorUserId,
    })
    .from(suggestionAssignments)
    .innerJoin(suggestions, eq(suggestions.id, suggestionAssignments.suggestionId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionAssignments.unitId))
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .leftJoin(keySuggestions, eq(keySuggestions.suggestionId, suggestions.id))
    .where(
      and(
        eq(suggestionAssignments.role, 'separate'),
        eq(suggestionAssignments.state, 'signed_for'),
        inArray(suggestions.state, ['handling', 'rehandling']),
      ),
    );
}

/** Assignments with their suggestion, unit name and body path. */
function assignmentsWhere(db: Executor, condition: SQL) {
  return db
    .select({ a: suggestionAssignments, s: suggestions, unitName: handlingUnits.name, path: bodies.path })
    .from(suggestionAssignments)
    .innerJoin(suggestions, eq(suggestions.id, suggestionAssignments.suggestionId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionAssignments.unitId))
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .where(condition);
}

/** Assignments not signed for by their deadline and not yet reported (the decision note marks a report). */
export const findUnsignedPastDue = (db: Executor, now: Date) =>
  assignmentsWhere(
    db,
    and(
      eq(suggestionAssignments.state, 'assigned'),
      sql`${suggestionAssignments.signForDueAt} < ${now}`,
      isNull(suggestionAssignments.decisionNote),
    )!,
  );

/** Joint units (会办) whose opinion is past its own deadline while the item is handled, not yet reported. */
export const findLateJointOpinions = (db: Executor, now: Date) =>
  assignmentsWhere(
    db,
    and(
      eq(suggestionAssignments.role, 'joint'),
      inArray(suggestionAssignments.state, ['assigned', 'signed_for']),
      inArray(suggestions.state, ['handling', 'rehandling']),
      sql`${suggestionAssignments.dueAt} < ${now}`,
      isNull(suggestionAssignments.overdueReportedAt),
    )!,
  );

/**
 * Assignments still owing what `column` is the deadline of, due on or after `after`, of items not closed,
 * with the body's path: for the calendar's recount (calendar-recount.ts). A unit owes its signature while
 * the assignment is `assigned`, and its answer (a joint unit its opinion) while it is open.
 */
export const findOpenAssignmentsDueFrom = (db: Executor, column: 'signForDueAt' | 'dueAt', after: Date) =>
  assignmentsWhere(
    db,
    and(
      column === 'signForDueAt' ? eq(suggestionAssignments.state, 'assigned') : inArray(suggestionAssignments.state, OPEN_PART_STATES),
      notInArray(suggestions.state, ['closed', 'merged']),
      sql`${suggestionAssignments[column]} >= ${after}`,
    )!,
  );

/**
 * When a unit's current re-handling round began: the item's latest reopening (staff, or the system after
 * the lead deputy's dissatisfaction) or, for a 分别办理 part, the deputy's dissatisfied rating of that unit's
 * reply, which sends only that part back. Read from the item's audit trail, which is also its timeline.
 */
export async function latestReopening(db: Executor, suggestionId: string, unitId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, 'suggestion'),
        eq(auditEvents.entityId, suggestionId),
        or(
          eq(auditEvents.action, 'reopen'),
          and(
            eq(auditEvents.action, 'rate'),
            sql`${auditEvents.after}->>'unitId' = ${unitId}`,
            sql`${auditEvents.after}->>'rating' = 'dissatisfied'`,
          ),
        ),
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(1);
  return row?.at ?? null;
}
