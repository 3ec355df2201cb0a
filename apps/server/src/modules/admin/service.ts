import type {
  DeadlineRuleInput,
  DeadlineRuleSetting,
  Body,
  BodyInput,
  BodyLevel,
  HandlingUnit,
  HandlingUnitInput,
  Page,
  User,
  UserCreateInput,
  UserUpdateInput,
} from '@renda/shared';
import { uuidv7 } from 'uuidv7';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import { clearRule, deadlineRuleDefinitions, ruleInForce, setRule } from '../../platform/deadline-rules.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { pageResult } from '../../platform/pagination.js';
import { hashPassword } from '../../platform/passwords.js';
import { childPath } from '../../platform/scope.js';
import { deleteSessionsOfUser } from '../auth/repository.js';
import { presentBody, presentHandlingUnit, presentRegion, presentUser } from './presenters.js';
import * as repo from './repository.js';
import { mayBeChildOf, regionLevelOfBody } from './rules.js';

// ---- regions ----
export async function regionChildren(db: Db, parentCode: string | null) {
  return (await repo.findRegionChildren(db, parentCode)).map(presentRegion);
}

// ---- bodies ----
export async function listBodies(db: Db, ctx: ActorContext): Promise<Body[]> {
  return (await repo.listBodies(db, ctx.actor)).map(presentBody);
}

async function requireBody(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getBody(db, ctx.actor, id);
  if (!row) throw notFound('人大机关', { id });
  return row;
}

async function checkBodyPlacement(db: Executor, ctx: ActorContext, input: BodyInput) {
  if (!input.parentId)
    throw new DomainError('BODY_PARENT_REQUIRED', '请选择上级机关', { fields: [{ path: 'parentId', message: '请选择上级机关' }] });
  const parent = await requireBody(db, ctx, input.parentId);
  if (!mayBeChildOf(input.level, parent.body.level as BodyLevel))
    throw new DomainError('BODY_LEVEL_INVALID', `下级机关的层级必须低于上级机关（${parent.body.name}）`, {
      fields: [{ path: 'level', message: '层级必须低于上级机关' }],
    });
  const region = await repo.findRegion(db, input.regionCode);
  if (!region)
    throw new DomainError('REGION_NOT_FOUND', `行政区划代码 ${input.regionCode} 不存在`, {
      fields: [{ path: 'regionCode', message: '行政区划代码不存在' }],
    });
  if (region.level !== regionLevelOfBody[input.level])
    throw new DomainError('REGION_LEVEL_MISMATCH', `${region.name}的区划层级与机关层级不符`, {
      fields: [{ path: 'regionCode', message: '区划层级与机关层级不符' }],
    });
  return parent;
}

export async function createBody(db: Db, ctx: ActorContext, input: BodyInput): Promise<Body> {
  return db.transaction(async (tx) => {
    const parent = await checkBodyPlacement(tx, ctx, input);
    const id = uuidv7();
    const created = await repo.insertBody(tx, { id, ...input, path: childPath(parent.body.path, id), createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'body', entityId: id, bodyId: id, action: 'create', after: created });
    return presentBody((await repo.getBody(tx, ctx.actor, id))!);
  });
}

export async function updateBody(db: Db, ctx: ActorContext, id: string, input: BodyInput): Promise<Body> {
  return db.transaction(async (tx) => {
    const before = await requireBody(tx, ctx, id);
    if (id === ctx.actor.bodyId) throw forbidden('不能修改本人所在机关的层级关系，请由上级机关管理员操作');
    const parent = await checkBodyPlacement(tx, ctx, input);
    if (parent.body.path.startsWith(before.body.path))
      throw new DomainError('BODY_CYCLE', '不能把机关移到它自己的下级机关之下', {
        fields: [{ path: 'parentId', message: '不能移到自己的下级之下' }],
      });
    const path = childPath(parent.body.path, id);
    const after = await repo.updateBody(tx, id, { ...input, path });
    if (path !== before.body.path) await repo.rewriteSubtreePaths(tx, before.body.path, path);
    await recordAudit(tx, ctx, { entity: 'body', entityId: id, bodyId: id, action: 'update', before: before.body, after });
    return presentBody((await repo.getBody(tx, ctx.actor, id))!);
  });
}

// ---- handling units ----
export async function pageHandlingUnits(db: Db, ctx: ActorContext, f: repo.HandlingUnitFilter): Promise<Page<HandlingUnit>> {
  const { rows, total } = await repo.pageHandlingUnits(db, ctx.actor, f);
  return pageResult(rows.map(presentHandlingUnit), total, f);
}

async function requireHandlingUnit(db: Executor, ctx: ActorContext, id: string) {
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

// ---- users ----
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
    if (input.active === false || role !== before.role) await deleteSessionsOfUser(tx, id);
    const after = await requireUser(tx, ctx, id);
    await recordAudit(tx, ctx, { entity: 'user', entityId: id, bodyId: before.bodyId, action: 'update', before, after });
    return after;
  });
}

/** An administrator's reset ends the user's sessions and lifts any lock. */
export async function resetPassword(db: Db, ctx: ActorContext, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await requireUser(tx, ctx, id);
    await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: clock.now(), failedLoginCount: 0, lockedUntil: null });
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, ctx, { entity: 'user', entityId: id, bodyId: user.bodyId, action: 'reset_password' });
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

// ---- deadline rules ----
export async function deadlineRuleSettings(db: Db, ctx: ActorContext, bodyId: string): Promise<DeadlineRuleSetting[]> {
  const body = await requireBody(db, ctx, bodyId);
  return Promise.all(
    deadlineRuleDefinitions().map(async (def) => {
      const { setBy, ...inForce } = await ruleInForce(db, body.body.path, def.key);
      return { key: def.key, label: def.label, source: def.source, default: def.default, inForce, setByBodyId: setBy };
    }),
  );
}

function requireRuleDefinition(key: string) {
  const def = deadlineRuleDefinitions().find((d) => d.key === key);
  if (!def) throw notFound('期限规则', { key });
  return def;
}

/** Setting (or, with null, clearing) a body's own deadline rule; clearing falls back to the ancestor's or the legal default. */
export async function setDeadlineRule(db: Db, ctx: ActorContext, bodyId: string, key: string, rule: DeadlineRuleInput | null) {
  requireRuleDefinition(key);
  await db.transaction(async (tx) => {
    const body = await requireBody(tx, ctx, bodyId);
    const before = await ruleInForce(tx, body.body.path, key);
    if (rule) await setRule(tx, bodyId, key, rule, clock.now());
    else await clearRule(tx, bodyId, key);
    const after = await ruleInForce(tx, body.body.path, key);
    await recordAudit(tx, ctx, { entity: 'deadline_rule', entityId: key, bodyId, action: rule ? 'update' : 'delete', before, after });
  });
  return deadlineRuleSettings(db, ctx, bodyId);
}
