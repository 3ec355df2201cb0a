import { voteActionLabel, voteStateLabel, type VoteAction, type VoteState } from '@renda/shared';
import { defineWorkflow, type Transition } from '../../platform/workflow.js';

export type VoteStep = Transition<VoteState, VoteAction, never, never>;

/**
 * A vote: prepared (draft), open for ballots, closed (tallied, the anonymous ballot list published),
 * announced (the result recomputed from the published list and made official). Staff run it; the
 * system runs it too when an owner module (评选) moves its own stages.
 */
export const voteTransitions = [
  { from: 'draft', action: 'open', to: 'open', roles: ['staff', 'admin', 'system'] },
  { from: 'open', action: 'close', to: 'closed', roles: ['staff', 'admin', 'system'] },
  { from: 'closed', action: 'announce', to: 'announced', roles: ['staff', 'admin', 'system'] },
] as const satisfies readonly VoteStep[];

export const voteWorkflow = defineWorkflow<VoteState, VoteAction>({
  code: 'VOTE',
  stateLabel: voteStateLabel,
  actionLabel: voteActionLabel,
  transitions: voteTransitions,
});
