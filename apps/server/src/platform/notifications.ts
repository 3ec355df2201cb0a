import { and, eq, isNull, sql } from 'drizzle-orm';
import type { OutboxChannel } from '@renda/shared';
import type { Database, Executor } from '../db/client.js';
import { notifications, outboxMessages } from '../db/schema.js';
import { clock } from './clock.js';

const CHANNEL = 'renda_notifications';

export interface NewNotification {
  userId: string;
  title: string;
  body: string;
  link?: string | null;
}

export interface NewOutboxMessage {
  channel: OutboxChannel;
  recipient: string;
  subject?: string | null;
  body: string;
  bodyId?: string | null;
}

/**
 * A part of a message only its recipient may read (a one-time rating code). It is stored marked in
 * the outbox row, handed to the sender plain and shown masked wherever staff list the outbox.
 */
export const secret = (text: string) => `⟦${text}⟧`;
const SECRET = /⟦([^⟧]*)⟧/g;
export const revealSecrets = (body: string) => body.replace(SECRET, '$1');
export const maskSecrets = (body: string) => body.replace(SECRET, (_, part: string) => '*'.repeat(part.length));

/** The outbox row enqueueMessage writes, for a caller that writes it inside a larger single statement. */
export function outboxRow(m: NewOutboxMessage): typeof outboxMessages.$inferInsert {
  return { ...m, subject: m.subject ?? null, bodyId: m.bodyId ?? null, createdAt: clock.now() };
}

/** Delivers SMS or e-mail. The default one records the message and reports it as not delivered. */
export interface MessageSender {
  readonly name: string;
  send(message: NewOutboxMessage): Promise<{ delivered: boolean }>;
}

export const recordingSender: MessageSender = {
  name: 'record-only',
  send: async () => ({ delivered: false }),
};

type Listener = (unread: number) => void;

/**
 * The notification centre and the SMS/e-mail outbox. A notification is written in the caller's
 * transaction and announced with pg_notify, which Postgres delivers only on commit, so every
 * server instance pushes the new unread count to its own live connections.
 */
export class Notifier {
  private listeners = new Map<string, Set<Listener>>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly database: Database,
    private readonly sender: MessageSender = recordingSender,
  ) {}

  async start() {
    this.unlisten = await this.database.raw.listen(CHANNEL, (userId) => void this.announce(userId));
  }

  async stop() {
    await this.unlisten?.();
    this.unlisten = null;
  }

  async notify(tx: Executor, n: NewNotification) {
    await tx.insert(notifications).values({ ...n, link: n.link ?? null, createdAt: clock.now() });
    await tx.execute(sql`SELECT pg_notify(${CHANNEL}, ${n.userId})`);
  }

  /** Queues an SMS or e-mail in the caller's transaction; returns the outbox row's id. */
  async enqueueMessage(tx: Executor, m: NewOutboxMessage): Promise<string> {
    const [row] = await tx.insert(outboxMessages).values(outboxRow(m)).returning({ id: outboxMessages.id });
    return row!.id;
  }

  /** Hands pending messages to the sender; run by the outbox job. */
  async deliverPending(limit = 100): Promise<number> {
    const { db } = this.database;
    const pending = await db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending')).limit(limit);
    for (const m of pending) {
      let status: 'recorded' | 'sent' | 'failed';
      let error: string | null = null;
      try {
        status = (await this.sender.send({ ...m, body: revealSecrets(m.body), channel: m.channel as OutboxChannel })).delivered
          ? 'sent'
          : 'recorded';
      } catch (err) {
        status = 'failed';
        error = err instanceof Error ? err.message : String(err);
      }
      await db
        .update(outboxMessages)
        .set({ status, error, attempts: m.attempts + 1, sentAt: status === 'sent' ? clock.now() : null })
        .where(eq(outboxMessages.id, m.id));
    }
    return pending.length;
  }

  async unreadCount(db: Executor, userId: string): Promise<number> {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.count ?? 0;
  }

  subscribe(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** Called after a read-state change in this process, and for every pg_notify from any instance. */
  async announce(userId: string) {
    const set = this.listeners.get(userId);
    if (!set?.size) return;
    const count = await this.unreadCount(this.database.db, userId);
    for (const listener of set) listener(count);
  }
}
