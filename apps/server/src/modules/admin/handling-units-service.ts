import type { HandlingUnit, HandlingUnitInput, Page } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { pageResult } from '../../platform/pagination.js';
import { requireBody } from './bodies-service.js';
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
