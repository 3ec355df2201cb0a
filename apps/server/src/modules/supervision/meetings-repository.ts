import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/context.js';
import { inScope } from '../../platform/scope.js';
import { jointMeetingDecisions, jointMeetings } from './tables.js';

export type MeetingRow = typeof jointMeetings.$inferSelect;

export async function insertMeeting(db: Executor, row: typeof jointMeetings.$inferInsert) {
  const [created] = await db.insert(jointMeetings).values(row).returning();
  return created!;
}

export async function getMeeting(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(jointMeetings)
    .where(and(eq(jointMeetings.id, id), inScope(jointMeetings.bodyId, actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export const listMeetings = (db: Executor, actor: Actor) =>
  db
    .select()
    .from(jointMeetings)
    .where(inScope(jointMeetings.bodyId, actor))
    .orderBy(desc(jointMeetings.heldOn), desc(jointMeetings.id))
    .limit(100);

export function decisionsOf(db: Executor, meetingIds: string[]) {
  if (!meetingIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(jointMeetingDecisions)
    .where(inArray(jointMeetingDecisions.meetingId, meetingIds))
    .orderBy(asc(jointMeetingDecisions.dueOn), asc(jointMeetingDecisions.id));
}

export async function insertDecision(db: Executor, row: typeof jointMeetingDecisions.$inferInsert) {
  const [created] = await db.insert(jointMeetingDecisions).values(row).returning();
  return created!;
}

export async function completeDecision(db: Executor, meetingId: string, decisionId: string, at: Date) {
  const [row] = await db
    .update(jointMeetingDecisions)
    .set({ done: true, doneAt: at })
    .where(
      and(eq(jointMeetingDecisions.id, decisionId), eq(jointMeetingDecisions.meetingId, meetingId), eq(jointMeetingDecisions.done, false)),
    )
    .returning();
  return row;
}
