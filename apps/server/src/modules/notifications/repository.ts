import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications, outboxMessages } from '../../db/schema.js';
import type { PageQuery } from '@renda/shared';
import { readPage } from '../../platform/pagination.js';
import { inScope, type Scope } from '../../platform/scope.js';

/** Notifications are the user's own: the scope is the user id. */
export async function pageOwnNotifications(db: Executor, userId: string, q: PageQuery & { unread?: boolean }) {
  const where = and(eq(notifications.userId, userId), q.unread ? isNull(notifications.readAt) : undefined);
  const { rows, total } = await readPage(
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)),
    db.select({ total: count() }).from(notifications).where(where),
    q,
  );
  return { rows, total };
}

export async function markRead(db: Executor, userId: string, at: Date, id?: string) {
  return db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .returning({ id: notifications.id });
}

export async function pageOutbox(db: Executor, scope: Scope, q: PageQuery) {
  const where = inScope(outboxMessages.bodyId, scope);
  const { rows, total } = await readPage(
    db.select().from(outboxMessages).where(where).orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id)),
    db.select({ total: count() }).from(outboxMessages).where(where),
    q,
  );
  return { rows, total };
}
