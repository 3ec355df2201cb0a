import type { Role } from '@renda/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { bodies, users } from '../db/schema.js';
import { bodyAndAncestors } from './scope.js';

/**
 * Who hears about a change: the one place that answers "the staff of this body", "the people of
 * this handling unit" or "the leaders above it". Only active accounts are notified.
 */
export interface Recipient {
  id: string;
  name: string;
  phone: string | null;
}

const recipient = { id: users.id, name: users.displayName, phone: users.phone };

/** Users of one role at one body (the staff who triage its items, the leaders who may supervise them). */
export function usersOfBody(db: Executor, bodyId: string, role: Extract<Role, 'staff' | 'leader' | 'admin'>): Promise<Recipient[]> {
  return db
    .select(recipient)
    .from(users)
    .where(and(eq(users.bodyId, bodyId), eq(users.role, role), eq(users.active, true)))
    .orderBy(asc(users.displayName));
}

export const staffOfBody = (db: Executor, bodyId: string) => usersOfBody(db, bodyId, 'staff');
export const leadersOfBody = (db: Executor, bodyId: string) => usersOfBody(db, bodyId, 'leader');

/** The accounts that answer for a handling unit. */
export function usersOfUnit(db: Executor, unitId: string): Promise<Recipient[]> {
  return db
    .select(recipient)
    .from(users)
    .where(and(eq(users.handlingUnitId, unitId), eq(users.role, 'handling_unit'), eq(users.active, true)))
    .orderBy(asc(users.displayName));
}

/** Users of a role at the body and every body above it: whoever in the tree may act on the body's items. */
export async function usersAbove(db: Executor, bodyId: string, role: Extract<Role, 'staff' | 'leader'>): Promise<Recipient[]> {
  const [body] = await db.select({ path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return usersAboveByPath(db, body?.path ?? `/${bodyId}/`, role);
}

/** The same, for a caller that already holds the body's path. */
export function usersAboveByPath(db: Executor, bodyPath: string, role: Extract<Role, 'staff' | 'leader'>): Promise<Recipient[]> {
  return db
    .select(recipient)
    .from(users)
    .where(and(inArray(users.bodyId, bodyAndAncestors(bodyPath)), eq(users.role, role), eq(users.active, true)))
    .orderBy(asc(users.displayName));
}
