import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission, type Role } from '@renda/shared';
import type { Db, Executor } from '../db/client.js';
import { bodies, handlingUnits, sessions, users } from '../db/schema.js';
import { clock } from './clock.js';
import type { Actor, ActorContext, RequestContext } from './context.js';
import { forbidden, unauthorized } from './errors.js';

export const SESSION_COOKIE = 'renda_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const actorColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  bodyId: users.bodyId,
  bodyName: bodies.name,
  bodyPath: bodies.path,
  handlingUnitId: users.handlingUnitId,
  handlingUnitName: handlingUnits.name,
};

async function actorBySessionToken(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, users.handlingUnitId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, clock.now()), eq(users.active, true)));
  return row ? { ...row, role: row.role as Role } : null;
}

export async function actorByUserId(db: Executor, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, users.handlingUnitId))
    .where(eq(users.id, userId));
  return row ? { ...row, role: row.role as Role } : null;
}

/** Resolves the session cookie into `request.actor` for every request. */
export function registerSessionResolver(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await actorBySessionToken(db, token) : null;
  });
}

export function requestContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id, ip: request.ip ?? null };
}

/** The context of a logged-in actor; routes behind `requirePermission` may rely on it. */
export function actorContext(request: FastifyRequest): ActorContext {
  if (!request.actor) throw unauthorized();
  return { ...requestContext(request), actor: request.actor };
}

/** preValidation hook for a protected route class: 401 without a session, 403 for a role holding none of the
 * permissions (a route staff and handling units share names both), checked before the body is validated so a
 * refused role never learns about field rules. */
export function requirePermission(...permissions: [Permission, ...Permission[]]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.actor) throw unauthorized();
    if (!permissions.some((p) => can(request.actor!.role, p))) throw forbidden();
  };
}
