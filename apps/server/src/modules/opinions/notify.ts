import type { Executor } from '../../db/client.js';
import type { NewOutboxMessage } from '../../platform/notifications.js';
import { usersAboveByPath, usersOfUnit } from '../../platform/recipients.js';
import type { Notice } from '../../platform/workflow.js';
import type { OpinionRow } from './opinion-repository.js';
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

/** The citizen who left a phone number hears of a public step by SMS, through the outbox. */
export function citizenNotice(opinion: OpinionRow, bodyName: string, what: string): Notice[] {
  const sms = citizenSms(opinion, bodyName, what);
  return sms ? [{ userIds: [], title: '', body: '', sms: { phones: [sms.recipient], body: sms.body, bodyId: sms.bodyId } }] : [];
}

export const opinionLink = (id: string) => `/opinions/${id}`;

/** The accounts of the unit the opinion is routed to. */
export async function unitNotice(tx: Executor, opinion: OpinionRow, title: string, body: string): Promise<Notice> {
  const people = opinion.handlingUnitId ? await usersOfUnit(tx, opinion.handlingUnitId) : [];
  return { userIds: people.map((u) => u.id), title, body };
}

/** Staff (or leaders) of the opinion's body and of the bodies above it: whoever may act on it. */
export async function staffNotice(
  tx: Executor,
  bodyPath: string,
  title: string,
  body: string,
  role: 'staff' | 'leader' = 'staff',
): Promise<Notice> {
  return { userIds: (await usersAboveByPath(tx, bodyPath, role)).map((u) => u.id), title, body };
}

export function summaryOf(opinion: OpinionRow) {
  const text = opinion.content.length > 30 ? `${opinion.content.slice(0, 30)}…` : opinion.content;
  return `${opinion.categoryLabel}：${text}`;
}
