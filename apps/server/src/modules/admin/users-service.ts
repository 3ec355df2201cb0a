import type { Page, User, UserCreateInput, UserUpdateInput } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { pageResult } from '../../platform/pagination.js';
import { hashPassword } from '../../platform/passwords.js';
import { endSessionsOfUser } from '../auth/index.js';
import { requireBody } from './bodies-service.js';
import { requireHandlingUnit } from './handling-units-service.js';
import { presentUser } from './presenters.js';
import * as repo from './repository.js';

/** The user accounts an administrator manages within their body. */

export async function pageUsers(db: Db, ctx: ActorContext, f: repo.UserFilter): Promise<Page<User>> {
  const { rows, total } = await repo.pageUsers(db, ctx.actor, f);
  return pageResult(rows.map(presentUser), total, f);
}

async function requireUser(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getUser(db, ctx.actor, id);
  if (!row) throw notFound('用户', { id });
  return presentUser(row);
}

async function checkHandlingUnitOf(db: Executor, ctx: ActorContext, role: string, handlingUnitId: string | null | undefined) {
  if (role === 'handling_unit' && !handlingUnitId)
    throw new DomainError('HANDLING_UNIT_REQUIRED', '承办单位账号须选择所属承办单位', {
      fields: [{ path: 'handlingUnitId', message: '请选择承办单位' }],
    });
  if (handlingUnitId) await requireHandlingUnit(db, ctx, handlingUnitId);
}

export async function createUser(db: Db, ctx: ActorContext, input: UserCreateInput): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await requireBody(tx, ctx, input.bodyId);
    await checkHandlingUnitOf(tx, ctx, input.role, input.handlingUnitId);
    const { password: _password, ...fields } = input;
    const id = await repo.insertUser(tx, {
      ...fields,
      handlingUnitId: input.role === 'handling_unit' ? input.handlingUnitId : null,
      passwordHash,
      passwordMustChange: true,
      createdAt: clock.now(),
    });
    const created = await requireUser(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'user', entityId: id, bodyId: input.bodyId, action: 'create', after: created });
    return created;
  });
}

export async function updateUser(db: Db, ctx: ActorContext, id: string, input: UserUpdateInput): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await requireUser(tx, ctx, id);
    if (id === ctx.actor.id && (input.active === false || (input.role && input.role !== before.role)))
      throw forbidden('不能停用自己的账号或修改自己的角色');
    const role = input.role ?? before.role;
    const handlingUnitId =
      role === 'handling_unit' ? (input.handlingUnitId === undefined ? before.handlingUnitId : input.handlingUnitId) : null;
    await checkHandlingUnitOf(tx, ctx, role, handlingUnitId);
    await repo.updateUser(tx, id, { ...input, handlingUnitId });
    if (input.active === false || role !== before.role) await endSessionsOfUser(tx, id);
    const after = await requireUser(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'user', entityId: id, bodyId: before.bodyId, action: 'update', before, after });
    return after;
  });
}

/** An administrator's reset ends the user's sessions, lifts any lock, and asks the user to change the password at the next login. */
export async function resetPassword(db: Db, ctx: ActorContext, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await requireUser(tx, ctx, id);
    await repo.updateUser(tx, id, {
      passwordHash,
      passwordChangedAt: clock.now(),
      passwordMustChange: true,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    await endSessionsOfUser(tx, id);
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: id,
      bodyId: user.bodyId,
      action: 'reset_password',
      after: { passwordMustChange: true },
    });
  });
}

export async function unlockUser(db: Db, ctx: ActorContext, id: string): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await requireUser(tx, ctx, id);
    await repo.updateUser(tx, id, { failedLoginCount: 0, lockedUntil: null });
    const after = await requireUser(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'user', entityId: id, bodyId: before.bodyId, action: 'unlock', before, after });
    return after;
  });
}
