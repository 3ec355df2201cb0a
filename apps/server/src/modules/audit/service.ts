import { auditActionName, auditEntityName, type AuditEvent, type AuditQuery, type Page } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { workbook } from '../../platform/documents.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import * as repo from './repository.js';

type Row = Awaited<ReturnType<typeof repo.listAuditEvents>>[number];

function present({ event, bodyName }: Row): AuditEvent {
  return {
    id: event.id.toString(),
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: event.actorName,
    bodyId: event.bodyId,
    bodyName,
    entity: event.entity,
    entityId: event.entityId,
    action: event.action,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId,
    ip: event.ip,
  };
}

export async function pageAuditEvents(db: Db, ctx: ActorContext, q: AuditQuery): Promise<Page<AuditEvent>> {
  const { rows, total } = await repo.pageAuditEvents(db, ctx.actor, q);
  return pageResult(rows.map(present), total, q);
}

export async function exportAuditEvents(db: Db, ctx: ActorContext, f: repo.AuditFilter): Promise<Buffer> {
  const rows = (await repo.listAuditEvents(db, ctx.actor, f, EXPORT_LIMIT)).map(present);
  return workbook(
    '审计日志',
    [
      { header: '时间', key: 'at', width: 22, value: (e: AuditEvent) => new Date(e.at) },
      { header: '操作人', key: 'actor', width: 14, value: (e) => e.actorName ?? '（公众或系统）' },
      { header: '机关', key: 'body', width: 24, value: (e) => e.bodyName ?? '' },
      { header: '对象', key: 'entity', width: 12, value: (e) => auditEntityName(e.entity) },
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
