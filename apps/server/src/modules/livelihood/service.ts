import {
  cycleStateLabel,
  type Cycle,
  type CycleAction,
  type CycleActionInput,
  type CycleDetail,
  type CycleInput,
  type CycleQuery,
  type CycleState,
  type LivelihoodFigures,
  type Page,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { applyAction, type Effect, type Machine, type Notice } from '../../platform/workflow.js';
import { newTrackingCode } from '../opinions/index.js';
import * as repo from './repository.js';
import { enoughCandidates, evaluationRuleText, voteRuleText } from './rules.js';
import { openCandidateVote, openEvaluationVote } from './ballots.js';
import { settingsFor } from './settings.js';
import { cycleWorkflow } from './workflow.js';

export const today = () => chinaDate(clock.now());

/** The platform itself acting (a vote's close moving the cycle on): no actor, no scope. */
/** Steps people take run with their actor; only the system's own steps run without one. */
function actorOf(ctx: RequestContext): ActorContext {
  if (!ctx.actor) throw new Error('a person’s step without an actor');
  return ctx as ActorContext;
}

export const systemContext = (requestId = 'system'): RequestContext => ({ actor: null, requestId, ip: null });

// ---- cycles ----
function presentCycle(r: repo.CycleListRow, ctx: RequestContext): Cycle {
  const c = r.cycle;
  const state = c.state as CycleState;
  return {
    id: c.id,
    bodyId: c.bodyId,
    bodyName: r.bodyName,
    bodyLevel: r.bodyLevel,
    year: c.year,
    title: `${r.bodyName}${c.year}年度民生实事项目`,
    places: c.places,
    state,
    stateLabel: cycleStateLabel[state],
    solicitUntil: c.solicitUntil,
    publicCode: c.publicCode,
    voteId: c.voteId,
    runoffVoteId: c.runoffVoteId,
    evaluationVoteId: c.evaluationVoteId,
    midYearReport: c.midYearReport,
    midYearReportedOn: c.midYearReportedOn,
    proposalCount: r.proposalCount,
    candidateCount: r.candidateCount,
    chosenCount: r.chosenCount,
    completedCount: r.completedCount,
    budget: r.budget,
    allowedActions: ctx.actor ? cycleWorkflow.allowedActions(state, { role: ctx.actor.role }) : [],
    createdAt: c.createdAt.toISOString(),
  };
}

export async function pageCycles(db: Db, ctx: ActorContext, q: CycleQuery): Promise<Page<Cycle>> {
  const { rows, total } = await repo.pageCycles(db, ctx.actor, q);
  return pageResult(
    rows.map((r) => presentCycle(r, ctx)),
    total,
    q,
  );
}

export async function requireCycle(db: Executor, ctx: RequestContext, id: string, forUpdate = false) {
  const row = ctx.actor ? await repo.getCycle(db, ctx.actor, id, forUpdate) : await repo.findPublicCycle(db, { id });
  if (!row) throw notFound('民生实事票决年度', { id });
  return row;
}

export async function detailOf(db: Executor, r: repo.CycleListRow, ctx: RequestContext): Promise<CycleDetail> {
  const settings = await settingsFor(db, r.cycle.bodyId, r.bodyPath);
  return {
    ...presentCycle(r, ctx),
    settings,
    ruleText: voteRuleText(settings.voteThreshold, r.cycle.places, settings.voteSource),
    evaluationRuleText: evaluationRuleText(settings.evaluationThreshold, settings.evaluationSource),
  };
}

export async function getCycle(db: Executor, ctx: ActorContext, id: string) {
  return detailOf(db, await requireCycle(db, ctx, id), ctx);
}

/** A body's cycle for a year: one per body and year, county and township alike (区镇全覆盖). */
export async function createCycle(db: Db, ctx: ActorContext, input: CycleInput) {
  return db.transaction(async (tx) => {
    const body = await requireBodyInScope(tx, ctx.actor, input.bodyId);
    if (await repo.findCycleOfBody(tx, body.id, input.year))
      throw conflict('LIVELIHOOD_CYCLE_EXISTS', `${body.name}${input.year}年度的民生实事票决已建立`);
    const id = await repo.insertCycle(tx, {
      bodyId: body.id,
      year: input.year,
      places: input.places,
      solicitUntil: input.solicitUntil,
      publicCode: newTrackingCode(),
      state: 'soliciting',
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, { entity: 'livelihood_cycle', entityId: id, bodyId: body.id, action: 'create', after: input });
    return getCycle(tx, ctx, id);
  });
}

// ---- the cycle's steps on the one engine ----
type CycleItem = repo.CycleListRow;
type CycleStep = (typeof cycleWorkflow.transitions)[number];
type CycleEffect = Effect<CycleItem, CycleStep, CycleAction, CycleActionInput, RequestContext>;

const staffNotice = async (tx: Executor, bodyId: string, title: string, body: string): Promise<Notice> => ({
  userIds: (await staffOfBody(tx, bodyId)).map((u) => u.id),
  title,
  body,
});

const cycleEffects: Partial<Record<CycleAction, CycleEffect>> = {
  fixCandidates: async ({ item }) => {
    const candidates = item.candidateCount;
    if (!enoughCandidates(candidates, item.cycle.places))
      throw new DomainError(
        'LIVELIHOOD_NOT_ENOUGH_CANDIDATES',
        `候选项目须多于票决确定的项目数（差额）：现有候选 ${candidates} 项，拟确定 ${item.cycle.places} 项`,
        { candidates, places: item.cycle.places },
        409,
      );
    return { detail: { candidates } };
  },
  reopenScreening: async ({ input }) => ({ detail: { reason: input.reason ?? null } }),
  openVote: async ({ tx, ctx, item }) => {
    const voteId = await openCandidateVote(tx, actorOf(ctx), item);
    return { patch: { cycle: { ...item.cycle, voteId } }, detail: { voteId } };
  },
  startImplementation: async ({ tx, item }) => {
    const missing = await repo.projectsWithoutGroup(tx, item.cycle.id);
    if (missing.length)
      throw new DomainError(
        'LIVELIHOOD_GROUP_MISSING',
        `以下项目尚未组建代表监督小组（一件一小组）：${missing.map((m) => m.name).join('、')}`,
        { projects: missing.map((m) => m.name) },
        409,
      );
    const projects = (await repo.projectsOfCycle(tx, item.cycle.id)).filter((p) => p.project.state === 'chosen');
    const notices: Notice[] = [];
    for (const p of projects)
      notices.push({
        userIds: (await usersOfUnit(tx, p.project.unitId)).map((u) => u.id),
        title: '民生实事项目实施',
        body: `${item.bodyName}${item.cycle.year}年度民生实事项目“${p.project.name}”由贵单位负责实施，完成目标：${p.project.target}，完成时限：${p.project.dueOn}。`,
        link: `/livelihood-projects/projects/${p.project.id}`,
      });
    return { notices };
  },
  reportMidYear: async ({ item, input }) => ({
    patch: { cycle: { ...item.cycle, midYearReport: input.report ?? null, midYearReportedOn: input.reportedOn ?? null } },
    detail: { reportedOn: input.reportedOn },
  }),
  openEvaluation: async ({ tx, ctx, item }) => {
    const evaluationVoteId = await openEvaluationVote(tx, actorOf(ctx), item);
    return {
      patch: { cycle: { ...item.cycle, evaluationVoteId } },
      detail: { evaluationVoteId },
      notices: [
        await staffNotice(tx, item.cycle.bodyId, '年终测评', `${item.bodyName}${item.cycle.year}年度民生实事项目满意度测评已建立。`),
      ],
    };
  },
};

export const cycleMachine: Machine<CycleItem, CycleState, CycleAction, never, never, CycleStep, CycleActionInput, RequestContext> = {
  workflow: cycleWorkflow,
  entity: 'livelihood_cycle',
  load: (tx, ctx, id) => requireCycle(tx, ctx, id, true),
  stateOf: (c) => c.cycle.state as CycleState,
  bodyOf: (c) => c.cycle.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor?.role ?? 'citizen' }),
  effects: cycleEffects,
  async save(tx, item, to, patch, now) {
    const cycle = { ...item.cycle, ...(patch.cycle ?? {}), state: to, updatedAt: now };
    const { id: _id, ...columns } = cycle;
    await repo.updateCycle(tx, item.cycle.id, columns);
    return { ...item, cycle };
  },
  link: (c) => `/livelihood-projects/cycles/${c.cycle.id}`,
};

export async function actOnCycle(db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: CycleAction, input: CycleActionInput) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, cycleMachine, ctx, id, action, input);
    return getCycle(tx, ctx, id);
  });
}

// ---- figures for the dashboard ----
export async function figures(db: Db, ctx: ActorContext, year = Number(today().slice(0, 4))): Promise<LivelihoodFigures> {
  const [bodies, coverage] = await Promise.all([repo.figuresByBody(db, ctx.actor, year), repo.townshipCoverage(db, ctx.actor, year)]);
  return {
    year,
    bodies: bodies.map((b) => ({ ...b, state: b.state as CycleState, averageProgress: Math.round(b.averageProgress) })),
    townships: {
      total: coverage.total,
      running: coverage.running,
      share: coverage.total ? Math.round((coverage.running / coverage.total) * 1000) / 10 : 0,
    },
  };
}
