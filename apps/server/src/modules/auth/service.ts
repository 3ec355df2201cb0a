import type { ChangePasswordInput, CurrentUser, LoginInput } from '@renda/shared';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { actorByUserId, hashToken, newSessionToken } from '../../platform/auth.js';
import { clock } from '../../platform/clock.js';
import type { Actor, ActorContext, RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/passwords.js';
import * as repo from './repository.js';

export function presentCurrentUser(actor: Actor): CurrentUser {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    bodyId: actor.bodyId,
    bodyName: actor.bodyName,
    handlingUnitId: actor.handlingUnitId,
    handlingUnitName: actor.handlingUnitName,
    passwordMustChange: actor.passwordMustChange,
  };
}

const badCredentials = () => new DomainError('LOGIN_FAILED', '用户名或密码错误', undefined, 401);

/**
 * Checks the password and opens a session. Failures are counted and written even though the login
 * fails, so lock-out cannot be dodged; the account locks after `LOGIN_MAX_FAILURES` in a row.
 */
export async function login(
  db: Db,
  config: Config,
  ctx: RequestContext & { userAgent: string | null },
  input: LoginInput,
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const user = await repo.findUserByUsername(db, input.username);
  const now = clock.now();
  if (!user || !user.active) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new DomainError(
      'ACCOUNT_LOCKED',
      `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
      { lockedUntil: user.lockedUntil.toISOString() },
      423,
    );
  }
  const auditCtx = { ...ctx, actor: null };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLoginCount + 1;
    const locks = failures >= config.LOGIN_MAX_FAILURES;
    const lockedUntil = locks ? new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      await repo.setLoginFailures(tx, user.id, locks ? 0 : failures, lockedUntil);
      await recordAudit(tx, auditCtx, {
        entity: 'user',
        entityId: user.id,
        bodyId: user.bodyId,
        action: locks ? 'lock' : 'login_failed',
        after: { failures },
      });
    });
    if (locks)
      throw new DomainError('ACCOUNT_LOCKED', `密码连续错误 ${failures} 次，账号已锁定 ${config.LOGIN_LOCK_MINUTES} 分钟`, undefined, 423);
    throw badCredentials();
  }
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + config.SESSION_TTL_HOURS * 3600_000);
  const actor = await db.transaction(async (tx) => {
    await repo.setLoginFailures(tx, user.id, 0, null);
    await repo.insertSession(tx, { tokenHash, userId: user.id, createdAt: now, expiresAt, ip: ctx.ip, userAgent: ctx.userAgent });
    const found = await actorByUserId(tx, user.id);
    if (!found) throw new Error('user vanished during login');
    await recordAudit(tx, { ...ctx, actor: found }, { entity: 'session', entityId: user.id, action: 'login' });
    return found;
  });
  return { token, expiresAt, actor };
}

export async function logout(db: Db, ctx: RequestContext, token: string | undefined) {
  if (!token) return;
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    if (ctx.actor) await recordAudit(tx, ctx, { entity: 'session', entityId: ctx.actor.id, action: 'logout' });
  });
}

/** Changing the password ends every other session of the user and lifts the mark of a password chosen by someone else. */
export async function changePassword(db: Db, ctx: ActorContext, token: string, input: ChangePasswordInput) {
  const user = await repo.findUserById(db, ctx.actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new DomainError('CURRENT_PASSWORD_WRONG', '当前密码不正确', { fields: [{ path: 'currentPassword', message: '当前密码不正确' }] });
  if (input.currentPassword === input.newPassword)
    throw new DomainError('PASSWORD_UNCHANGED', '新密码不能与当前密码相同', {
      fields: [{ path: 'newPassword', message: '新密码不能与当前密码相同' }],
    });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, user.id, passwordHash, clock.now());
    await repo.deleteSessionsOfUser(tx, user.id, { except: hashToken(token) });
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: user.id,
      action: 'change_password',
      ...(user.passwordMustChange ? { before: { passwordMustChange: true }, after: { passwordMustChange: false } } : {}),
    });
  });
}
