import type { Executor } from '../../db/client.js';
import { secret, type Notifier } from '../../platform/notifications.js';
import type { ReportBackRow } from './repository.js';

/** What sending a code needs beside the event: the outbox, and the site's address for the rating link. */
export interface CodeSender {
  notifier: Notifier;
  /** The public rating page of an event, as its QR code opens it. */
  ratingLink: (publicCode: string) => string;
}

/**
 * Queues the SMS that gives a registered attendee their rating code (评议码) and the rating page.
 * The code is marked secret: the outbox list staff may read shows it masked (see platform/notifications).
 */
export function queueCodeSms(tx: Executor, sender: CodeSender, event: ReportBackRow, to: { name: string; phone: string; code: string }) {
  const r = event.reportBack;
  return sender.notifier.enqueueMessage(tx, {
    channel: 'sms',
    recipient: to.phone,
    bodyId: r.bodyId,
    body:
      `【${event.bodyName}】${to.name}您好，感谢参加${event.deputyName}代表“${r.title}”述职活动。` +
      `请打开 ${sender.ratingLink(r.publicCode)} 评议，您的评议码：${secret(to.code)}（仅可使用一次）。`,
  });
}
