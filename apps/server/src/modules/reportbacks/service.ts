import {
  reportBackStateLabel,
  voterRatingLabel,
  type Page,
  type PublicRatingInput,
  type PublicReportBack,
  type ReportBack,
  type ReportBackAction,
  type ReportBackComment,
  type ReportBackInput,
  type ReportBackState,
  type VoterRating,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import { pageResult } from '../../platform/pagination.js';
import { findDeputiesByIds, newPublicCode } from '../deputies/index.js';
import * as repo from './repository.js';
import { maskPhone, phoneHash, resultsOf } from './rules.js';
import { reportBackFlow } from './workflow.js';

function present(row: repo.ReportBackRow, counts: Partial<Record<VoterRating, number>>, ctx: ActorContext): ReportBack {
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
  const counts = await repo.ratingCounts(db, [row.reportBack.id]);
  return present(row, counts.get(row.reportBack.id) ?? {}, ctx);
}

export async function pageReportBacks(db: Db, ctx: ActorContext, q: Parameters<typeof repo.pageReportBacks>[2]): Promise<Page<ReportBack>> {
  const { rows, total } = await repo.pageReportBacks(db, ctx.actor, q);
  const counts = await repo.ratingCounts(
    db,
    rows.map((r) => r.reportBack.id),
  );
  return pageResult(
    rows.map((r) => present(r, counts.get(r.reportBack.id) ?? {}, ctx)),
    total,
    q,
  );
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
    state,
    stateLabel: reportBackStateLabel[state],
    acceptingRatings: state === 'rating',
  };
}

/** 评: a voter rates the report; one rating per phone number and event, only while rating is open. */
export async function rate(db: Db, ctx: RequestContext, code: string, input: PublicRatingInput) {
  return db.transaction(async (tx) => {
    const { reportBack: r } = await requirePublic(tx, code, true);
    if (r.state === 'draft') throw conflict('REPORT_BACK_NOT_OPEN', '本次述职评议尚未开始，请在述职结束后再评价');
    if (r.state === 'closed') throw conflict('REPORT_BACK_CLOSED', '本次述职评议已结束，不能再提交评价');
    const inserted = await repo.insertRating(tx, {
      reportBackId: r.id,
      phoneHash: phoneHash(r.id, input.phone),
      phoneMasked: maskPhone(input.phone),
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
