import type { Tx } from '../../db/client.js';
import type { Notifier } from '../../platform/notifications.js';
import { applyAction } from '../../platform/workflow.js';
import type { ClosedVote } from '../votes/index.js';
import { projectMachine } from './projects-service.js';
import * as repo from './repository.js';
import { satisfactionRate } from './rules.js';
import { cycleMachine, systemContext } from './service.js';

/**
 * What a closed vote does to the cycle, inside the closing transaction (registered with onVoteClosed).
 * The candidate vote marks the chosen projects with their votes and ranks; a tie at the last place leaves
 * the tied candidates open for the run-off the vote component created, and the cycle waits in `voting`
 * until the run-off closes. The evaluation vote passes a project or sends it back for rectification.
 */
export function livelihoodVoteClosed(notifier: Notifier) {
  return async (tx: Tx, vote: ClosedVote) => {
    const ctx = systemContext(`vote:${vote.id}`);
    // By the vote, not its subject: a vote that only names a livelihood subject (one staff set up by hand) moves no cycle.
    const cycle = await repo.findCycleOfVote(tx, vote.id);
    if (!cycle) return;
    const step = (id: string, action: 'choose' | 'drop' | 'pass' | 'rectify') =>
      applyAction(tx, notifier, projectMachine, ctx, id, action, {}, 'system');

    if (vote.id === cycle.cycle.evaluationVoteId) {
      const cast = vote.result.ballotsCast;
      for (const item of vote.result.items) {
        const satisfied = item.counts.satisfied ?? 0;
        const basic = item.counts.basically_satisfied ?? 0;
        await repo.updateProject(tx, item.key, {
          satisfied,
          basic,
          dissatisfied: item.counts.dissatisfied ?? 0,
          satisfaction: satisfactionRate(satisfied, basic, cast),
        });
        await step(item.key, item.passed ? 'pass' : 'rectify');
      }
      await applyAction(tx, notifier, cycleMachine, ctx, cycle.cycle.id, 'finishEvaluation', {}, 'system');
      return;
    }

    if (vote.id !== cycle.cycle.voteId && vote.id !== cycle.cycle.runoffVoteId) return;
    const first = vote.id === cycle.cycle.voteId;
    if (first) {
      await repo.updateCycle(tx, cycle.cycle.id, { electorateSize: vote.result.electorateSize, ballotsCast: vote.result.ballotsCast });
      for (const item of vote.result.items) await repo.updateProject(tx, item.key, { votes: item.votes, rank: item.rank ?? null });
    }
    const tied = new Set(vote.result.tie?.keys ?? []);
    for (const item of vote.result.items) {
      if (item.chosen) await step(item.key, 'choose');
      else if (!tied.has(item.key)) await step(item.key, 'drop');
    }
    if (vote.result.tie && vote.runoffVoteId) {
      await repo.updateCycle(tx, cycle.cycle.id, { runoffVoteId: vote.runoffVoteId });
      return;
    }
    await applyAction(tx, notifier, cycleMachine, ctx, cycle.cycle.id, 'announce', {}, 'system');
  };
}
