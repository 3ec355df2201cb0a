import {
  reportBackStateLabel,
  type Page,
  type RatingMode,
  type ReportBack,
  type ReportBackAction,
  type ReportBackInput,
  type ReportBackQuery,
  type ReportBackState,
  type VoterRating,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { applyAction, type Machine } from '../../platform/workflow.js';
import { findDeputiesByIds, newPublicCode } from '../deputies/index.js';
import * as attendeesRepo from './attendees-repository.js';
import * as ratingsRepo from './ratings-repository.js';
import * as repo from './repository.js';
import type { ReportBackRecord } from './repository.js';
import { resultsOf } from './rules.js';
import { reportBackWorkflow, type Step } from './workflow.js';

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
    allowedActions: reportBackWorkflow.allowedActions(state, { role: ctx.actor.role }),
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
  const counts = await ratingsRepo.ratingCounts(db, ids);
  const attendance = await attendeesRepo.attendeeCounts(db, ids);
  return rows.map((r) => present(r, counts.get(r.reportBack.id) ?? {}, attendance.get(r.reportBack.id) ?? noAttendees, ctx));
}

export async function pageReportBacks(db: Db, ctx: ActorContext, q: ReportBackQuery): Promise<Page<ReportBack>> {
  const { rows, total } = await repo.pageReportBacks(db, ctx.actor, q);
  return pageResult(await presentMany(db, ctx, rows), total, q);
}

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

/** 述职 moves on: 开启评议, 结束评议 (see workflow.ts), in one transaction with its audit entry. */
const reportBackMachine: Machine<
  ReportBackRecord,
  ReportBackState,
  ReportBackAction,
  never,
  never,
  Step<ReportBackState, ReportBackAction>,
  Record<string, unknown>
> = {
  workflow: reportBackWorkflow,
  entity: 'report_back',
  load: async (tx, ctx, id) => (await requireReportBack(tx, ctx, id, true)).reportBack,
  stateOf: (r) => r.state as ReportBackState,
  bodyOf: (r) => r.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects: {
    openRating: async ({ tx, item, now }) => {
      if (item.ratingMode === 'attendee' && !(await attendeesRepo.attendeeCounts(tx, [item.id])).get(item.id))
        throw new DomainError('REPORT_BACK_NO_ATTENDEES', '本次述职凭签到评议码评议，请先登记到会选民');
      return { patch: { openedAt: now } };
    },
    close: async ({ now }) => ({ patch: { closedAt: now } }),
  },
  save: (tx, item, to, patch) => repo.updateReportBack(tx, item.id, { ...patch, state: to }),
};

export async function act(db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: ReportBackAction) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, reportBackMachine, ctx, id, action, {});
    return presentOne(tx, ctx, await requireReportBack(tx, ctx, id));
  });
}
