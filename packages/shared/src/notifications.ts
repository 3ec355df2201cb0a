import { z } from 'zod';
import { pageQuery } from './pagination.js';

export const notification = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});

export const outboxChannel = z.enum(['sms', 'email']);
export type OutboxChannel = z.infer<typeof outboxChannel>;
/** recorded: the default sender only wrote it down; it was never delivered. */
export const outboxStatus = z.enum(['pending', 'recorded', 'sent', 'failed']);
export type OutboxStatus = z.infer<typeof outboxStatus>;
export const outboxStatusLabel = {
  pending: '待发送',
  recorded: '已记录（未实际发送）',
  sent: '已发送',
  failed: '发送失败',
} satisfies Record<OutboxStatus, string>;

export const attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  ownerEntity: z.string(),
  ownerId: z.string(),
  /** The owner's stage it was filed under (a supervision item's); null for owners without stages. */
  stage: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof attachment>;

export const outboxMessage = z.object({
  id: z.uuid(),
  channel: outboxChannel,
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: outboxStatus,
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;
