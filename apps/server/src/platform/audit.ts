import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
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

/**
 * The titles of audited records (a suggestion's title, a deputy's name), so the audit log shows what a record
 * was beside its id. Each module names the records it owns (`registerAuditTitles` in its routes); a kind no
 * module names, an id that is not a record's key, and a deleted record have no title: the log shows the id only.
 */
export type AuditTitleSource = (db: Executor, ids: string[]) => Promise<{ id: string; title: string | null }[]>;

const titleSources = new Map<string, AuditTitleSource>();

export function registerAuditTitles(sources: Partial<Record<AuditEntity, AuditTitleSource>>): void {
  for (const [entity, source] of Object.entries(sources)) if (source) titleSources.set(entity, source);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A title source reading one column (or expression) of the table whose uuid key is `id`. */
export function titleColumn(id: PgColumn, title: PgColumn | SQL<string | null>): AuditTitleSource {
  return async (db, ids) => {
    const keys = ids.filter((i) => UUID.test(i));
    if (!keys.length) return [];
    return db
      .select({ id: sql<string>`${id}::text`, title: sql<string | null>`${title}` })
      .from(id.table)
      .where(inArray(id, keys));
  };
}

/** How many ids one look-up asks for (a long export is read in slices). */
const TITLE_SLICE = 1000;

/** Titles of the events' records, keyed by `auditTitleKey(entity, id)`. */
export async function auditTitles(db: Executor, events: { entity: string; entityId: string | null }[]): Promise<Map<string, string>> {
  const idsByEntity = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.entityId || !titleSources.has(e.entity)) continue;
    idsByEntity.set(e.entity, (idsByEntity.get(e.entity) ?? new Set()).add(e.entityId));
  }
  const titles = new Map<string, string>();
  for (const [entity, set] of idsByEntity) {
    const ids = [...set];
    for (let i = 0; i < ids.length; i += TITLE_SLICE) {
      for (const row of await titleSources.get(entity)!(db, ids.slice(i, i + TITLE_SLICE)))
        if (row.title) titles.set(auditTitleKey(entity, row.id), row.title);
    }
  }
  return titles;
}

export const auditTitleKey = (entity: string, id: string) => `${entity}/${id}`;
