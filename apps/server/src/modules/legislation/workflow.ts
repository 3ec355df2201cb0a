import {
  commentActionLabel,
  commentStateLabel,
  draftActionLabel,
  draftStateLabel,
  type CommentAction,
  type CommentState,
  type DraftAction,
  type DraftState,
} from '@renda/shared';
import { defineWorkflow, type Transition } from '../../platform/workflow.js';

type Step<S extends string, A extends string> = Transition<S, A, never, never>;

/**
 * 法规草案: staff draft it, publish it for comment (公开征求意见, with the contact points), close the
 * period and write the summary report. A new version (修改稿) can be made while drafting and after
 * the comments, never while people are commenting on the text in force.
 */
export const draftTransitions = [
  { from: 'drafting', action: 'revise', to: 'drafting', roles: ['staff'] },
  { from: 'drafting', action: 'openComment', to: 'open', roles: ['staff'] },
  { from: 'open', action: 'closeComment', to: 'closed', roles: ['staff'] },
  { from: 'closed', action: 'revise', to: 'closed', roles: ['staff'] },
  { from: 'closed', action: 'summarise', to: 'summarised', roles: ['staff'] },
  { from: 'summarised', action: 'revise', to: 'summarised', roles: ['staff'] },
] as const satisfies readonly Step<DraftState, DraftAction>[];

export type DraftStep = Step<DraftState, DraftAction>;
export type CommentStep = Step<CommentState, CommentAction>;

export const draftWorkflow = defineWorkflow<DraftState, DraftAction>({
  code: 'LEGISLATION_DRAFT',
  stateLabel: draftStateLabel,
  actionLabel: draftActionLabel,
  transitions: draftTransitions,
});

/**
 * A comment is moderated before the public sees it (审核通过 / 不予公开 with a reason); an approved
 * comment's handling is marked (采纳 / 部分采纳 / 未采纳) with a reason, and may be re-marked until the
 * summary report is made (the service checks the draft's state).
 */
export const commentTransitions = [
  { from: 'pending', action: 'approve', to: 'approved', roles: ['staff'] },
  { from: 'pending', action: 'reject', to: 'rejected', roles: ['staff'], needs: [['reason', '不予公开的理由']] },
  {
    from: 'approved',
    action: 'mark',
    to: 'approved',
    roles: ['staff'],
    needs: [
      ['adoption', '处理情况'],
      ['reason', '理由'],
    ],
  },
] as const satisfies readonly Step<CommentState, CommentAction>[];

export const commentWorkflow = defineWorkflow<CommentState, CommentAction>({
  code: 'LEGISLATION_COMMENT',
  stateLabel: commentStateLabel,
  actionLabel: commentActionLabel,
  transitions: commentTransitions,
});
