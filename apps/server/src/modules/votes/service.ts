import {
  ballotKindLabel,
  electorate as electorateSchema,
  normalizeBallotCode,
  voteRule,
  voteSpec,
  voteStateLabel,
  type BallotChoices,
  type BallotKind,
  type Electorate,
  type PendingPaperBallot,
  type PublicVote,
  type PublishedBallot,
  type TurnoutView,
  type VoteAction,
  type VoteItem,
  type VoteResult,
  type VoteRule,
  type VoteSpec,
  type VoteState,
  type VoteSubjectModule,
  type VoteView,
} from '@renda/shared';
import { perDatabase, type Db, type Executor, type Tx } from '../../db/client.js';
import { auditRow, recordAudit } from '../../platform/audit.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { conflict, DomainError, forbidden, isUniqueViolation, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { applyAction, type Machine } from '../../platform/workflow.js';
import * as repo from './repository.js';
import { ballotCodeFor, ballotProblem, decide, randomBallotKey, ruleText, sameResult } from './rules.js';
import { voteWorkflow, type VoteStep } from './workflow.js';

// ---- the electorate ----

/** Everyone on the electorate: deputies (voterId = deputy id) and, for 评选, staff (voterId = user id). */
export async function membersOf(db: Executor, bodyId: string, e: Electorate): Promise<repo.Member[]> {
  switch (e.kind) {
    case 'congress':
      return repo.congressMembers(db, bodyId);
    case 'standing_committee':
      return repo.committeeMembers(db, bodyId);
    case 'list':
      return repo.listedMembers(db, bodyId, e.deputyIds);
    case 'deputies_and_staff':
      return [...(await repo.congressMembers(db, bodyId)), ...(await repo.staffMembers(db, bodyId))];
  }
}

/** The full membership of an electorate (deputies), for thresholds and for quorum in other modules. */
export async function electorateOf(db: Executor, bodyId: string, e: Electorate) {
  const members = await membersOf(db, bodyId, e);
  return members.filter((m) => m.deputyId !== null).map((m) => ({ deputyId: m.deputyId!, userId: m.userId, name: m.name }));
}

// ---- owner modules ----

export interface ClosedVote {
  id: string;
  subject: { module: VoteSubjectModule; id: string };
  result: VoteResult;
  runoffVoteId: string | null;
}
export type VoteClosedHandler = (tx: Tx, vote: ClosedVote) => Promise<void>;
const closedHandlers = new Map<string, VoteClosedHandler>();

/** An owner module (民生实事, 评选…) hears of its votes' closing inside the closing transaction. */
export function onVoteClosed(module: VoteSubjectModule, handler: VoteClosedHandler) {
  closedHandlers.set(module, handler);
}

// ---- reading ----

/** What a ballot is checked against. */
type BallotSpec = Pick<repo.VoteRecord, 'ballotKind' | 'items' | 'maxChoices'>;
const itemsOf = (v: BallotSpec) => v.items as VoteItem[];
const ruleOf = (v: repo.VoteRecord) => v.rule as VoteRule;
const kindOf = (v: BallotSpec) => v.ballotKind as BallotKind;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function requireVote(db: Executor, ctx: ActorContext, id: string, lock?: 'update' | 'share') {
  const row = await repo.getVote(db, ctx.actor, id, lock);
  if (!row) throw notFound('投票', { id });
  return row;
}

async function sizeOf(db: Executor, v: repo.VoteRecord) {
  return v.electorateSize ?? (await membersOf(db, v.bodyId, v.electorate as Electorate)).length;
}

export async function present(db: Executor, ctx: ActorContext, v: repo.VoteRecord): Promise<VoteView> {
  const state = v.state as VoteState;
  const size = await sizeOf(db, v);
  const by = await repo.turnout(db, v.id);
  const line = await repo.rollLineOfUser(db, v.id, ctx.actor.id);
  const eligible = line
    ? true
    : state === 'draft' && (await membersOf(db, v.bodyId, v.electorate as Electorate)).some((m) => m.userId === ctx.actor.id);
  return {
    id: v.id,
    bodyId: v.bodyId,
    title: v.title,
    subject: { module: v.subjectModule as VoteSubjectModule, id: v.subjectId },
    state,
    stateLabel: voteStateLabel[state],
    secret: v.secret,
    ballotKind: kindOf(v),
    ballotKindLabel: ballotKindLabel[kindOf(v)],
    maxChoices: v.maxChoices,
    electorate: v.electorate as Electorate,
    items: itemsOf(v),
    rule: ruleOf(v),
    ruleText: ruleText(kindOf(v), ruleOf(v), size),
    electorateSize: size,
    turnout: { voted: by.app + by.paper, electorateSize: size },
    eligible,
    youVoted: line?.voted ?? false,
    yourBallotCode: null,
    allowedActions: voteWorkflow.allowedActions(state, { role: ctx.actor.role }),
    result: (v.result as VoteResult | null) ?? null,
    verifiedAt: iso(v.verifiedAt),
    parentVoteId: v.parentVoteId,
    runoffVoteId: v.runoffVoteId,
    opensAt: iso(v.opensAt),
    closesAt: iso(v.closesAt),
    pendingPaperBallots: await repo.pendingCount(db, v.id),
  };
}

export async function getVote(db: Executor, ctx: ActorContext, id: string) {
  return present(db, ctx, await requireVote(db, ctx, id));
}

export async function voteResult(db: Executor, id: string): Promise<VoteResult | null> {
  const v = await repo.getVote(db, null, id);
  return (v?.result as VoteResult | null | undefined) ?? null;
}

// ---- creating ----

/** A vote row's columns as its spec gives them (a new vote, or one stored as already announced). */
const specColumns = (spec: Omit<VoteSpec, 'opensAt' | 'closesAt' | 'parentVoteId'>, maxChoices: number | null) => ({
  bodyId: spec.bodyId,
  title: spec.title,
  subjectModule: spec.subject.module,
  subjectId: spec.subject.id,
  electorate: electorateSchema.parse(spec.electorate),
  ballotKind: spec.ballotKind,
  maxChoices,
  secret: spec.secret,
  items: spec.items,
});

export async function createVote(tx: Executor, ctx: ActorContext, input: VoteSpec): Promise<{ id: string }> {
  const spec = voteSpec.parse(input);
  await requireBodyInScope(tx, ctx.actor, spec.bodyId);
  const keys = new Set(spec.items.map((i) => i.key));
  if (keys.size !== spec.items.length) throw new DomainError('VOTE_ITEMS_DUPLICATE', '表决项不能重复');
  if (spec.rule.threshold === 'at_least' && !spec.rule.thresholdCount)
    throw new DomainError('VOTE_RULE_INVALID', '“至少若干票”的规则须写明票数');
  if (spec.rule.budget && spec.items.some((i) => i.budget === undefined))
    throw new DomainError('VOTE_RULE_INVALID', '按预算总额确定的，每个表决项须有预算金额');
  if (spec.parentVoteId && !(await repo.getVote(tx, ctx.actor, spec.parentVoteId))) throw notFound('原投票', { id: spec.parentVoteId });
  const maxChoices = spec.ballotKind === 'approve' ? (spec.maxChoices ?? spec.rule.places ?? spec.items.length) : null;
  const id = await repo.insertVote(tx, {
    ...specColumns(spec, maxChoices),
    rule: voteRule.parse(spec.rule),
    state: 'draft',
    opensAt: spec.opensAt ? new Date(spec.opensAt) : null,
    closesAt: spec.closesAt ? new Date(spec.closesAt) : null,
    parentVoteId: spec.parentVoteId ?? null,
    createdBy: ctx.actor.id,
  });
  await recordAudit(tx, ctx, { entity: 'vote', entityId: id, bodyId: spec.bodyId, action: 'create', after: spec });
  return { id };
}

// ---- the stages ----

const published = async (tx: Executor, v: repo.VoteRecord) =>
  decide(
    kindOf(v),
    itemsOf(v),
    ruleOf(v),
    (await repo.ballotsOf(tx, v.id)).map((b) => b.choices),
    v.electorateSize ?? 0,
  );

const voteMachine: Machine<repo.VoteRecord, VoteState, VoteAction, never, never, VoteStep, Record<string, unknown>> = {
  workflow: voteWorkflow,
  entity: 'vote',
  load: (tx, ctx, id) => requireVote(tx, ctx, id, 'update'),
  stateOf: (v) => v.state as VoteState,
  bodyOf: (v) => v.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects: {
    /** Fixes the roll: who may vote is decided when voting starts, and thresholds are counted on it. */
    open: async ({ tx, item: v, now }) => {
      const members = await membersOf(tx, v.bodyId, v.electorate as Electorate);
      if (members.length === 0) throw new DomainError('VOTE_NO_ELECTORATE', '投票人名单为空，不能开始投票');
      await repo.insertRoll(tx, v.id, members);
      return { patch: { electorateSize: members.length, openedAt: now }, detail: { electorateSize: members.length } };
    },
    /** Tallies the box; unconfirmed paper ballots are not counted; a tie at the last place opens a run-off. */
    close: async ({ tx, ctx, item: v, now }) => {
      const unconfirmed = await repo.dropPending(tx, v.id);
      const by = await repo.turnout(tx, v.id);
      const inBox = await repo.ballotCount(tx, v.id);
      // Every app vote on the roll has exactly one ballot, and each confirmed paper ballot one paper mark.
      if (inBox !== by.app + v.paperBallots || v.paperBallots > by.paper)
        throw new DomainError(
          'VOTE_BOX_MISMATCH',
          `选票数（${inBox}）与投票人名单（${by.app + by.paper}）不符，请核查后再结束投票`,
          { inBox, ...by },
          409,
        );
      const result = await published(tx, v);
      if (unconfirmed > 0) result.figuresText += `另有 ${unconfirmed} 张纸质选票未经第二人确认，不计入。`;
      let runoffVoteId: string | null = null;
      if (result.tie) {
        const tied = itemsOf(v).filter((i) => result.tie!.keys.includes(i.key));
        const rule = ruleOf(v);
        const runoff = await createVote(tx, ctx, {
          bodyId: v.bodyId,
          title: `${v.title}（末位得票相同，重新投票）`,
          subject: { module: v.subjectModule as VoteSubjectModule, id: v.subjectId },
          electorate: v.electorate as Electorate,
          ballotKind: kindOf(v),
          maxChoices: result.tie.places,
          secret: v.secret,
          items: tied,
          rule: { ...rule, places: result.tie.places },
          parentVoteId: v.id,
        });
        runoffVoteId = runoff.id;
      }
      return {
        patch: { result, closedAt: now, runoffVoteId },
        detail: { ballotsCast: result.ballotsCast, unconfirmedPaper: unconfirmed, runoffVoteId },
      };
    },
    /** Recomputes the result from the published ballot list; an announcement that would differ is refused. */
    announce: async ({ tx, item: v, now }) => {
      const stored = v.result as VoteResult;
      const recount = await published(tx, v);
      if (!sameResult(stored, recount))
        throw new DomainError('VOTE_RECOUNT_MISMATCH', '按公布的选票清单重新计票，结果与计票结果不一致，不能公布', undefined, 409);
      return { patch: { announcedAt: now, verifiedAt: now }, detail: { recounted: recount.ballotsCast } };
    },
  },
  save: (tx, v, to, patch) => repo.updateVote(tx, v.id, { ...patch, state: to }),
};

/**
 * Takes a stage action in the caller's transaction. Owner modules call it as the system
 * (`by: 'system'`) when their own stages move the vote (评选 opens and closes its vote).
 */
export async function applyVoteAction(
  tx: Tx,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: VoteAction,
  by: 'actor' | 'system' = 'actor',
) {
  const { after } = await applyAction(tx, notifier, voteMachine, ctx, id, action, {}, by);
  if (action === 'close') {
    const handler = closedHandlers.get(after.subjectModule);
    if (handler)
      await handler(tx, {
        id,
        subject: { module: after.subjectModule as VoteSubjectModule, id: after.subjectId },
        result: after.result as VoteResult,
        runoffVoteId: after.runoffVoteId,
      });
  }
  return after;
}

export const act = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: VoteAction) =>
  db.transaction(async (tx) => {
    await applyVoteAction(tx, notifier, ctx, id, action);
    return getVote(tx, ctx, id);
  });

// ---- casting ----

function notOpen(state: string) {
  if (state === 'draft') return conflict('VOTE_NOT_OPEN', '投票尚未开始，请在主持人宣布开始投票后再投');
  return conflict('VOTE_CLOSED', `投票已结束（${voteStateLabel[state as VoteState]}），不能再投票`);
}

const problemOf = (v: BallotSpec, choices: BallotChoices) => ballotProblem(kindOf(v), itemsOf(v), v.maxChoices, choices);
const invalidBallot = (problem: string) => new DomainError('BALLOT_INVALID', problem, { fields: [{ path: 'choices', message: problem }] });

function requireValid(v: BallotSpec, choices: BallotChoices) {
  const problem = problemOf(v, choices);
  if (problem) throw invalidBallot(problem);
}

/**
 * What a cast needs of its vote: columns written when the vote is created and never changed after
 * (`updateVote` is given only the stages' patches and the paper count). Never the state, the scope or
 * the roll: the cast statement reads those every time.
 */
type CastFacts = BallotSpec & Pick<repo.VoteRecord, 'bodyId' | 'secret'>;
const castFactsOf = perDatabase(() => new Map<string, CastFacts>());
/** Votes open at one time are few; the oldest entry goes first. */
const castFactsLimit = 256;

/**
 * The vote's fixed facts from this process's cache, or read once (within the actor's scope: a vote they
 * may not see is answered 404 and not cached). Only a vote that has been opened is cached, and a draft is
 * never cast on, so a ballot is never checked against a spec read before the vote opened.
 */
async function castFacts(db: Db, ctx: ActorContext, id: string): Promise<CastFacts> {
  const cache = castFactsOf(db);
  const cached = cache.get(id);
  if (cached) return cached;
  const v = await requireVote(db, ctx, id);
  // No roll before opening, so nobody is on it yet: the answer is "not open" for everyone in scope.
  if (v.state === 'draft') throw notOpen(v.state);
  const facts = { bodyId: v.bodyId, secret: v.secret, ballotKind: v.ballotKind, items: v.items, maxChoices: v.maxChoices };
  if (cache.size >= castFactsLimit) cache.delete(cache.keys().next().value!);
  cache.set(id, facts);
  return facts;
}

/**
 * One ballot per voter on the roll. The roll is marked and the ballot put in the box in one
 * statement, with nothing linking the two. The ballot code is derived from the voter's secret
 * idempotency key, so a retry with the same key is answered with the same code, from the box alone.
 * Two round trips in all (the session, `castOne`; the vote's fixed facts come from `castFacts`): the
 * cast path carries a whole congress at once.
 */
export async function castBallot(db: Db, ctx: ActorContext, id: string, choices: BallotChoices, key: string | undefined) {
  const v = await castFacts(db, ctx, id);
  const problem = problemOf(v, choices);
  const code = ballotCodeFor(id, key ?? randomBallotKey());
  // A new statement, so it sees a ballot that a concurrent first attempt (double click) has just committed.
  const repeat = async () => {
    if (key && (await repo.ballotExists(db, id, code))) return { ballotCode: code, repeated: true };
    throw conflict('BALLOT_DUPLICATE', '您已投过票，每人只能投一票');
  };
  let cast: Awaited<ReturnType<typeof repo.castOne>>;
  try {
    cast = await repo.castOne(db, {
      voteId: id,
      userId: ctx.actor.id,
      scope: ctx.actor,
      code,
      choices,
      secret: v.secret,
      // An invalid ballot is written nowhere, but the voter hears first what reading the roll would say.
      valid: !problem,
      // The trail says that this person voted, never what or with which code.
      audit: auditRow(ctx, { entity: 'vote', entityId: id, bodyId: v.bodyId, action: 'cast', after: { channel: 'app' } }),
    });
  } catch (err) {
    if (isUniqueViolation(err, 'vote_ballots_vote_id_code_pk'))
      throw conflict('BALLOT_KEY_REUSED', '此投票凭据已被使用，请刷新页面后重新投票');
    throw err;
  }
  // The answers in this order: not visible, written, not on the roll, voted before, not open, invalid.
  if (!cast?.inScope) throw notFound('投票', { id });
  if (cast.marked) return { ballotCode: code, repeated: false };
  if (cast.voted === null) throw forbidden('您不在本次投票的投票人名单中');
  if (cast.voted) return repeat();
  // Not open: also a cast that waited while closing took the vote.
  if (cast.state !== 'open') throw notOpen(cast.state);
  if (problem) throw invalidBallot(problem);
  // A concurrent attempt (double click) marked the line after this statement began.
  return repeat();
}

// ---- paper ballots ----

const requireOpen = (v: repo.VoteRecord) => {
  if (v.state !== 'open') throw notOpen(v.state);
};

/** Marks on the roll that a deputy handed in a paper ballot (at the ballot box); the ballot is keyed in apart. */
export async function markPaper(db: Db, ctx: ActorContext, id: string, deputyId: string) {
  return db.transaction(async (tx) => {
    const v = await requireVote(tx, ctx, id, 'share');
    requireOpen(v);
    const line = await repo.rollLine(tx, id, deputyId);
    if (!line) throw new DomainError('VOTER_NOT_ON_ROLL', '该代表不在本次投票的投票人名单中', { deputyId }, 404);
    if (!(await repo.markVoted(tx, id, line.voterId, 'paper'))) throw conflict('BALLOT_DUPLICATE', `${line.name}已投票，每人只能投一票`);
    await recordAudit(tx, ctx, {
      entity: 'vote',
      entityId: id,
      bodyId: v.bodyId,
      action: 'markPaper',
      after: { deputyId, name: line.name },
    });
    return turnoutOf(tx, v);
  });
}

/** Keys in one paper ballot from the opened box; it counts only once a second staff member confirms it. */
export async function enterPaper(db: Db, ctx: ActorContext, id: string, choices: BallotChoices) {
  return db.transaction(async (tx) => {
    const v = await requireVote(tx, ctx, id, 'update');
    requireOpen(v);
    requireValid(v, choices);
    const by = await repo.turnout(tx, id);
    const pending = await repo.pendingCount(tx, id);
    if (v.paperBallots + pending + 1 > by.paper)
      throw conflict(
        'PAPER_BALLOTS_EXCEED_ROLL',
        `纸质选票（已录入 ${v.paperBallots + pending} 张）不能多于登记交回纸质选票的人数（${by.paper} 人）`,
      );
    await repo.insertPending(tx, id, choices, ctx.actor.id);
    await recordAudit(tx, ctx, { entity: 'vote', entityId: id, bodyId: v.bodyId, action: 'enterPaper', after: { pending: pending + 1 } });
    return pendingList(tx, ctx, id);
  });
}

/** The second person's check (双人复核): a confirmed paper ballot goes into the box under a random code. */
export async function confirmPaper(db: Db, ctx: ActorContext, id: string, pendingId: string, accept: boolean) {
  return db.transaction(async (tx) => {
    const v = await requireVote(tx, ctx, id, 'update');
    requireOpen(v);
    const pending = await repo.peekPending(tx, id, pendingId);
    if (!pending) throw notFound('待确认的纸质选票', { pendingId });
    if (pending.enteredBy === ctx.actor.id)
      throw new DomainError('PAPER_SAME_PERSON', '录入人不能确认自己录入的选票，须由另一名工作人员确认', undefined, 403);
    await repo.takePending(tx, id, pendingId);
    if (accept) {
      const code = ballotCodeFor(id, randomBallotKey());
      if (!(await repo.insertBallot(tx, id, code, pending.choices as BallotChoices))) throw new Error('ballot code collision');
      await repo.updateVote(tx, id, { paperBallots: v.paperBallots + 1 });
    }
    await recordAudit(tx, ctx, { entity: 'vote', entityId: id, bodyId: v.bodyId, action: accept ? 'confirmPaper' : 'rejectPaper' });
    return pendingList(tx, ctx, id);
  });
}

export async function pendingList(db: Executor, ctx: ActorContext, id: string): Promise<PendingPaperBallot[]> {
  await requireVote(db, ctx, id);
  const rows = await repo.pendingOf(db, id);
  return rows.map((r) => ({
    id: r.id,
    choices: r.choices as BallotChoices,
    enteredBy: r.enteredByName,
    mine: r.enteredBy === ctx.actor.id,
  }));
}

// ---- turnout ----

async function turnoutOf(db: Executor, v: repo.VoteRecord): Promise<TurnoutView> {
  const by = await repo.turnout(db, v.id);
  return {
    state: v.state as VoteState,
    voted: by.app + by.paper,
    electorateSize: await sizeOf(db, v),
    byChannel: by,
    pendingPaperBallots: await repo.pendingCount(db, v.id),
    notVoted: v.state === 'draft' ? [] : await repo.notVoted(db, v.id),
  };
}

export async function turnout(db: Executor, ctx: ActorContext, id: string) {
  return turnoutOf(db, await requireVote(db, ctx, id));
}

// ---- public ----

async function requirePublished(db: Executor, id: string) {
  const v = await repo.getVote(db, null, id);
  if (!v || v.state === 'draft') throw notFound('投票', { id });
  return v;
}

/** The vote as the public sees it; the result only once closed. */
export async function publicVote(db: Executor, id: string): Promise<PublicVote> {
  const v = await requirePublished(db, id);
  const state = v.state as VoteState;
  return {
    id: v.id,
    title: v.title,
    bodyName: await repo.bodyName(db, v.bodyId),
    state,
    stateLabel: voteStateLabel[state],
    secret: v.secret,
    ballotKind: kindOf(v),
    items: itemsOf(v),
    ruleText: ruleText(kindOf(v), ruleOf(v), v.electorateSize ?? 0),
    result: (v.result as VoteResult | null) ?? null,
    verifiedAt: iso(v.verifiedAt),
  };
}

/** The anonymous ballot list, sorted by code, once the vote is closed; `code` finds one ballot. */
export async function publishedBallots(db: Executor, id: string, code?: string): Promise<PublishedBallot[]> {
  const v = await requirePublished(db, id);
  if (v.state === 'open') throw conflict('VOTE_NOT_CLOSED', '投票结束后公布选票清单');
  const ballots = (await repo.ballotsOf(db, id)) as PublishedBallot[];
  if (!code) return ballots;
  const wanted = normalizeBallotCode(code);
  return ballots.filter((b) => b.code === wanted);
}

export async function listVotes(db: Executor, ctx: ActorContext, filter: { subjectModule?: string; subjectId?: string }) {
  const rows = await repo.listVotes(db, ctx.actor, filter, 100);
  const views: VoteView[] = [];
  for (const row of rows) views.push(await present(db, ctx, row));
  return views;
}

/** Staff create a vote directly (a standalone 表决); owner modules call createVote in their own transactions. */
export const createAndShow = (db: Db, ctx: ActorContext, spec: VoteSpec) =>
  db.transaction(async (tx) => getVote(tx, ctx, (await createVote(tx, ctx, spec)).id));

/**
 * Who may vote and whether they have: the roll once the vote is open, the electorate as it stands
 * before (deputies first, then staff). Never what anyone voted.
 */
export async function rollOf(db: Executor, voteId: string) {
  const v = await repo.getVote(db, null, voteId);
  if (!v) throw notFound('投票', { id: voteId });
  if (v.state !== 'draft') return repo.rollOf(db, voteId);
  return (await membersOf(db, v.bodyId, v.electorate as Electorate)).map((m) => ({ ...m, voted: false }));
}

// ---- a vote held before the platform (the demo's history) ----

/**
 * Stores a vote that was taken and announced elsewhere (the demo's past cycles), as the component
 * would have left it: the roll fixed on the electorate with `voters` marked, one ballot per voter under
 * a random code, the result tallied from those ballots and verified. The caller makes the ballots; the
 * figures it shows must be read from the returned result, so they always recount.
 */
export async function storeAnnouncedVote(
  tx: Executor,
  ctx: RequestContext,
  spec: Omit<VoteSpec, 'opensAt' | 'closesAt' | 'parentVoteId'>,
  ballots: readonly BallotChoices[],
  at: Date,
): Promise<{ id: string; result: VoteResult }> {
  const members = await membersOf(tx, spec.bodyId, spec.electorate);
  const voters = ballots.length;
  if (voters > members.length) throw new Error('a stored vote has more ballots than voters on the roll');
  for (const b of ballots) {
    const problem = ballotProblem(spec.ballotKind, spec.items, spec.maxChoices ?? null, b);
    if (problem) throw new Error(`a stored ballot is invalid: ${problem}`);
  }
  const rule = voteRule.parse(spec.rule);
  const result = decide(spec.ballotKind, spec.items, rule, ballots, members.length);
  const id = await repo.insertVote(tx, {
    ...specColumns(spec, spec.maxChoices ?? null),
    rule,
    state: 'announced',
    electorateSize: members.length,
    result,
    openedAt: at,
    closedAt: at,
    announcedAt: at,
    verifiedAt: at,
  });
  await repo.insertRoll(
    tx,
    id,
    members.map((m, i) => ({ ...m, voted: i < voters, channel: i < voters ? 'app' : null })),
  );
  await repo.insertBallots(
    tx,
    id,
    ballots.map((choices) => ({ code: ballotCodeFor(id, randomBallotKey()), choices })),
  );
  await recordAudit(tx, ctx, {
    entity: 'vote',
    entityId: id,
    bodyId: spec.bodyId,
    action: 'create',
    after: { ...spec, state: 'announced' },
  });
  return { id, result };
}
