import { randomInt } from 'node:crypto';
import type { CreatedLogin, HandlingUnit, HandlingUnitInput, Page, UnitLoginInput } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import { requireBody } from './bodies-service.js';
import { createInitialLogin } from './initial-login.js';
import { presentHandlingUnit } from './presenters.js';
import * as repo from './repository.js';

/** The handling units (承办单位) of a body. */

export async function pageHandlingUnits(db: Db, ctx: ActorContext, f: repo.HandlingUnitFilter): Promise<Page<HandlingUnit>> {
  const { rows, total } = await repo.pageHandlingUnits(db, ctx.actor, f);
  return pageResult(rows.map(presentHandlingUnit), total, f);
}

export async function requireHandlingUnit(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getHandlingUnit(db, ctx.actor, id);
  if (!row) throw notFound('承办单位', { id });
  return row;
}

export async function createHandlingUnit(db: Db, ctx: ActorContext, input: HandlingUnitInput): Promise<HandlingUnit> {
  return db.transaction(async (tx) => {
    await requireBody(tx, ctx, input.bodyId);
    const id = await repo.insertHandlingUnit(tx, { ...input, createdAt: clock.now() });
    const created = presentHandlingUnit(await requireHandlingUnit(tx, ctx, id));
    await recordAudit(tx, ctx, { entity: 'handling_unit', entityId: id, bodyId: input.bodyId, action: 'create', after: created });
    return created;
  });
}

export async function updateHandlingUnit(db: Db, ctx: ActorContext, id: string, input: HandlingUnitInput): Promise<HandlingUnit> {
  return db.transaction(async (tx) => {
    const before = presentHandlingUnit(await requireHandlingUnit(tx, ctx, id));
    await requireBody(tx, ctx, input.bodyId);
    await repo.updateHandlingUnit(tx, id, input);
    const after = presentHandlingUnit(await requireHandlingUnit(tx, ctx, id));
    await recordAudit(tx, ctx, { entity: 'handling_unit', entityId: id, bodyId: input.bodyId, action: 'update', before, after });
    return after;
  });
}

/** A unit's login username: `u` and eight random letters or digits without look-alikes. */
const unitUsername = () => `u${Array.from({ length: 8 }, () => 'abcdefghjkmnpqrstuvwxyz23456789'[randomInt(31)]).join('')}`;

/**
 * 开通登录账号 for a person of a handling unit, from the units page: a handling-unit login of the unit's body,
 * with a one-time initial password (by SMS when a mobile is given, else shown once). Audited on the unit too.
 */
export async function createUnitLogin(
  db: Db,
  ctx: ActorContext,
  notifier: Notifier,
  unitId: string,
  input: UnitLoginInput,
): Promise<CreatedLogin> {
  return db.transaction(async (tx) => {
    const unit = await requireHandlingUnit(tx, ctx, unitId);
    if (!unit.unit.active) throw new DomainError('HANDLING_UNIT_INACTIVE', '承办单位已停用，不能开通账号', undefined, 409);
    let username = unitUsername();
    while (await repo.usernameExists(tx, username)) username = unitUsername();
    const login = await createInitialLogin(tx, ctx, notifier, {
      role: 'handling_unit',
      bodyId: unit.unit.bodyId,
      handlingUnitId: unit.unit.id,
      username,
      displayName: input.displayName,
      phone: input.phone,
    });
    await recordAudit(tx, ctx, {
      entity: 'handling_unit',
      entityId: unit.unit.id,
      bodyId: unit.unit.bodyId,
      action: 'create_login',
      after: {
        userId: login.userId,
        username,
        displayName: input.displayName,
        delivery: login.smsTo ? `短信发送至${login.smsTo}` : '当面告知',
      },
    });
    return { ...login, displayName: input.displayName };
  });
}
