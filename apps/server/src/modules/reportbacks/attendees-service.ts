import type { AttendeesInput, OutboxStatus, ReportBackAttendee } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import * as attendeesRepo from './attendees-repository.js';
import type { ReportBackRecord } from './repository.js';
import { maskPhone } from '@renda/shared';
import { newAttendeeCode, phoneHash } from './rules.js';
import { requireReportBack } from './service.js';
import { queueCodeSms, type CodeSender } from './sms.js';

/** Attendee mode: the people registered at the event, each with a one-time rating code (评议码). */

function presentAttendee({ attendee: a, smsStatus, smsQueuedAt }: attendeesRepo.AttendeeRow): ReportBackAttendee {
  return {
    id: a.id,
    name: a.name,
    phone: a.phoneMasked,
    code: a.code,
    used: a.usedAt !== null,
    sms: smsStatus && smsQueuedAt ? { status: smsStatus as OutboxStatus, queuedAt: smsQueuedAt.toISOString() } : null,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function attendees(db: Executor, ctx: ActorContext, id: string): Promise<ReportBackAttendee[]> {
  await requireReportBack(db, ctx, id);
  return (await attendeesRepo.attendeesOf(db, id)).map(presentAttendee);
}

/** Codes go out while the event takes registrations: in attendee mode, before it is closed. */
function checkRegistering(r: ReportBackRecord, closedMessage: string) {
  if (r.ratingMode !== 'attendee') throw new DomainError('REPORT_BACK_NOT_ATTENDEE_MODE', '本次述职凭手机号评议，无需登记到会选民');
  if (r.state === 'closed') throw conflict('REPORT_BACK_CLOSED', closedMessage);
}

/**
 * Registers the people at the event, each with a new one-time code; while preparing or during the
 * rating (late arrivals), not after. A phone already registered is skipped and counted. Whoever
 * gave a phone gets the code and the rating link by SMS, through the outbox, in the same transaction.
 */
export async function registerAttendees(db: Db, ctx: ActorContext, id: string, input: AttendeesInput, sender: CodeSender) {
  return db.transaction(async (tx) => {
    const row = await requireReportBack(tx, ctx, id, true);
    const r = row.reportBack;
    checkRegistering(r, '本次述职评议已结束，不能再登记到会选民');
    const existing = await attendeesRepo.attendeesOf(tx, id);
    const taken = new Set(existing.map((a) => a.attendee.code));
    const now = clock.now();
    const phones = new Map<string, string>();
    const entry = (name: string, phone: string | null) => {
      const code = newAttendeeCode(taken);
      taken.add(code);
      const hash = phone ? phoneHash(id, phone) : null;
      if (hash && phone) phones.set(hash, phone);
      return {
        reportBackId: id,
        name,
        phoneHash: hash,
        phoneMasked: phone ? maskPhone(phone) : null,
        code,
        createdBy: ctx.actor.id,
        createdAt: now,
      };
    };
    const anonymousFrom = existing.filter((a) => a.attendee.name.startsWith('到会选民 ')).length;
    const rows = [
      ...input.attendees.map((a) => entry(a.name, a.phone ?? null)),
      ...Array.from({ length: input.count }, (_, i) => entry(`到会选民 ${String(anonymousFrom + i + 1).padStart(3, '0')}`, null)),
    ];
    // The same phone twice in one list counts once, like a phone registered before.
    const seen = new Set<string>();
    const unique = rows.filter((a) => !a.phoneHash || (!seen.has(a.phoneHash) && seen.add(a.phoneHash)));
    const inserted = await attendeesRepo.insertAttendees(tx, unique);
    let smsQueued = 0;
    for (const a of inserted) {
      const phone = a.phoneHash ? phones.get(a.phoneHash) : undefined;
      if (!phone) continue;
      await attendeesRepo.setAttendeeSms(tx, a.id, await queueCodeSms(tx, sender, row, { name: a.name, phone, code: a.code }));
      smsQueued += 1;
    }
    // Names and masked phones only: the codes stay out of the trail.
    await recordAudit(tx, ctx, {
      entity: 'report_back',
      entityId: id,
      bodyId: r.bodyId,
      action: 'registerAttendees',
      after: { registered: inserted.length, names: inserted.map((a) => a.name), smsQueued },
    });
    const items = (await attendeesRepo.attendeesOf(tx, id)).filter((a) => inserted.some((i) => i.id === a.attendee.id));
    return { registered: inserted.length, skipped: rows.length - inserted.length, items: items.map(presentAttendee) };
  });
}

/**
 * Sends an attendee's code again (a lost or deleted SMS) to the phone the first SMS went to; the
 * full number is not kept anywhere else. Not once the code is used or the event is closed.
 */
export async function resendCode(db: Db, ctx: ActorContext, id: string, attendeeId: string, sender: CodeSender) {
  return db.transaction(async (tx) => {
    const row = await requireReportBack(tx, ctx, id, true);
    checkRegistering(row.reportBack, '本次述职评议已结束，不能再发送评议码');
    const [found] = await attendeesRepo.attendeesOf(tx, id, attendeeId);
    if (!found) throw notFound('到会选民', { attendeeId });
    const a = found.attendee;
    if (a.usedAt) throw conflict('ATTENDEE_CODE_USED', '该选民已用评议码评价，无需再发送');
    const phone = await attendeesRepo.smsRecipientOf(tx, a.id);
    if (!phone) throw new DomainError('ATTENDEE_NO_PHONE', '登记时未留该选民的手机号，不能发送短信，请把签到表上的评议码交给本人');
    await attendeesRepo.setAttendeeSms(tx, a.id, await queueCodeSms(tx, sender, row, { name: a.name, phone, code: a.code }));
    await recordAudit(tx, ctx, {
      entity: 'report_back',
      entityId: id,
      bodyId: row.reportBack.bodyId,
      action: 'resendCode',
      after: { attendeeId: a.id, name: a.name, phone: a.phoneMasked },
    });
    const [after] = await attendeesRepo.attendeesOf(tx, id, attendeeId);
    return presentAttendee(after!);
  });
}
