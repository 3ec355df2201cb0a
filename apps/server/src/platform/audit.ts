import type { AuditEntity } from '@renda/shared';
import { auditEvents } from '../db/schema.js';
import type { Executor } from '../db/client.js';
import type { RequestContext } from './context.js';
import { clock } from './clock.js';

export interface AuditEntry {
  entity: AuditEntity;
  entityId?: string | null;
  action: string;
  /** The body the record belongs to; defaults to the actor's body. */
  bodyId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one append-only audit event; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(ctx, entry));
}

/** The row recordAudit writes, for a caller that writes it inside a larger single statement. */
export function auditRow(ctx: RequestContext, entry: AuditEntry): typeof auditEvents.$inferInsert {
  return {
    at: clock.now(),
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? null,
    bodyId: entry.bodyId ?? ctx.actor?.bodyId ?? null,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}
