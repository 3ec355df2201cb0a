import { defaultOpinionCategories, type OpinionCategoriesInput, type OpinionCategory, type OpinionCategorySetting } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { requireBodyInScope } from '../../platform/scope.js';
import * as repo from './category-repository.js';

/** The dictionary in force: the body's own, else the nearest ancestor's, else the built-in one. */
export async function categoriesFor(db: Executor, bodyPath: string): Promise<{ items: OpinionCategory[]; own: string | null }> {
  const rows = await repo.categoriesInForce(db, bodyPath);
  if (rows.length) return { items: rows.map((r) => ({ code: r.code, label: r.label, active: r.active })), own: rows[0]!.bodyId };
  return { items: defaultOpinionCategories.map((c) => ({ ...c, active: true })), own: null };
}

async function categorySetting(db: Executor, body: { id: string; path: string }): Promise<OpinionCategorySetting> {
  const { items, own } = await categoriesFor(db, body.path);
  const used = await repo.usedCategoryCodes(
    db,
    body.path,
    items.map((i) => i.code),
  );
  const setByName = own ? await repo.bodyName(db, own) : null;
  return {
    items: items.map((i) => ({ ...i, inUse: used.has(i.code) })),
    source: own === null ? 'builtin' : own === body.id ? 'own' : 'inherited',
    setByBodyId: own,
    setByBodyName: setByName,
  };
}

export async function getCategories(db: Db, ctx: ActorContext, bodyId: string): Promise<OpinionCategorySetting> {
  return categorySetting(db, await requireBodyInScope(db, ctx.actor, bodyId));
}

const quoted = (items: OpinionCategory[]) => items.map((i) => `“${i.label}”`).join('、');

/**
 * Opinions keep the code and label they were filed under, but the inbox filters by the dictionary in
 * force: a category that opinions of the body (or below it) carry must stay in it, deactivated if
 * citizens should no longer choose it.
 */
async function categoriesStillInUse(tx: Executor, bodyPath: string, before: OpinionCategory[], after: OpinionCategory[]) {
  const kept = new Set(after.map((i) => i.code));
  const dropped = before.filter((i) => !kept.has(i.code));
  const used = await repo.usedCategoryCodes(
    tx,
    bodyPath,
    dropped.map((i) => i.code),
  );
  return dropped.filter((i) => used.has(i.code));
}

export async function setCategories(db: Db, ctx: ActorContext, input: OpinionCategoriesInput): Promise<OpinionCategorySetting> {
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const before = await categoriesFor(tx, body.path);
    const inUse = await categoriesStillInUse(tx, body.path, before.items, input.items);
    if (inUse.length)
      throw conflict('OPINION_CATEGORY_IN_USE', `类别${quoted(inUse)}已有意见使用，不能删除；不再使用的类别请改为停用`, {
        codes: inUse.map((i) => i.code),
      });
    await repo.replaceCategories(tx, body.id, input.items);
    await recordAudit(tx, ctx, {
      entity: 'opinion_categories',
      entityId: body.id,
      bodyId: body.id,
      action: 'update',
      before: before.items,
      after: input.items,
    });
    return categorySetting(tx, body);
  });
}

/** 恢复默认: the body drops its own dictionary and follows the nearest ancestor's, else the built-in one. */
export async function resetCategories(db: Db, ctx: ActorContext, bodyId: string): Promise<OpinionCategorySetting> {
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, bodyId);
    const before = await categoriesFor(tx, body.path);
    if (before.own !== body.id) throw conflict('OPINION_CATEGORIES_NOT_OWN', '本机关没有自己的类别字典，已在沿用上级机关或内置的字典');
    await repo.deleteCategories(tx, body.id);
    const after = await categoriesFor(tx, body.path);
    const inUse = await categoriesStillInUse(tx, body.path, before.items, after.items);
    if (inUse.length)
      throw conflict(
        'OPINION_CATEGORY_IN_USE',
        `类别${quoted(inUse)}已有意见使用，而${after.own ? '上级机关' : '内置'}的字典中没有，不能恢复默认`,
        { codes: inUse.map((i) => i.code) },
      );
    await recordAudit(tx, ctx, {
      entity: 'opinion_categories',
      entityId: body.id,
      bodyId: body.id,
      action: 'delete',
      before: before.items,
      after: after.items,
    });
    return categorySetting(tx, body);
  });
}
