import {
  honourStateLabel,
  type BallotInput,
  type HonourAction,
  type HonourCampaign,
  type HonourCampaignEdit,
  type HonourCampaignInput,
  type HonourStageAction,
  type HonourState,
  type HonourVoter,
  type NominationInput,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { applyAction, type Machine } from '../../platform/workflow.js';
import { findDeputiesByIds, getDeputyByUser } from '../deputies/index.js';
import { applyVoteAction, castBallot, createVote, getVote, membersOf, rollOf } from '../votes/index.js';
import * as repo from './honours-repository.js';
import { ballotProblem, honourRanking, honourRule } from './rules.js';
import { honourWorkflow, type Step } from './workflow.js';

/** Eligible voters (seed 003, 评选“最美人大代表”): the body's deputies in office and its staff. */
async function isEligible(db: Executor, ctx: ActorContext, bodyId: string): Promise<boolean> {
  if (ctx.actor.role === 'staff') return ctx.actor.bodyId === bodyId;
  if (ctx.actor.role === 'deputy') {
    const own = await getDeputyByUser(db, ctx.actor.id);
    return !!own && own.deputy.bodyId === bodyId && own.deputy.status === 'in_office';
  }
  return false;
}

async function present(db: Executor, ctx: ActorContext, row: repo.CampaignRow, ballotCode?: string): Promise<HonourCampaign> {
  const c = row.campaign;
  const state = c.state as HonourState;
  // One after another: inside a transaction the queries share one connection.
  const nominees = await repo.nomineesOf(db, c.id);
  // The roll, the ballots and the tally are the vote's (votes module), from the moment voting opens.
  const vote = c.voteId ? await getVote(db, ctx, c.voteId) : null;
  const eligible = vote ? vote.eligible : await isEligible(db, ctx, c.bodyId);
  // The tally is shown only once the vote is closed, so running figures cannot sway the voters.
  const results =
    state === 'closed' && vote?.result
      ? honourRanking(
          nominees.map((n) => ({ ...n, nominationId: n.id })),
          vote.result,
        )
      : null;
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
    ballotsCast: vote?.turnout.voted ?? 0,
    eligible,
    voted: vote?.youVoted ?? false,
    results:
      results?.map(({ nominationId, deputyId, deputyName, votes, rank, outcome, outcomeLabel }) => ({
        nominationId,
        deputyId,
        deputyName,
        votes,
        rank,
        outcome,
        outcomeLabel,
      })) ?? null,
    voteId: c.voteId,
    ...(ballotCode ? { ballotCode } : {}),
    allowedActions: honourWorkflow.allowedActions(state, { role: ctx.actor.role }),
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
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const id = await repo.insertCampaign(tx, { ...input, state: 'nominating', createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'honour_campaign', entityId: id, bodyId: input.bodyId, action: 'create', after: input });
    return reload(tx, ctx, id);
  });
}

/** What the slate's steps take: the nomination (提名) or the nomination to withdraw (撤销提名). */
type HonourInput = Partial<NominationInput> & { nominationId?: string };

/**
 * The selection's steps (see workflow.ts): the slate changes while nominating, then the vote opens
 * and closes. Each in one transaction with its audit entry.
 */
const honourMachine: Machine<repo.CampaignRecord, HonourState, HonourAction, never, never, Step<HonourState, HonourAction>, HonourInput> = {
  workflow: honourWorkflow,
  entity: 'honour_campaign',
  load: async (tx, ctx, id) => (await requireCampaign(tx, ctx, id, true)).campaign,
  stateOf: (c) => c.state as HonourState,
  bodyOf: (c) => c.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects: {
    nominate: async ({ tx, ctx, item: campaign, input, now }) => {
      const { deputyId, reason } = input as NominationInput;
      const [deputy] = await findDeputiesByIds(tx, ctx.actor, [deputyId]);
      if (!deputy || deputy.bodyId !== campaign.bodyId)
        throw new DomainError('NOMINEE_NOT_OF_BODY', '只能提名本机关的代表', {
          fields: [{ path: 'deputyId', message: '不是本机关的代表' }],
        });
      if (deputy.status !== 'in_office') throw new DomainError('DEPUTY_NOT_IN_OFFICE', `${deputy.name}已不在任，不能提名`);
      const inserted = await repo.insertNomination(tx, {
        campaignId: campaign.id,
        deputyId: deputy.id,
        reason,
        nominatedBy: ctx.actor.id,
        createdAt: now,
      });
      if (!inserted) throw conflict('NOMINATION_DUPLICATE', `${deputy.name}已被提名，不能重复提名`);
      return { detail: { deputyId, reason } };
    },
    /** Takes a nominee off the slate before voting opens (a nomination made in error, or declined). */
    withdrawNomination: async ({ tx, item: campaign, input }) => {
      const nominationId = input.nominationId!;
      const removed = await repo.deleteNomination(tx, campaign.id, nominationId);
      if (!removed) throw notFound('提名', { nominationId });
      return { detail: { nominationId, ...removed } };
    },
    /** Puts the slate to a secret vote of the body's deputies and staff (votes module) and opens it. */
    openVoting: async ({ tx, notifier, ctx, item: campaign, now }) => {
      const nominees = await repo.nomineesOf(tx, campaign.id);
      if (nominees.length < campaign.places)
        throw new DomainError('HONOUR_TOO_FEW_NOMINEES', `候选人（${nominees.length} 名）少于名额（${campaign.places} 名），不能开始投票`);
      const { id: voteId } = await createVote(tx, ctx, {
        bodyId: campaign.bodyId,
        title: campaign.title,
        subject: { module: 'honours', id: campaign.id },
        electorate: { kind: 'deputies_and_staff' },
        ballotKind: 'approve',
        maxChoices: campaign.maxChoices,
        secret: true,
        items: nominees.map((n) => ({ key: n.id, label: n.deputyName, description: n.reason })),
        rule: honourRule(campaign.places),
      });
      await applyVoteAction(tx, notifier, ctx, voteId, 'open', 'system');
      return { patch: { votingOpenedAt: now, voteId }, detail: { voteId } };
    },
    /** Closes the vote, recounts it from the published ballot list and announces the result. */
    close: async ({ tx, notifier, ctx, item: campaign, now }) => {
      if (campaign.voteId) {
        await applyVoteAction(tx, notifier, ctx, campaign.voteId, 'close', 'system');
        await applyVoteAction(tx, notifier, ctx, campaign.voteId, 'announce', 'system');
      }
      return { patch: { closedAt: now } };
    },
  },
  save: (tx, item, to, patch) => repo.updateCampaign(tx, item.id, { ...patch, state: to }),
};

const step = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: HonourAction, input: HonourInput) =>
  db.transaction(async (tx) => {
    await applyAction(tx, notifier, honourMachine, ctx, id, action, input);
    return reload(tx, ctx, id);
  });

export const nominate = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, input: NominationInput) =>
  step(db, notifier, ctx, id, 'nominate', input);

export const withdrawNomination = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, nominationId: string) =>
  step(db, notifier, ctx, id, 'withdrawNomination', { nominationId });

/** 开始投票, 结束投票并公布结果. */
export const act = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: HonourStageAction) =>
  step(db, notifier, ctx, id, action, {});

/**
 * Changes the terms before voting opens; the body stays (its electorate is fixed by it). The table
 * decides when (the 修改评选 row); the trail records it as the campaign's update, like any edit.
 */
export async function editCampaign(db: Db, ctx: ActorContext, id: string, input: HonourCampaignEdit) {
  return db.transaction(async (tx) => {
    const { campaign } = await requireCampaign(tx, ctx, id, true);
    honourWorkflow.require(campaign.state as HonourState, 'edit', { role: ctx.actor.role });
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

/** Who may vote and who has (the turnout), for the staff running the selection: people with an account. */
export async function voters(db: Executor, ctx: ActorContext, id: string): Promise<HonourVoter[]> {
  const { campaign } = await requireCampaign(db, ctx, id);
  const rows = campaign.voteId
    ? await rollOf(db, campaign.voteId)
    : (await membersOf(db, campaign.bodyId, { kind: 'deputies_and_staff' })).map((m) => ({ ...m, voted: false }));
  return rows
    .filter((r) => r.userId !== null)
    .map((r) => {
      const kind = r.deputyId ? ('deputy' as const) : ('staff' as const);
      return { userId: r.userId!, name: r.name, kind, kindLabel: kind === 'deputy' ? '代表' : '工作人员', voted: r.voted };
    });
}

/**
 * One ballot per eligible voter, with 1..maxChoices distinct nominees, cast on the selection's vote
 * (votes module): the roll and the ballot box are kept apart there, and the voter gets a ballot code.
 */
export async function vote(db: Db, ctx: ActorContext, id: string, input: BallotInput, key?: string) {
  const { campaign } = await requireCampaign(db, ctx, id);
  if (campaign.state !== 'voting' || !campaign.voteId)
    throw conflict('HONOUR_NOT_VOTING', `当前阶段（${honourStateLabel[campaign.state as HonourState]}）不能投票`);
  if (!(await getVote(db, ctx, campaign.voteId)).eligible) throw forbidden('您不是本次评选的投票人（仅限本机关的代表和工作人员）');
  const nominees = await repo.nomineesOf(db, id);
  const problem = ballotProblem(input.nominationIds, new Set(nominees.map((n) => n.id)), campaign.maxChoices);
  if (problem) throw new DomainError('BALLOT_INVALID', problem, { fields: [{ path: 'nominationIds', message: problem }] });
  const choices = Object.fromEntries(input.nominationIds.map((n) => [n, 'chosen' as const]));
  const { ballotCode } = await castBallot(db, ctx, campaign.voteId, choices, key);
  return present(db, ctx, await requireCampaign(db, ctx, id), ballotCode);
}
