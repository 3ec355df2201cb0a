import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { auditEvents, bodies } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, type Scope } from '../../platform/scope.js';

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

function where(scope: Scope, f: AuditFilter): SQL | undefined {
  return and(
    inScope(auditEvents.bodyId, scope),
    f.entity ? eq(auditEvents.entity, f.entity) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
    f.bodyId ? eq(auditEvents.bodyId, f.bodyId) : undefined,
    f.from ? gte(auditEvents.at, new Date(f.from)) : undefined,
    f.to ? lte(auditEvents.at, new Date(f.to)) : undefined,
  );
}

function select(db: Executor) {
  return db.select({ event: auditEvents, bodyName: bodies.name }).from(auditEvents).leftJoin(bodies, eq(bodies.id, auditEvents.bodyId));
}

export async function pageAuditEvents(db: Executor, scope: Scope, q: AuditQuery) {
  const condition = where(scope, q);
  const { rows, total } = await readPage(
    select(db).where(condition).orderBy(desc(auditEvents.id)),
    db.select({ total: count() }).from(auditEvents).where(condition),
    q,
  );
  return { rows, total };
}

export function listAuditEvents(db: Executor, scope: Scope, f: AuditFilter, limit: number) {
  return select(db).where(where(scope, f)).orderBy(desc(auditEvents.id)).limit(limit);
}
