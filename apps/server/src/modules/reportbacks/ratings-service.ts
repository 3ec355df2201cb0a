import {
  reportBackStateLabel,
  voterRatingLabel,
  type PublicRatingInput,
  type PublicReportBack,
  type RatingMode,
  type ReportBackComment,
  type ReportBackState,
  type VoterRating,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import * as attendeesRepo from './attendees-repository.js';
import * as ratingsRepo from './ratings-repository.js';
import * as repo from './repository.js';
import { maskPhone } from '@renda/shared';
import { phoneHash } from './rules.js';
import { requireReportBack } from './service.js';

/** 评: the voters' ratings of a report-back, from the public page their QR code opens. */

export const COMMENT_LIMIT = 500;

export async function comments(db: Executor, ctx: ActorContext, id: string): Promise<ReportBackComment[]> {
  await requireReportBack(db, ctx, id);
  const rows = await ratingsRepo.ratingsOf(db, id, COMMENT_LIMIT);
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
  if (!phone) throw fieldError('PHONE_REQUIRED', 'phone', '请填写 11 位手机号');
  return { key: phone, masked: maskPhone(phone) };
}

/**
 * Attendee mode: the code must be one registered at this event and not used yet; it is marked used
 * in the rating's transaction. The rating keeps no link to the attendee (who rated how stays unknown).
 */
async function useCode(tx: Executor, reportBackId: string, code: string | undefined) {
  if (!code) throw fieldError('ATTENDEE_CODE_REQUIRED', 'attendeeCode', '请填写签到时领取的 8 位评议码');
  if (await attendeesRepo.useAttendeeCode(tx, reportBackId, code, clock.now())) return { key: `code:${code}`, masked: '现场评议码' };
  if (await attendeesRepo.attendeeCodeExists(tx, reportBackId, code))
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
    const inserted = await ratingsRepo.insertRating(tx, {
      reportBackId: r.id,
      phoneHash: phoneHash(r.id, voter.key),
      phoneMasked: voter.masked,
      rating: input.rating,
      comment: input.comment,
      ip: ctx.ip,
      createdAt: clock.now(),
    });
    if (!inserted) throw conflict('RATING_DUPLICATE', '该手机号已评价过本次述职，每个手机号只能评价一次');
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
