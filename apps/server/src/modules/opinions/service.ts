import {
  opinionRatingLabel,
  opinionStatus,
  opinionStatusLabel,
  type OpinionChannel,
  type OpinionDetail,
  type OpinionPage,
  type OpinionQuery,
  type OpinionRating,
  type OpinionStatus,
  type OpinionStatusCounts,
  type Page,
  type PageQuery,
  type ReceivedOpinion,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { EXPORT_LIMIT } from '../../platform/pagination.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { chinaDate, describeRule, dueAt } from '../../platform/deadlines.js';
import { workbook, type Column } from '../../platform/documents.js';
import { notFound } from '../../platform/errors.js';
import { getDeputyByUser } from '../deputies/index.js';
import { pageReceivedByDeputy } from './figures-repository.js';
import { countInboxByStatus as countRows, exportInbox as exportRows, pageInbox as pageRows } from './inbox-repository.js';
import { standingOf } from './machine.js';
import * as repo from './opinion-repository.js';
import { contactFor, presentDetail, presentListItem } from './presenters.js';
import { replyDeadline } from './rules.js';
import { formatTrackingCode } from './tracking-code.js';
import { opinionWorkflow } from './workflow.js';

// ---- staff and handling units: inbox, export, detail ----

export async function pageInbox(db: Db, ctx: ActorContext, q: OpinionQuery): Promise<OpinionPage> {
  const now = clock.now();
  const { rows, total, capped } = await pageRows(db, ctx.actor, q, now);
  return { items: rows.map((r) => presentListItem(r, now)), total, totalIsLowerBound: capped, page: q.page, pageSize: q.pageSize };
}

/** The inbox counted by status, with its filters and scope, in the workflow's order of statuses. */
export async function countInbox(db: Db, ctx: ActorContext, q: Omit<OpinionQuery, 'page' | 'pageSize'>): Promise<OpinionStatusCounts> {
  const rows = await countRows(db, ctx.actor, q, clock.now());
  const n = new Map(rows.map((r) => [r.status, r.count]));
  return { items: opinionStatus.options.filter((s) => n.has(s)).map((status) => ({ status, count: n.get(status)! })) };
}

export async function exportInbox(db: Db, ctx: ActorContext, q: Omit<OpinionQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const now = clock.now();
  const rows = await exportRows(db, ctx.actor, q, now, EXPORT_LIMIT);
  type R = (typeof rows)[number];
  const contactOf = (r: R) => contactFor(r, ctx.actor.role);
  // One audit entry for the whole file, naming every opinion whose contact details it carries.
  const read = rows.filter((r) => hasContact(contactOf(r))).map((r) => r.opinion.id);
  if (read.length) await recordAudit(db, ctx, { entity: 'opinion', action: 'readContact', after: { via: 'export', opinionIds: read } });
  const cst = (d: Date | null) => (d ? d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
  const columns: Column<R>[] = [
    { header: '查询码', key: 'code', width: 22, value: (r) => formatTrackingCode(r.opinion.trackingCode) },
    { header: '提交时间', key: 'createdAt', width: 20, value: (r) => cst(r.opinion.createdAt) },
    { header: '机关', key: 'body', width: 24, value: (r) => r.bodyName },
    { header: '类别', key: 'category', width: 12, value: (r) => r.opinion.categoryLabel },
    { header: '内容', key: 'content', width: 60, value: (r) => r.content },
    { header: '联络站', key: 'station', width: 24, value: (r) => r.stationName },
    { header: '代表', key: 'deputy', width: 10, value: (r) => r.deputyName },
    { header: '反映人', key: 'citizen', width: 10, value: (r) => contactOf(r).citizenName },
    { header: '手机号', key: 'phone', width: 14, value: (r) => contactOf(r).citizenPhone },
    { header: '同意承办单位联系', key: 'consent', width: 10, value: (r) => (r.contactConsent ? '是' : '否') },
    { header: '状态', key: 'status', width: 14, value: (r) => opinionStatusLabel[r.opinion.status as OpinionStatus] },
    { header: '承办单位', key: 'unit', width: 26, value: (r) => r.unitName },
    { header: '答复期限', key: 'due', width: 20, value: (r) => cst(r.opinion.dueAt) },
    { header: '是否逾期', key: 'overdue', width: 10, value: (r) => (presentListItem(r, now).overdue ? '逾期' : '') },
    { header: '答复', key: 'reply', width: 60, value: (r) => r.replyText },
    { header: '评价', key: 'rating', width: 10, value: (r) => (r.rating ? opinionRatingLabel[r.rating as OpinionRating] : '') },
  ];
  return workbook('群众意见', columns, rows);
}

/** 我收到的群众意见: the opinions sent to the signed-in deputy, so they can take them up as suggestions. */
export async function pageReceived(db: Db, ctx: ActorContext, q: PageQuery): Promise<Page<ReceivedOpinion>> {
  const own = await getDeputyByUser(db, ctx.actor.id);
  if (!own) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await pageReceivedByDeputy(db, own.deputy.id, q.page, q.pageSize);
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

const hasContact = (c: { citizenName: string | null; citizenPhone: string | null }) => Boolean(c.citizenName || c.citizenPhone);

/**
 * The opinion as the actor may see it. A detail that carries the citizen's name or phone is recorded as
 * a read of them (who and when; which fields, never their values) before it leaves: 个人信息保护法.
 */
export async function getDetail(db: Executor, ctx: ActorContext, id: string, via: 'detail' | 'action' = 'detail'): Promise<OpinionDetail> {
  const row = await repo.getVisible(db, ctx.actor, id);
  if (!row) throw notFound('群众意见', { id });
  const events = await repo.listEvents(db, id, false);
  const actions = opinionWorkflow.allowedActions(row.opinion.status as OpinionStatus, standingOf(ctx));
  const detail = presentDetail(row, events, actions, clock.now(), ctx.actor.role);
  if (hasContact(detail)) {
    const fields = [detail.citizenName && 'name', detail.citizenPhone && 'phone'].filter(Boolean);
    await recordAudit(db, ctx, {
      entity: 'opinion',
      entityId: id,
      bodyId: row.opinion.bodyId,
      action: 'readContact',
      after: { via, fields },
    });
  }
  return detail;
}

/** The due date routing now would set, so staff see it before they route. */
export async function routeDeadline(db: Executor, ctx: ActorContext, id: string) {
  const row = await repo.getVisible(db, ctx.actor, id);
  if (!row) throw notFound('群众意见', { id });
  const rule = await ruleInForce(db, row.bodyPath, replyDeadline.key);
  const at = dueAt(clock.now(), rule);
  return { dueAt: at.toISOString(), dueDate: chinaDate(at), rule: describeRule(rule) };
}
