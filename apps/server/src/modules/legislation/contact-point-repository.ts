import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies, users } from '../../db/schema.js';
import { inScope, pathInScope, type Scope } from '../../platform/scope.js';
import { legislationContactPointMembers, legislationContactPoints } from './tables.js';

/** 基层立法联系点 and the accounts that enter their comments. */

export type ContactPointRecord = typeof legislationContactPoints.$inferSelect;
export type ContactPointRow = { point: ContactPointRecord; bodyName: string };

const pointSelect = (db: Executor) =>
  db
    .select({ point: legislationContactPoints, bodyName: bodies.name })
    .from(legislationContactPoints)
    .innerJoin(bodies, eq(bodies.id, legislationContactPoints.bodyId));

export async function listPoints(db: Executor, scope: Scope) {
  return (await pointSelect(db)
    .where(inScope(legislationContactPoints.bodyId, scope))
    .orderBy(asc(legislationContactPoints.name))) as ContactPointRow[];
}

export async function getPoint(db: Executor, scope: Scope, id: string): Promise<ContactPointRow | undefined> {
  const [row] = await pointSelect(db).where(and(eq(legislationContactPoints.id, id), inScope(legislationContactPoints.bodyId, scope)));
  return row as ContactPointRow | undefined;
}

export async function pointsByIds(db: Executor, scope: Scope, ids: string[]) {
  if (!ids.length) return [];
  return (await pointSelect(db).where(
    and(inArray(legislationContactPoints.id, ids), inScope(legislationContactPoints.bodyId, scope)),
  )) as ContactPointRow[];
}

/** The contact points an account is a member of (whatever its body: membership is the access). */
export async function pointsOfMember(db: Executor, userId: string) {
  return (await pointSelect(db)
    .innerJoin(legislationContactPointMembers, eq(legislationContactPointMembers.contactPointId, legislationContactPoints.id))
    .where(eq(legislationContactPointMembers.userId, userId))
    .orderBy(asc(legislationContactPoints.name))) as ContactPointRow[];
}

export async function insertPoint(db: Executor, row: typeof legislationContactPoints.$inferInsert) {
  const [created] = await db.insert(legislationContactPoints).values(row).returning({ id: legislationContactPoints.id });
  return created!.id;
}

export async function updatePoint(db: Executor, id: string, patch: Partial<typeof legislationContactPoints.$inferInsert>) {
  await db.update(legislationContactPoints).set(patch).where(eq(legislationContactPoints.id, id));
}

export async function setMembers(db: Executor, pointId: string, userIds: string[]) {
  await db.delete(legislationContactPointMembers).where(eq(legislationContactPointMembers.contactPointId, pointId));
  if (userIds.length)
    await db.insert(legislationContactPointMembers).values(userIds.map((userId) => ({ contactPointId: pointId, userId })));
}

export async function membersOf(db: Executor, pointIds: string[]) {
  if (!pointIds.length) return [];
  return db
    .select({
      contactPointId: legislationContactPointMembers.contactPointId,
      id: users.id,
      displayName: users.displayName,
      bodyName: bodies.name,
    })
    .from(legislationContactPointMembers)
    .innerJoin(users, eq(users.id, legislationContactPointMembers.userId))
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .where(inArray(legislationContactPointMembers.contactPointId, pointIds))
    .orderBy(asc(users.displayName));
}

/** Accounts that may be members: active staff of the point's body or a body below it. */
export async function eligibleMembers(db: Executor, bodyPath: string, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .where(and(inArray(users.id, userIds), eq(users.role, 'staff'), eq(users.active, true), pathInScope(bodies.path, { bodyPath })));
}

/** Active staff accounts of the bodies the actor sees: who may be made a point's member. */
export async function staffInScope(db: Executor, scope: Scope) {
  return db
    .select({ id: users.id, displayName: users.displayName, bodyName: bodies.name })
    .from(users)
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .where(and(eq(users.role, 'staff'), eq(users.active, true), pathInScope(bodies.path, scope)))
    .orderBy(asc(bodies.path), asc(users.displayName))
    .limit(500);
}
