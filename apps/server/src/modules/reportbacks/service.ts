import {
  reportBackStateLabel,
  voterRatingLabel,
  type AttendeesInput,
  type Page,
  type PublicRatingInput,
  type PublicReportBack,
  type ReportBack,
  type ReportBackAction,
  type ReportBackComment,
  type RatingMode,
  type ReportBackAttendee,
  type ReportBackInput,
  type ReportBackQuery,
  type ReportBackState,
  type VoterRating,
  type OutboxStatus,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import { pageResult } from '../../platform/pagination.js';
import { findDeputiesByIds, newPublicCode } from '../deputies/index.js';
import * as repo from './repository.js';
import { maskPhone, newAttendeeCode, phoneHash, resultsOf } from './rules.js';
import { queueCodeSms, type CodeSender } from './sms.js';
import { reportBackFlow } from './workflow.js';

type Attendance = { registered: number; used: number };
const noAttendees: Attendance = { registered: 0, used: 0 };

function present(
  row: repo.ReportBackRow,
  counts: Partial<Record<VoterRating, number>>,
  attendance: Attendance,
  ctx: ActorContext,
): ReportBack {
  const r = row.reportBack;
  const state = r.state as ReportBackState;
  return {
    id: r.id,
    bodyId: r.bodyId,
    bodyName: row.bodyName,
    deputyId: r.deputyId,
    deputyName: row.deputyName,
    heldOn: r.heldOn,
    place: r.place,
    constituency: r.constituency,
    title: r.title,
    report: r.report,
    ratingMode: r.ratingMode as RatingMode,
    attendees: attendance,
    state,
    stateLabel: reportBackStateLabel[state],
    publicCode: r.publicCode,
    results: resultsOf(counts),
    allowedActions: reportBackFlow.allowedActions(state, ctx.actor.role),
    createdAt: r.createdAt.toISOString(),
    openedAt: r.openedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

async function presentOne(db: Executor, ctx: ActorContext, row: repo.ReportBackRow) {
  return (await presentMany(db, ctx, [row]))[0]!;
}

async function presentMany(db: Executor, ctx: ActorContext, rows: repo.ReportBackRow[]) {
  const ids = rows.map((r) => r.reportBack.id);
  // One after another: inside a transaction the queries share one connection.
  const counts = await repo.ratingCounts(db, ids);
  const attendance = await repo.attendeeCounts(db, ids);
  return rows.map((r) => present(r, counts.get(r.reportBack.id) ?? {}, attendance.get(r.reportBack.id) ?? noAttendees, ctx));
}

export async function pageReportBacks(db: Db, ctx: ActorContext, q: ReportBackQuery): Promise<Page<ReportBack>> {
  const { rows, total } = await repo.pageReportBacks(db, ctx.actor, q);
  return pageResult(await presentMany(db, ctx, rows), total, q);
}

export const EXPORT_LIMIT = 5000;

/** The export: every event matching the list's filters (newest first, at most EXPORT_LIMIT). */
export async function listForExport(db: Db, ctx: ActorContext, q: Omit<ReportBackQuery, 'page' | 'pageSize'>) {
  return presentMany(db, ctx, await repo.listReportBacks(db, ctx.actor, q, EXPORT_LIMIT));
}

export async function requireReportBack(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getReportBack(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('述职活动', { id });
  return row;
}

export async function getReportBack(db: Executor, ctx: ActorContext, id: string) {
  return presentOne(db, ctx, await requireReportBack(db, ctx, id));
}

export async function createReportBack(db: Db, ctx: ActorContext, input: ReportBackInput) {
  return db.transaction(async (tx) => {
    const [deputy] = await findDeputiesByIds(tx, ctx.actor, [input.deputyId]);
    if (!deputy) throw notFound('代表', { deputyId: input.deputyId });
    if (deputy.status !== 'in_office') throw new DomainError('DEPUTY_NOT_IN_OFFICE', `${deputy.name}已不在任，不能安排回选区述职`);
    const id = await repo.insertReportBack(tx, {
      ...input,
      bodyId: deputy.bodyId,
      state: 'draft',
      publicCode: newPublicCode(),
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, { entity: 'report_back', entityId: id, bodyId: deputy.bodyId, action: 'create', after: input });
    return presentOne(tx, ctx, (await repo.getReportBack(tx, ctx.actor, id))!);
  });
}

/** The report can be corrected while the event is being prepared; once voters rate it, it is fixed. */
export async function updateReportBack(db: Db, ctx: ActorContext, id: string, input: ReportBackInput) {
  return db.transaction(async (tx) => {
    const row = await requireReportBack(tx, ctx, id, true);
    if (row.reportBack.state !== 'draft')
      throw new DomainError('REPORT_BACK_LOCKED', '评议开始后不能再修改述职内容', { state: row.reportBack.state });
    if (input.deputyId !== row.reportBack.deputyId)
      throw new DomainError('REPORT_BACK_DEPUTY_FIXED', '不能更换述职代表，请另建述职活动', {
        fields: [{ path: 'deputyId', message: '不能更换述职代表' }],
      });
    const { deputyId: _deputyId, ...patch } = input;
    await repo.updateReportBack(tx, id, patch);
    await recordAudit(tx, ctx, {
      entity: 'report_back',
      entityId: id,
      bodyId: row.reportBack.bodyId,
      action: 'update',
      before: row.reportBack,
      after: patch,
    });
    return presentOne(tx, ctx, (await repo.getReportBack(tx, ctx.actor, id))!);
  });
}

export async function act(db: Db, ctx: ActorContext, id: string, action: ReportBackAction) {
  return db.transaction(async (tx) => {
    const row = await requireReportBack(tx, ctx, id, true);
    const state = row.reportBack.state as ReportBackState;
    const step = reportBackFlow.findTransition(state, action, ctx.actor.role);
    if (!step)
      throw new DomainError('REPORT_BACK_ACTION_NOT_ALLOWED', `当前状态（${reportBackStateLabel[state]}）不能执行此操作`, {
        state,
        action,
      });
    if (action === 'openRating' && row.reportBack.ratingMode === 'attendee') {
      const attendance = (await repo.attendeeCounts(tx, [id])).get(id);
      if (!attendance) throw new DomainError('REPORT_BACK_NO_ATTENDEES', '本次述职凭签到评议码评议，请先登记到会选民');
    }
    const now = clock.now();
    await repo.updateReportBack(tx, id, {
      state: step.to,
      ...(action === 'openRating' ? { openedAt: now } : {}),
      ...(action === 'close' ? { closedAt: now } : {}),
    });
    await recordAudit(tx, ctx, {
      entity: 'report_back',
      entityId: id,
      bodyId: row.reportBack.bodyId,
      action,
      before: { state },
      after: { state: step.to },
    });
    return presentOne(tx, ctx, (await repo.getReportBack(tx, ctx.actor, id))!);
  });
}

export const COMMENT_LIMIT = 500;

export async function comments(db: Executor, ctx: ActorContext, id: string): Promise<ReportBackComment[]> {
  await requireReportBack(db, ctx, id);
  const rows = await repo.ratingsOf(db, id, COMMENT_LIMIT);
  return rows.map((r) => ({
    rating: r.rating as VoterRating,
    ratingLabel: voterRatingLabel[r.rating as VoterRating],
    comment: r.comment,
    phone: r.phoneMasked,
    createdAt: r.createdAt.toISOString(),
  }));
}

// ---- public (no login) ----
async function requirePublic(db: Executor, code: string, forUpdate = false) {
  const row = await repo.findReportBackByPublicCode(db, code, forUpdate);
  if (!row) throw notFound('述职活动', { code });
  return row;
}

export async function publicReportBack(db: Executor, code: string): Promise<PublicReportBack> {
  const { reportBack: r, bodyName, deputyName } = await requirePublic(db, code);
  const state = r.state as ReportBackState;
  return {
    deputyName,
    bodyName,
    heldOn: r.heldOn,
    place: r.place,
    constituency: r.constituency,
    title: r.title,
    report: r.report,
    ratingMode: r.ratingMode as RatingMode,
    state,
    stateLabel: reportBackStateLabel[state],
    acceptingRatings: state === 'rating',
  };
}

const fieldError = (code: string, path: string, message: string) => new DomainError(code, message, { fields: [{ path, message }] });

function phoneVoter(phone: string | undefined) {
  if (!phone) throw fieldError('PHONE_REQUIRED', 'phone', '请填写 11 位手机号码');
  return { key: phone, masked: maskPhone(phone) };
}

/**
 * Attendee mode: the code must be one registered at this event and not used yet; it is marked used
 * in the rating's transaction. The rating keeps no link to the attendee (who rated how stays unknown).
 */
async function useCode(tx: Executor, reportBackId: string, code: string | undefined) {
  if (!code) throw fieldError('ATTENDEE_CODE_REQUIRED', 'attendeeCode', '请填写签到时领取的 8 位评议码');
  if (await repo.useAttendeeCode(tx, reportBackId, code, clock.now())) return { key: `code:${code}`, masked: '现场评议码' };
  if (await repo.attendeeCodeExists(tx, reportBackId, code))
    throw conflict('ATTENDEE_CODE_USED', '该评议码已使用过，每位到会选民只能评价一次');
  throw fieldError('ATTENDEE_CODE_UNKNOWN', 'attendeeCode', '评议码不正确，请核对签到时领取的评议码');
}

/** 评: a voter rates the report; one rating per phone number (or registered attendee) and event, only while rating is open. */
export async function rate(db: Db, ctx: RequestContext, code: string, input: PublicRatingInput) {
  return db.transaction(async (tx) => {
    const { reportBack: r } = await requirePublic(tx, code, true);
    if (r.state === 'draft') throw conflict('REPORT_BACK_NOT_OPEN', '本次述职评议尚未开始，请在述职结束后再评价');
    if (r.state === 'closed') throw conflict('REPORT_BACK_CLOSED', '本次述职评议已结束，不能再提交评价');
    const voter = r.ratingMode === 'attendee' ? await useCode(tx, r.id, input.attendeeCode) : phoneVoter(input.phone);
    const inserted = await repo.insertRating(tx, {
      reportBackId: r.id,
      phoneHash: phoneHash(r.id, voter.key),
      phoneMasked: voter.masked,
      rating: input.rating,
      comment: input.comment,
      ip: ctx.ip,
      createdAt: clock.now(),
    });
    if (!inserted) throw conflict('RATING_DUPLICATE', '该手机号码已评价过本次述职，每个手机号码只能评价一次');
    // The phone number stays out of the trail: only the rating itself is recorded.
    await recordAudit(tx, ctx, {
      entity: 'report_back',
      entityId: r.id,
      bodyId: r.bodyId,
      action: 'rate',
      after: { rating: input.rating },
    });
    return { ok: true as const, message: '感谢您的评价！' };
  });
}

// ---- attendees (attendee mode) ----
function presentAttendee({ attendee: a, smsStatus, smsQueuedAt }: repo.AttendeeRow): ReportBackAttendee {
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
  return (await repo.attendeesOf(db, id)).map(presentAttendee);
}

/** Codes go out while the event takes registrations: in attendee mode, before it is closed. */
function checkRegistering(r: repo.ReportBackRow['reportBack'], closedMessage: string) {
  if (r.ratingMode !== 'attendee') throw new DomainError('REPORT_BACK_NOT_ATTENDEE_MODE', '本次述职凭手机号码评议，无需登记到会选民');
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
    const existing = await repo.attendeesOf(tx, id);
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
    const inserted = await repo.insertAttendees(tx, unique);
    let smsQueued = 0;
    for (const a of inserted) {
      const phone = a.phoneHash ? phones.get(a.phoneHash) : undefined;
      if (!phone) continue;
      await repo.setAttendeeSms(tx, a.id, await queueCodeSms(tx, sender, row, { name: a.name, phone, code: a.code }));
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
    const items = (await repo.attendeesOf(tx, id)).filter((a) => inserted.some((i) => i.id === a.attendee.id));
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
    const [found] = await repo.attendeesOf(tx, id, attendeeId);
    if (!found) throw notFound('到会选民', { attendeeId });
    const a = found.attendee;
    if (a.usedAt) throw conflict('ATTENDEE_CODE_USED', '该选民已用评议码评价，无需再发送');
    const phone = await repo.smsRecipientOf(tx, a.id);
    if (!phone) throw new DomainError('ATTENDEE_NO_PHONE', '登记时未留该选民的手机号码，不能发送短信，请把签到表上的评议码交给本人');
    await repo.setAttendeeSms(tx, a.id, await queueCodeSms(tx, sender, row, { name: a.name, phone, code: a.code }));
    await recordAudit(tx, ctx, {
      entity: 'report_back',
      entityId: id,
      bodyId: row.reportBack.bodyId,
      action: 'resendCode',
      after: { attendeeId: a.id, name: a.name, phone: a.phoneMasked },
    });
    const [after] = await repo.attendeesOf(tx, id, attendeeId);
    return presentAttendee(after!);
  });
}
