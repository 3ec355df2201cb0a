import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';

export function findUserByUsername(db: Executor, username: string) {
  return db.query.users.findFirst({ where: eq(users.username, username) });
}

export function findUserById(db: Executor, id: string) {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

export async function setLoginFailures(db: Executor, userId: string, count: number, lockedUntil: Date | null) {
  await db.update(users).set({ failedLoginCount: count, lockedUntil }).where(eq(users.id, userId));
}

/** The user's own new password: it is theirs now, so the mark of one chosen by someone else goes. */
export async function setPasswordHash(db: Executor, userId: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: at, passwordMustChange: false }).where(eq(users.id, userId));
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Executor, userId: string, opts: { except?: string } = {}) {
  const keep = opts.except ? ne(sessions.tokenHash, opts.except) : undefined;
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keep));
}
