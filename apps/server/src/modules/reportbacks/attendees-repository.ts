import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { outboxMessages } from '../../db/schema.js';
import { reportBackAttendees } from './tables.js';

// Rating by registered attendees (评议码).
/** The attendees of an event with the state of the SMS that sent each their code (never its text). */
export async function attendeesOf(db: Executor, reportBackId: string, attendeeId?: string) {
  return db
    .select({ attendee: reportBackAttendees, smsStatus: outboxMessages.status, smsQueuedAt: outboxMessages.createdAt })
    .from(reportBackAttendees)
    .leftJoin(outboxMessages, eq(outboxMessages.id, reportBackAttendees.smsMessageId))
    .where(and(eq(reportBackAttendees.reportBackId, reportBackId), attendeeId ? eq(reportBackAttendees.id, attendeeId) : undefined))
    .orderBy(asc(reportBackAttendees.createdAt), asc(reportBackAttendees.id));
}
export type AttendeeRow = Awaited<ReturnType<typeof attendeesOf>>[number];

/** The phone the attendee's last code SMS went to: only the outbox row holds the full number. */
export async function smsRecipientOf(db: Executor, attendeeId: string) {
  const [row] = await db
    .select({ recipient: outboxMessages.recipient })
    .from(reportBackAttendees)
    .innerJoin(outboxMessages, eq(outboxMessages.id, reportBackAttendees.smsMessageId))
    .where(eq(reportBackAttendees.id, attendeeId));
  return row?.recipient ?? null;
}

export async function setAttendeeSms(db: Executor, attendeeId: string, messageId: string) {
  await db.update(reportBackAttendees).set({ smsMessageId: messageId }).where(eq(reportBackAttendees.id, attendeeId));
}

/** Registered and used codes per event. */
export async function attendeeCounts(db: Executor, ids: string[]) {
  const out = new Map<string, { registered: number; used: number }>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: reportBackAttendees.reportBackId,
      registered: count(),
      used: sql<number>`count(${reportBackAttendees.usedAt})::int`,
    })
    .from(reportBackAttendees)
    .where(inArray(reportBackAttendees.reportBackId, ids))
    .groupBy(reportBackAttendees.reportBackId);
  for (const r of rows) out.set(r.id, { registered: Number(r.registered), used: Number(r.used) });
  return out;
}

/** Inserts the attendees; a phone already registered at the event is skipped. Returns the rows inserted. */
export async function insertAttendees(db: Executor, rows: (typeof reportBackAttendees.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(reportBackAttendees).values(rows).onConflictDoNothing().returning();
}

/** Marks an unused code of the event as used; false when there is no such code or it was used. */
export async function useAttendeeCode(db: Executor, reportBackId: string, code: string, at: Date): Promise<boolean> {
  const used = await db
    .update(reportBackAttendees)
    .set({ usedAt: at })
    .where(and(eq(reportBackAttendees.reportBackId, reportBackId), eq(reportBackAttendees.code, code), isNull(reportBackAttendees.usedAt)))
    .returning({ id: reportBackAttendees.id });
  return used.length === 1;
}

export async function attendeeCodeExists(db: Executor, reportBackId: string, code: string) {
  const [row] = await db
    .select({ id: reportBackAttendees.id })
    .from(reportBackAttendees)
    .where(and(eq(reportBackAttendees.reportBackId, reportBackId), eq(reportBackAttendees.code, code)));
  return !!row;
}
