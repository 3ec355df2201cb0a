import { and, eq } from 'drizzle-orm';
import {
  honourStateLabel,
  type BallotInput,
  type HonourAction,
  type HonourCampaign,
  type HonourCampaignEdit,
  type HonourCampaignInput,
  type HonourState,
  type HonourVoter,
  type NominationInput,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import { findDeputiesByIds, getDeputyByUser } from '../deputies/index.js';
import * as repo from './repository.js';
import { ballotProblem, rankHonours } from './rules.js';
import { honourFlow } from './workflow.js';

/** Eligible voters (seed 003, 评选“最美人大代表”): the body's deputies in office and its staff. */
async function isEligible(db: Executor, ctx: ActorContext, bodyId: string): Promise<boolean> {
  if (ctx.actor.role === 'staff') return ctx.actor.bodyId === bodyId;
  if (ctx.actor.role === 'deputy') {
    const own = await getDeputyByUser(db, ctx.actor.id);
    return !!own && own.deputy.bodyId === bodyId && own.deputy.status === 'in_office';
  }
  return false;
}

async function present(db: Executor, ctx: ActorContext, row: repo.CampaignRow): Promise<HonourCampaign> {
  const c = row.campaign;
  const state = c.state as HonourState;
  // One after another: inside a transaction the queries share one connection.
  const nominees = await repo.nomineesOf(db, c.id);
  const cast = await repo.ballotsCast(db, c.id);
  const eligible = await isEligible(db, ctx, c.bodyId);
  const voted = await repo.hasVoted(db, c.id, ctx.actor.id);
  // The tally is shown only once the vote is closed, so running figures cannot sway the voters.
  let results: HonourCampaign['results'] = null;
  if (state === 'closed') {
    const votes = await repo.voteCounts(db, c.id);
    results = rankHonours(
      nominees.map((n) => ({ nominationId: n.id, deputyId: n.deputyId, deputyName: n.deputyName, votes: votes.get(n.id) ?? 0 })),
      c.places,
    );
  }
  return {
    id: c.id,
    bodyId: c.bodyId,
    bodyName: row.bodyName,
    title: c.title,
    description: c.description,
    places: c.places,
    maxChoices: c.maxChoices,
    state,
    stateLabel: honourStateLabel[state],
    nominees: nominees.map((n) => ({ ...n, nominatedBy: n.nominatedBy ?? '—' })),
    ballotsCast: cast,
    eligible,
    voted,
    results,
    allowedActions: honourFlow.allowedActions(state, ctx.actor.role),
    createdAt: c.createdAt.toISOString(),
  };
}

export async function requireCampaign(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getCampaign(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('评选活动', { id });
  return row;
}

export async function listCampaigns(db: Db, ctx: ActorContext) {
  const rows = await repo.listCampaigns(db, ctx.actor, 100);
  return Promise.all(rows.map((r) => present(db, ctx, r)));
}

export async function getCampaign(db: Executor, ctx: ActorContext, id: string) {
  return present(db, ctx, await requireCampaign(db, ctx, id));
}

const reload = async (tx: Executor, ctx: ActorContext, id: string) => present(tx, ctx, await requireCampaign(tx, ctx, id));

export async function createCampaign(db: Db, ctx: ActorContext, input: HonourCampaignInput) {
  return db.transaction(async (tx) => {
    const [body] = await tx
      .select({ id: bodies.id })
      .from(bodies)
      .where(and(eq(bodies.id, input.bodyId), inScope(bodies.id, ctx.actor)));
    if (!body) throw notFound('人大机关', { bodyId: input.bodyId });
    const id = await repo.insertCampaign(tx, { ...input, state: 'nominating', createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'honour_campaign', entityId: id, bodyId: input.bodyId, action: 'create', after: input });
    return reload(tx, ctx, id);
  });
}

function stepOrThrow(state: HonourState, action: HonourAction, ctx: ActorContext) {
  const step = honourFlow.findTransition(state, action, ctx.actor.role);
  if (!step) throw new DomainError('HONOUR_ACTION_NOT_ALLOWED', `当前阶段（${honourStateLabel[state]}）不能执行此操作`, { state, action });
  return step;
}

export async function nominate(db: Db, ctx: ActorContext, id: string, input: NominationInput) {
  return db.transaction(async (tx) => {
    const { campaign } = await requireCampaign(tx, ctx, id, true);
    stepOrThrow(campaign.state as HonourState, 'nominate', ctx);
    const [deputy] = await findDeputiesByIds(tx, ctx.actor, [input.deputyId]);
    if (!deputy || deputy.bodyId !== campaign.bodyId)
      throw new DomainError('NOMINEE_NOT_OF_BODY', '只能提名本机关的代表', { fields: [{ path: 'deputyId', message: '不是本机关的代表' }] });
    if (deputy.status !== 'in_office') throw new DomainError('DEPUTY_NOT_IN_OFFICE', `${deputy.name}已不在任，不能提名`);
    const inserted = await repo.insertNomination(tx, {
      campaignId: id,
      deputyId: deputy.id,
      reason: input.reason,
      nominatedBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    if (!inserted) throw conflict('NOMINATION_DUPLICATE', `${deputy.name}已被提名，不能重复提名`);
    await recordAudit(tx, ctx, { entity: 'honour_campaign', entityId: id, bodyId: campaign.bodyId, action: 'nominate', after: input });
    return reload(tx, ctx, id);
  });
}

/** Changes the terms before voting opens; the body stays (its electorate is fixed by it). */
export async function editCampaign(db: Db, ctx: ActorContext, id: string, input: HonourCampaignEdit) {
  return db.transaction(async (tx) => {
    const { campaign } = await requireCampaign(tx, ctx, id, true);
    stepOrThrow(campaign.state as HonourState, 'edit', ctx);
    const before = { title: campaign.title, description: campaign.description, places: campaign.places, maxChoices: campaign.maxChoices };
    await repo.updateCampaign(tx, id, input);
    await recordAudit(tx, ctx, {
      entity: 'honour_campaign',
      entityId: id,
      bodyId: campaign.bodyId,
      action: 'update',
      before,
      after: input,
    });
    return reload(tx, ctx, id);
  });
}

/** Takes a nominee off the slate before voting opens (a nomination made in error, or declined). */
export async function withdrawNomination(db: Db, ctx: ActorContext, id: string, nominationId: string) {
  return db.transaction(async (tx) => {
    const { campaign } = await requireCampaign(tx, ctx, id, true);
    stepOrThrow(campaign.state as HonourState, 'withdrawNomination', ctx);
    const removed = await repo.deleteNomination(tx, id, nominationId);
    if (!removed) throw notFound('提名', { nominationId });
    await recordAudit(tx, ctx, {
      entity: 'honour_campaign',
      entityId: id,
      bodyId: campaign.bodyId,
      action: 'withdrawNomination',
      before: { nominationId, ...removed },
    });
    return reload(tx, ctx, id);
  });
}

export async function act(db: Db, ctx: ActorContext, id: string, action: 'openVoting' | 'close') {
  return db.transaction(async (tx) => {
    const { campaign } = await requireCampaign(tx, ctx, id, true);
    const state = campaign.state as HonourState;
    const step = stepOrThrow(state, action, ctx);
    if (action === 'openVoting') {
      const nominees = await repo.nomineesOf(tx, id);
      if (nominees.length < campaign.places)
        throw new DomainError('HONOUR_TOO_FEW_NOMINEES', `候选人（${nominees.length} 名）少于名额（${campaign.places} 名），不能开始投票`);
    }
    const now = clock.now();
    await repo.updateCampaign(tx, id, { state: step.to, ...(action === 'openVoting' ? { votingOpenedAt: now } : { closedAt: now }) });
    await recordAudit(tx, ctx, {
      entity: 'honour_campaign',
      entityId: id,
      bodyId: campaign.bodyId,
      action,
      before: { state },
      after: { state: step.to },
    });
    return reload(tx, ctx, id);
  });
}

/** Who may vote and who has (the turnout), for the staff running the selection. */
export async function voters(db: Executor, ctx: ActorContext, id: string): Promise<HonourVoter[]> {
  const { campaign } = await requireCampaign(db, ctx, id);
  const rows = await repo.eligibleVoters(db, id, campaign.bodyId);
  return rows.map((r) => {
    const kind = r.role === 'deputy' ? ('deputy' as const) : ('staff' as const);
    return { userId: r.userId, name: r.name, kind, kindLabel: kind === 'deputy' ? '代表' : '工作人员', voted: Boolean(r.voted) };
  });
}

/** One ballot per eligible voter, with 1..maxChoices distinct nominees; the choices are stored apart from the voter. */
export async function vote(db: Db, ctx: ActorContext, id: string, input: BallotInput) {
  return db.transaction(async (tx) => {
    const { campaign } = await requireCampaign(tx, ctx, id, true);
    if (campaign.state !== 'voting')
      throw conflict('HONOUR_NOT_VOTING', `当前阶段（${honourStateLabel[campaign.state as HonourState]}）不能投票`);
    if (!(await isEligible(tx, ctx, campaign.bodyId))) throw forbidden('您不是本次评选的投票人（仅限本机关的代表和工作人员）');
    const nominees = await repo.nomineesOf(tx, id);
    const problem = ballotProblem(input.nominationIds, new Set(nominees.map((n) => n.id)), campaign.maxChoices);
    if (problem) throw new DomainError('BALLOT_INVALID', problem, { fields: [{ path: 'nominationIds', message: problem }] });
    const cast = await repo.castBallot(tx, id, ctx.actor.id, input.nominationIds, clock.now());
    if (!cast) throw conflict('BALLOT_DUPLICATE', '您已投过票，每人只能投一票');
    // The trail records that this person voted, not for whom (secret ballot).
    await recordAudit(tx, ctx, {
      entity: 'honour_campaign',
      entityId: id,
      bodyId: campaign.bodyId,
      action: 'vote',
      after: { choices: input.nominationIds.length },
    });
    return reload(tx, ctx, id);
  });
}
