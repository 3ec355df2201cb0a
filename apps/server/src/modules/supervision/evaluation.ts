import {
  evaluationElectorateLabel,
  satisfactionVerdictLabel,
  type OpenVoteInput,
  type SatisfactionVerdict,
  type SupervisionEvaluation,
} from '@renda/shared';
import type { Executor, Tx } from '../../db/client.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { createVote, type ClosedVote } from '../votes/index.js';
import * as repo from './repository.js';
import { satisfactionRuleSource } from './rules.js';
import type { ItemFact } from './workflow.js';

/**
 * 满意度测评 of a supervision item on the one vote component: one secret vote per round (a re-review's
 * 再测评 is the next round's), on 满意 / 基本满意 / 不满意 about the organ's handling. The vote's own rule
 * decides: the item “passes” (满意) when 满意 and 基本满意 together reach the threshold, otherwise the
 * result is 不满意 and the item goes to re-review (see vote-outcome.ts).
 */

/** What the evaluation rows of the item's table need to know (workflow.ts `itemConditions`). */
export async function evaluationFacts(db: Executor, item: repo.ItemRow): Promise<Record<ItemFact, boolean>> {
  const held = await repo.evaluationOfRound(db, item.id, item.round);
  return {
    noVote: !held,
    noVotePending: !held || held.verdict !== null,
    satisfied: held?.verdict === 'satisfied',
  };
}

const signedIn = (ctx: RequestContext): ActorContext => {
  if (!ctx.actor) throw forbidden();
  return ctx as ActorContext;
};

/** Creates the round's vote (draft: staff open and close it on the vote panel) and keeps it on the item. */
export async function createSatisfactionVote(tx: Tx, context: RequestContext, item: repo.ItemRow, organName: string, input: OpenVoteInput) {
  const ctx = signedIn(context);
  const again = item.round > 1 ? `（第${item.round}轮 再测评）` : '';
  const { id: voteId } = await createVote(tx, ctx, {
    bodyId: item.bodyId,
    title: `关于${item.subject}的满意度测评${again}`,
    subject: { module: 'supervision', id: item.id },
    electorate: { kind: input.electorate },
    ballotKind: 'satisfaction',
    secret: true,
    items: [{ key: item.id, label: item.subject, description: `被监督单位：${organName}；${item.committee}` }],
    rule: { basis: input.basis, threshold: input.threshold, passOn: 'satisfied_or_basic', source: satisfactionRuleSource },
  });
  await repo.insertEvaluation(tx, { itemId: item.id, round: item.round, voteId, electorate: input.electorate });
  return voteId;
}

/** The result as the item keeps it: the verdict, the three counts, the rule and the figures the vote stated. */
export function verdictOf(vote: ClosedVote) {
  const line = vote.result.items[0];
  const counts = line?.counts ?? {};
  const verdict: SatisfactionVerdict = line?.passed ? 'satisfied' : 'dissatisfied';
  return {
    verdict,
    satisfied: counts.satisfied ?? 0,
    basicallySatisfied: counts.basically_satisfied ?? 0,
    dissatisfied: counts.dissatisfied ?? 0,
    ballotsCast: vote.result.ballotsCast,
    electorateSize: vote.result.electorateSize,
    ruleText: vote.result.ruleText,
    figuresText: vote.result.figuresText,
  };
}

export function presentEvaluation(e: repo.EvaluationRow): SupervisionEvaluation {
  const verdict = e.verdict as SatisfactionVerdict | null;
  return {
    id: e.id,
    round: e.round,
    voteId: e.voteId,
    electorateLabel: evaluationElectorateLabel[e.electorate as keyof typeof evaluationElectorateLabel] ?? e.electorate,
    verdict,
    verdictLabel: verdict ? satisfactionVerdictLabel[verdict] : null,
    satisfied: e.satisfied,
    basicallySatisfied: e.basicallySatisfied,
    dissatisfied: e.dissatisfied,
    ballotsCast: e.ballotsCast,
    electorateSize: e.electorateSize,
    ruleText: e.ruleText,
    figuresText: e.figuresText,
    decidedAt: e.decidedAt ? e.decidedAt.toISOString() : null,
  };
}
