import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission, type Role } from '@renda/shared';
import { perDatabase, type Db, type Executor } from '../db/client.js';
import { bodies, handlingUnits, sessions, users } from '../db/schema.js';
import { clock } from './clock.js';
import type { Actor, ActorContext, RequestContext } from './context.js';
import { DomainError, forbidden, unauthorized } from './errors.js';

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
  passwordMustChange: users.passwordMustChange,
};

/** Every request resolves its session: prepared, so it is parsed and planned once per connection. */
function sessionStatement(db: Db) {
  return db
    .select(actorColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(bodies, eq(bodies.id, users.bodyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, users.handlingUnitId))
    .where(
      and(
        sql`${sessions.tokenHash} = ${sql.placeholder('tokenHash')}::text`,
        sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
        eq(users.active, true),
      ),
    )
    .prepare('session_actor');
}
const sessionStatementOf = perDatabase(sessionStatement);

async function actorBySessionToken(db: Db, token: string): Promise<Actor | null> {
  const [row] = await sessionStatementOf(db).execute({ tokenHash: hashToken(token), now: clock.now().toISOString() });
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

/** What a user who must change their password may still call: who they are, the change itself, leaving. */
const OPEN_WHILE_PASSWORD_MUST_CHANGE = new Set([
  '/api/auth/csrf',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/auth/session',
  '/api/auth/change-password',
]);

export const passwordChangeRequired = () => new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码', undefined, 403);

/**
 * Resolves the session cookie into `request.actor` for every request, and holds back every other API
 * while the actor's password was chosen by someone else and not yet changed.
 */
export function registerSessionResolver(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await actorBySessionToken(db, token) : null;
    if (!request.actor?.passwordMustChange) return;
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') && !path.startsWith('/api/public/') && !OPEN_WHILE_PASSWORD_MUST_CHANGE.has(path))
      throw passwordChangeRequired();
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
