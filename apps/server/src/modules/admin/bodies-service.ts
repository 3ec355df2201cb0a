import type { Body, BodyInput, BodyLevel } from '@renda/shared';
import { uuidv7 } from 'uuidv7';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { childPath } from '../../platform/scope.js';
import { presentBody, presentRegion } from './presenters.js';
import * as repo from './repository.js';
import { mayBeChildOf, regionLevelOfBody } from './rules.js';

/** The congress bodies (人大机关) and the regions they stand for. */

export async function regionChildren(db: Db, parentCode: string | null) {
  return (await repo.findRegionChildren(db, parentCode)).map(presentRegion);
}

export async function listBodies(db: Db, ctx: ActorContext): Promise<Body[]> {
  return (await repo.listBodies(db, ctx.actor)).map(presentBody);
}

export async function requireBody(db: Executor, ctx: ActorContext, id: string) {
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
