import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/context.js';
import { inScope } from '../../platform/scope.js';
import { jointMeetings } from './tables.js';

export type MeetingRow = typeof jointMeetings.$inferSelect;

export async function insertMeeting(db: Executor, row: typeof jointMeetings.$inferInsert) {
  const [created] = await db.insert(jointMeetings).values(row).returning();
  return created!;
}

export async function getMeeting(db: Executor, actor: Pick<Actor, 'bodyPath'>, id: string, forUpdate = false) {
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
