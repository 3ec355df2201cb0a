import {
  defaultOpinionCategories,
  opinionRatingLabel,
  opinionStatusLabel,
  routeKindLabel,
  type OpinionAction,
  type OpinionActionInput,
  type OpinionActorRole,
  type OpinionCategoriesInput,
  type OpinionCategory,
  type OpinionCategorySetting,
  type OpinionChannel,
  type OpinionDetail,
  type OpinionPage,
  type OpinionQuery,
  type OpinionRating,
  type OpinionStatus,
  type Page,
  type PageQuery,
  type ReceivedOpinion,
} from '@renda/shared';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { chinaDate, describeRule, dueAt } from '../../platform/deadlines.js';
import { workbook, type Column } from '../../platform/documents.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { inScope } from '../../platform/scope.js';
import { getDeputyByUser } from '../deputies/index.js';
import { notifyStaff, notifyUnit, smsCitizen, summaryOf } from './notify.js';
import { presentDetail, presentListItem } from './presenters.js';
import * as repo from './repository.js';
import type { NewOpinionRow, OpinionRow } from './repository.js';
import { replyDeadline } from './rules.js';
import { formatTrackingCode } from './tracking-code.js';
import { allowedActions, findTransition, type Transition } from './workflow.js';

/** The workflow role of a logged-in user; leaders and administrators read but do not act. */
export function workflowRole(ctx: RequestContext): OpinionActorRole | null {
  if (!ctx.actor) return 'citizen';
  if (ctx.actor.role === 'staff' || ctx.actor.role === 'handling_unit') return ctx.actor.role;
  return null;
}

/** What an action does to the row besides the state, after its checks. */
type Effects = { patch: Partial<NewOpinionRow>; note: string | null };

/** Reply text the citizen will see when staff approve; SMS text per public step. */
const smsText: Partial<Record<OpinionAction, string>> = {
  accept: '已受理',
  decline: '不予受理，原因可凭查询码查看',
  merge: '已与相同问题合并办理',
  route: '已转交承办单位办理',
  approveReply: '已有答复，请凭查询码查看并评价',
  close: '已办结',
};

/**
 * The one way an opinion changes state: find the row of the workflow table, apply the action's
 * effects, write the step, the audit event and the messages in the caller's transaction.
 */
export async function applyStep(
  tx: Executor,
  notifier: Notifier,
  ctx: RequestContext,
  row: OpinionRow,
  bodyName: string,
  bodyPath: string,
  action: OpinionAction,
  effects: Effects,
): Promise<{ opinion: OpinionRow; step: Transition }> {
  const role = workflowRole(ctx);
  const from = row.status as OpinionStatus;
  const step = role ? findTransition(from, action, role) : undefined;
  if (!step)
    throw new DomainError(
      'OPINION_ACTION_NOT_ALLOWED',
      `当前状态（${opinionStatusLabel[from]}）不能执行此操作`,
      { status: from, action },
      409,
    );
  const now = clock.now();
  const opinion = await repo.updateOpinion(tx, row.id, { ...effects.patch, status: step.to, updatedAt: now });
  await repo.insertEvent(tx, {
    opinionId: row.id,
    at: now,
    action,
    fromStatus: from,
    toStatus: step.to,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? (role === 'citizen' ? '群众' : null),
    note: effects.note,
    public: step.public,
  });
  await recordAudit(tx, ctx, {
    entity: 'opinion',
    entityId: row.id,
    bodyId: row.bodyId,
    action,
    before: { status: from },
    after: { status: step.to, ...effects.patch },
  });
  const sms = smsText[action];
  if (sms && step.public) await smsCitizen(tx, notifier, opinion, bodyName, sms);
  await tellStaffAndUnits(tx, notifier, opinion, bodyPath, action, effects.note);
  return { opinion, step };
}

async function tellStaffAndUnits(
  tx: Executor,
  notifier: Notifier,
  o: OpinionRow,
  bodyPath: string,
  action: OpinionAction,
  note: string | null,
) {
  const what = summaryOf(o);
  switch (action) {
    case 'route':
      return notifyUnit(tx, notifier, o, '新的转办群众意见', `${what}；请于 ${o.dueAt ? formatDue(o.dueAt) : ''} 前答复`);
    case 'rejectReply':
      return notifyUnit(tx, notifier, o, '答复被退回，请重新答复', `${what}；原因：${note ?? ''}`);
    case 'return':
      return notifyStaff(tx, notifier, o, bodyPath, '承办单位退回群众意见', `${what}；原因：${note ?? ''}`);
    case 'reply':
      return notifyStaff(tx, notifier, o, bodyPath, '群众意见答复待审核', what);
    case 'rateDissatisfied':
      return notifyStaff(tx, notifier, o, bodyPath, '群众对答复不满意', `${what}；评价：${note ?? '无'}`);
  }
}

const formatDue = (d: Date) => d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

// ---- staff: inbox, detail, actions ----

export async function pageInbox(db: Db, ctx: ActorContext, q: OpinionQuery): Promise<OpinionPage> {
  const now = clock.now();
  const { rows, total, capped } = await repo.pageInbox(db, ctx.actor, q, now);
  return { items: rows.map((r) => presentListItem(r, now)), total, totalIsLowerBound: capped, page: q.page, pageSize: q.pageSize };
}

export const EXPORT_LIMIT = 50_000;

export async function exportInbox(db: Db, ctx: ActorContext, q: Omit<OpinionQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const now = clock.now();
  const rows = await repo.exportInbox(db, ctx.actor, q, now, EXPORT_LIMIT);
  type R = (typeof rows)[number];
  const cst = (d: Date | null) => (d ? d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
  const columns: Column<R>[] = [
    { header: '查询码', key: 'code', width: 22, value: (r) => formatTrackingCode(r.opinion.trackingCode) },
    { header: '提交时间', key: 'createdAt', width: 20, value: (r) => cst(r.opinion.createdAt) },
    { header: '机关', key: 'body', width: 24, value: (r) => r.bodyName },
    { header: '类别', key: 'category', width: 12, value: (r) => r.opinion.categoryLabel },
    { header: '内容', key: 'content', width: 60, value: (r) => r.content },
    { header: '联络站', key: 'station', width: 24, value: (r) => r.stationName },
    { header: '代表', key: 'deputy', width: 10, value: (r) => r.deputyName },
    { header: '状态', key: 'status', width: 14, value: (r) => opinionStatusLabel[r.opinion.status as OpinionStatus] },
    { header: '承办单位', key: 'unit', width: 26, value: (r) => r.unitName },
    { header: '答复期限', key: 'due', width: 20, value: (r) => cst(r.opinion.dueAt) },
    { header: '是否超期', key: 'overdue', width: 10, value: (r) => (presentListItem(r, now).overdue ? '超期' : '') },
    { header: '答复', key: 'reply', width: 60, value: (r) => r.replyText },
    { header: '评价', key: 'rating', width: 10, value: (r) => (r.rating ? opinionRatingLabel[r.rating as OpinionRating] : '') },
  ];
  return workbook('群众意见', columns, rows);
}

/** 我收到的群众意见: the opinions sent to the signed-in deputy, so they can take them up as suggestions. */
export async function pageReceived(db: Db, ctx: ActorContext, q: PageQuery): Promise<Page<ReceivedOpinion>> {
  const own = await getDeputyByUser(db, ctx.actor.id);
  if (!own) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await repo.pageReceivedByDeputy(db, own.deputy.id, q.page, q.pageSize);
  return {
    items: rows.map(({ o, stationName }) => ({
      id: o.id,
      content: o.content,
      categoryLabel: o.categoryLabel,
      channel: o.channel as OpinionChannel,
      status: o.status as OpinionStatus,
      stationName,
      suggestionId: o.suggestionId,
      createdAt: o.createdAt.toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getDetail(db: Executor, ctx: ActorContext, id: string): Promise<OpinionDetail> {
  const row = await repo.getVisible(db, ctx.actor, id);
  if (!row) throw notFound('群众意见', { id });
  const events = await repo.listEvents(db, id, false);
  return presentDetail(row, events, allowedActions(row.opinion.status as OpinionStatus, workflowRole(ctx)), clock.now());
}

/** The due date routing now would set, so staff see it before they route. */
export async function routeDeadline(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getVisible(db, ctx.actor, id);
  if (!row) throw notFound('群众意见', { id });
  const rule = await ruleInForce(db, row.bodyPath, replyDeadline.key);
  const at = dueAt(clock.now(), rule);
  return { dueAt: at.toISOString(), dueDate: chinaDate(at), rule: describeRule(rule) };
}

/** Checks what an action carries against the world (the unit exists and is active, the merge target is visible…). */
async function effectsOf(tx: Executor, ctx: ActorContext, row: repo.OpinionDetailRow, input: OpinionActionInput): Promise<Effects> {
  const now = clock.now();
  const o = row.opinion;
  switch (input.action) {
    case 'accept':
    case 'signFor':
    case 'approveReply':
      return {
        patch: input.action === 'signFor' ? { signedAt: now } : input.action === 'approveReply' ? { replyApprovedAt: now } : {},
        note: null,
      };
    case 'decline':
      return { patch: { declineReason: input.reason }, note: input.reason };
    case 'return':
      return { patch: { returnReason: input.reason }, note: input.reason };
    case 'rejectReply':
      return { patch: { repliedAt: null }, note: input.reason };
    case 'merge': {
      if (input.intoId === o.id) throw new DomainError('OPINION_MERGE_SELF', '不能把意见合并到它自己');
      const target = await repo.getVisible(tx, ctx.actor, input.intoId);
      if (!target) throw notFound('合并到的意见', { id: input.intoId });
      if (['declined', 'merged'].includes(target.opinion.status))
        throw new DomainError(
          'OPINION_MERGE_TARGET_INVALID',
          `不能合并到${opinionStatusLabel[target.opinion.status as OpinionStatus]}的意见`,
        );
      return { patch: { mergedIntoId: target.opinion.id }, note: `合并到 ${formatTrackingCode(target.opinion.trackingCode)}` };
    }
    case 'attachDeputy': {
      const deputy = await repo.findDeputyInScope(tx, ctx.actor, input.deputyId);
      if (!deputy) throw notFound('代表', { id: input.deputyId });
      return { patch: { takenByDeputyId: deputy.id }, note: `由${deputy.name}代表领办` };
    }
    case 'route': {
      const unit = await repo.findUnitInScope(tx, ctx.actor, input.handlingUnitId);
      if (!unit) throw notFound('承办单位', { id: input.handlingUnitId });
      if (!unit.active) throw new DomainError('HANDLING_UNIT_INACTIVE', `${unit.name}已停用，不能转办`);
      const rule = await ruleInForce(tx, row.bodyPath, replyDeadline.key);
      return {
        patch: {
          handlingUnitId: unit.id,
          routeKind: input.routeKind,
          routeNote: input.note ?? null,
          routedAt: now,
          dueAt: dueAt(now, rule),
          signedAt: null,
          returnReason: null,
          replyText: null,
          repliedAt: null,
          replyApprovedAt: null,
          remindedAt: null,
          overdueAt: null,
          rating: null,
          ratingComment: null,
          ratedAt: null,
        },
        note: `以${routeKindLabel[input.routeKind]}方式转交${unit.name}`,
      };
    }
    case 'reply':
    case 'answer':
      return { patch: { replyText: input.text, repliedAt: now }, note: null };
    case 'close': {
      const step = findTransition(o.status as OpinionStatus, 'close', 'staff');
      if (step && 'needs' in step && step.needs === 'reason' && (input.note ?? '').length < 2)
        throw new DomainError('OPINION_CLOSE_REASON_REQUIRED', '群众不满意的意见办结时须说明理由', {
          fields: [{ path: 'note', message: '请填写办结说明' }],
        });
      return { patch: { closedAt: now }, note: input.note ?? null };
    }
  }
}

export async function act(db: Db, notifier: Notifier, ctx: ActorContext, id: string, input: OpinionActionInput): Promise<OpinionDetail> {
  return db.transaction(async (tx) => {
    const row = await repo.getVisible(tx, ctx.actor, id, true);
    if (!row) throw notFound('群众意见', { id });
    // The table is checked before the input is looked at, so a wrong state gets the state's message.
    const role = workflowRole(ctx);
    if (!role || !findTransition(row.opinion.status as OpinionStatus, input.action, role))
      throw new DomainError(
        'OPINION_ACTION_NOT_ALLOWED',
        `当前状态（${opinionStatusLabel[row.opinion.status as OpinionStatus]}）不能执行此操作`,
        { status: row.opinion.status, action: input.action },
        409,
      );
    const effects = await effectsOf(tx, ctx, row, input);
    await applyStep(tx, notifier, ctx, row.opinion, row.bodyName, row.bodyPath, input.action, effects);
    if (input.action === 'merge') await noteMergeOnTarget(tx, ctx, row.opinion, effects.patch.mergedIntoId!);
    return getDetail(tx, ctx, id);
  });
}

async function noteMergeOnTarget(tx: Executor, ctx: ActorContext, merged: OpinionRow, targetId: string) {
  await repo.insertEvent(tx, {
    opinionId: targetId,
    at: clock.now(),
    action: 'mergedIn',
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    note: `并入 ${formatTrackingCode(merged.trackingCode)}`,
    public: false,
  });
}

/** What a bulk action answers: the items done, and each refused one with the reason in Chinese. */
export interface BulkResult {
  done: string[];
  failed: { id: string; code: string; message: string }[];
}

/**
 * A bulk action (受理, 不予受理, 转办) is the single action applied to each item in its own transaction, so
 * the state machine, the citizen's SMS, the audit event and the scope check are exactly those of one
 * item, and one refused item undoes none of the others. An unexpected failure of one item is reported
 * for that item (and handed to `log`) rather than hiding what the others did.
 */
export async function bulkAct(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  ids: string[],
  input: OpinionActionInput,
  log: (err: unknown, id: string) => void,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const id of [...new Set(ids)]) {
    try {
      await act(db, notifier, ctx, id, input);
      result.done.push(id);
    } catch (err) {
      if (err instanceof DomainError) result.failed.push({ id, code: err.code, message: err.message });
      else {
        log(err, id);
        result.failed.push({ id, code: 'INTERNAL_ERROR', message: '系统出错，未能处理，请稍后重试' });
      }
    }
  }
  return result;
}

// ---- the per-body category dictionary ----

async function requireBodyInScope(db: Executor, ctx: ActorContext, bodyId: string) {
  const [body] = await db
    .select({ id: bodies.id, path: bodies.path })
    .from(bodies)
    .where(and(eq(bodies.id, bodyId), inScope(bodies.id, ctx.actor)));
  if (!body) throw notFound('人大机关', { id: bodyId });
  return body;
}

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
  const [setBy] = own ? await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, own)) : [];
  return {
    items: items.map((i) => ({ ...i, inUse: used.has(i.code) })),
    source: own === null ? 'builtin' : own === body.id ? 'own' : 'inherited',
    setByBodyId: own,
    setByBodyName: setBy?.name ?? null,
  };
}

export async function getCategories(db: Db, ctx: ActorContext, bodyId: string): Promise<OpinionCategorySetting> {
  return categorySetting(db, await requireBodyInScope(db, ctx, bodyId));
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
    const body = await requireBodyInScope(tx, ctx, input.bodyId);
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
    const body = await requireBodyInScope(tx, ctx, bodyId);
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
