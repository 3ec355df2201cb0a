import { auditActionName, auditEntityName, type AuditEvent, type AuditQuery, type Page } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { auditTitleKey, auditTitles } from '../../platform/audit.js';
import { workbook } from '../../platform/documents.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import * as repo from './repository.js';

type Row = Awaited<ReturnType<typeof repo.listAuditEvents>>[number];

function present({ event, bodyName }: Row, titles: Map<string, string>): AuditEvent {
  return {
    id: event.id.toString(),
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: event.actorName,
    bodyId: event.bodyId,
    bodyName,
    entity: event.entity,
    entityId: event.entityId,
    entityTitle: event.entityId ? (titles.get(auditTitleKey(event.entity, event.entityId)) ?? null) : null,
    action: event.action,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId,
    ip: event.ip,
  };
}

async function presentAll(db: Db, rows: Row[]): Promise<AuditEvent[]> {
  const titles = await auditTitles(
    db,
    rows.map((r) => r.event),
  );
  return rows.map((r) => present(r, titles));
}

export async function pageAuditEvents(db: Db, ctx: ActorContext, q: AuditQuery): Promise<Page<AuditEvent>> {
  const { rows, total } = await repo.pageAuditEvents(db, ctx.actor, q);
  return pageResult(await presentAll(db, rows), total, q);
}

export async function exportAuditEvents(db: Db, ctx: ActorContext, f: repo.AuditFilter): Promise<Buffer> {
  const rows = await presentAll(db, await repo.listAuditEvents(db, ctx.actor, f, EXPORT_LIMIT));
  return workbook(
    '审计日志',
    [
      { header: '时间', key: 'at', width: 22, value: (e: AuditEvent) => new Date(e.at) },
      { header: '操作人', key: 'actor', width: 14, value: (e) => e.actorName ?? '（公众或系统）' },
      { header: '机关', key: 'body', width: 24, value: (e) => e.bodyName ?? '' },
      { header: '对象', key: 'entity', width: 12, value: (e) => auditEntityName(e.entity) },
      { header: '对象名称', key: 'entityTitle', width: 30, value: (e) => e.entityTitle ?? '' },
      { header: '对象编号', key: 'entityId', width: 38, value: (e) => e.entityId ?? '' },
      { header: '操作', key: 'action', width: 12, value: (e) => auditActionName(e.entity, e.action) },
      { header: '修改前', key: 'before', width: 50, value: (e) => (e.before == null ? '' : JSON.stringify(e.before)) },
      { header: '修改后', key: 'after', width: 50, value: (e) => (e.after == null ? '' : JSON.stringify(e.after)) },
      { header: 'IP', key: 'ip', width: 16, value: (e) => e.ip ?? '' },
      { header: '请求编号', key: 'requestId', width: 14, value: (e) => e.requestId ?? '' },
    ],
    rows,
  );
}
