import type { Executor } from '../../db/client.js';
import type { NewOutboxMessage, Notifier } from '../../platform/notifications.js';
import * as repo from './repository.js';
import type { OpinionRow } from './repository.js';
import { formatTrackingCode } from './tracking-code.js';

/** The SMS a citizen who left a phone number gets for a public step, or null without a number. */
export function citizenSms(
  opinion: Pick<OpinionRow, 'citizenPhone' | 'bodyId' | 'trackingCode'>,
  bodyName: string,
  what: string,
): NewOutboxMessage | null {
  if (!opinion.citizenPhone) return null;
  return {
    channel: 'sms',
    recipient: opinion.citizenPhone,
    bodyId: opinion.bodyId,
    body: `【${bodyName}】您反映的意见（查询码 ${formatTrackingCode(opinion.trackingCode)}）${what}。`,
  };
}

/** The citizen who left a phone number hears of each public step by SMS, through the outbox. */
export async function smsCitizen(tx: Executor, notifier: Notifier, opinion: OpinionRow, bodyName: string, what: string) {
  const sms = citizenSms(opinion, bodyName, what);
  if (sms) await notifier.enqueueMessage(tx, sms);
}

const link = (id: string) => `/opinions/${id}`;

export async function notifyUnit(tx: Executor, notifier: Notifier, opinion: OpinionRow, title: string, body: string) {
  if (!opinion.handlingUnitId) return;
  for (const u of await repo.activeUsersOfUnit(tx, opinion.handlingUnitId))
    await notifier.notify(tx, { userId: u.id, title, body, link: link(opinion.id) });
}

export async function notifyStaff(
  tx: Executor,
  notifier: Notifier,
  opinion: OpinionRow,
  bodyPath: string,
  title: string,
  body: string,
  role: 'staff' | 'leader' = 'staff',
) {
  for (const u of await repo.activeUsersAbove(tx, bodyPath, role))
    await notifier.notify(tx, { userId: u.id, title, body, link: link(opinion.id) });
}

export function summaryOf(opinion: OpinionRow) {
  const text = opinion.content.length > 30 ? `${opinion.content.slice(0, 30)}…` : opinion.content;
  return `${opinion.categoryLabel}：${text}`;
}
