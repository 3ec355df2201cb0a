import type { Notification, OutboxMessage, Page, PageQuery } from '@renda/shared';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { maskSecrets, type Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import * as repo from './repository.js';

type Row = Awaited<ReturnType<typeof repo.pageOwnNotifications>>['rows'][number];

function present(n: Row): Notification {
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

export async function pageOwn(db: Db, ctx: ActorContext, q: PageQuery & { unread?: boolean }): Promise<Page<Notification>> {
  const { rows, total } = await repo.pageOwnNotifications(db, ctx.actor.id, q);
  return pageResult(rows.map(present), total, q);
}

/** Marks one (or, without id, every) unread notification read, then pushes the new count to the user's open pages. */
export async function markRead(db: Db, notifier: Notifier, ctx: ActorContext, id?: string): Promise<number> {
  const changed = await db.transaction(async (tx) => {
    const rows = await repo.markRead(tx, ctx.actor.id, clock.now(), id);
    if (rows.length)
      await recordAudit(tx, ctx, { entity: 'notification', entityId: id ?? null, action: 'read', after: { count: rows.length } });
    return rows.length;
  });
  await notifier.announce(ctx.actor.id);
  return changed;
}

function presentOutboxMessage(m: Awaited<ReturnType<typeof repo.pageOutbox>>['rows'][number]): OutboxMessage {
  return {
    id: m.id,
    channel: m.channel as OutboxMessage['channel'],
    recipient: m.recipient,
    subject: m.subject,
    // One-time codes in a message are for its recipient only.
    body: maskSecrets(m.body),
    status: m.status as OutboxMessage['status'],
    attempts: m.attempts,
    error: m.error,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

export async function pageOutbox(db: Db, ctx: ActorContext, q: PageQuery): Promise<Page<OutboxMessage>> {
  const { rows, total } = await repo.pageOutbox(db, ctx.actor, q);
  return pageResult(rows.map(presentOutboxMessage), total, q);
}
