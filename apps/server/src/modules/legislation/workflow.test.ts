import {
  commentAction,
  commentState,
  draftAction,
  draftState,
  roles,
  type CommentAction,
  type CommentState,
  type DraftAction,
  type DraftState,
} from '@renda/shared';
import { describe, expect, it } from 'vitest';
import type { ActingRole, Workflow } from '../../platform/workflow.js';
import { commentWorkflow, draftWorkflow } from './workflow.js';

const actingRoles: readonly ActingRole[] = [...roles, 'citizen', 'system'];
/** Only the congress staff run a draft's comment period and handle the comments (seed 004: 开门立法). */
const staffOnly: readonly ActingRole[] = ['staff'];

/** The rules written out by hand, so the table is checked against them and not against itself. */
const draftSteps: Record<DraftState, Partial<Record<DraftAction, DraftState>>> = {
  drafting: { revise: 'drafting', openComment: 'open' },
  // No new text while people comment on the one in force.
  open: { closeComment: 'closed' },
  closed: { revise: 'closed', summarise: 'summarised' },
  summarised: { revise: 'summarised' },
};

const commentSteps: Record<CommentState, Partial<Record<CommentAction, CommentState>>> = {
  pending: { approve: 'approved', reject: 'rejected' },
  approved: { mark: 'approved' },
  rejected: {},
};

function checkEveryStep<S extends string, A extends string>(
  workflow: Workflow<S, A, never, never, { from: S; action: A; to: S; roles: readonly ActingRole[] }>,
  steps: Record<S, Partial<Record<A, S>>>,
  states: readonly S[],
  actions: readonly A[],
  code: string,
) {
  it('has exactly the rows written out by hand', () => {
    const rows = workflow.transitions.map((t) => [t.from, t.action, t.to, [...t.roles]]);
    const expected = states.flatMap((from) => actions.filter((a) => steps[from][a]).map((a) => [from, a, steps[from][a], staffOnly]));
    expect([...rows].sort()).toEqual([...expected].sort());
  });

  const cases = states.flatMap((state) => actions.flatMap((action) => actingRoles.map((role) => [state, action, role] as const)));
  it.each(cases)('%s --%s--> as %s', (state, action, role) => {
    const offered = steps[state][action];
    const to = staffOnly.includes(role) ? offered : undefined;
    expect(workflow.find(state, action, { role })?.to).toBe(to);
    expect(workflow.allowedActions(state, { role }).includes(action)).toBe(to !== undefined);
    if (to) return expect(workflow.require(state, action, { role }).to).toBe(to);
    expect(() => workflow.require(state, action, { role })).toThrow(
      expect.objectContaining(
        offered
          ? { code: `${code}_ACTION_FORBIDDEN`, status: 403 }
          : { code: `${code}_ACTION_NOT_ALLOWED`, status: 409, message: expect.stringMatching(/^当前状态（.+）不能执行“.+”$/) },
      ),
    );
  });
}

describe('法规草案: every state × action × role', () => {
  checkEveryStep(draftWorkflow, draftSteps, draftState.options, draftAction.options, 'LEGISLATION_DRAFT');
});

describe('立法意见: every state × action × role', () => {
  checkEveryStep(commentWorkflow, commentSteps, commentState.options, commentAction.options, 'LEGISLATION_COMMENT');

  it('asks for the reason of a refusal and for the handling with its reason', () => {
    const reject = commentWorkflow.require('pending', 'reject', { role: 'staff' });
    expect(commentWorkflow.missingFields(reject, {})).toEqual(['不予公开的理由']);
    const mark = commentWorkflow.require('approved', 'mark', { role: 'staff' });
    expect(commentWorkflow.missingFields(mark, { adoption: 'adopted' })).toEqual(['理由']);
    expect(commentWorkflow.missingFields(mark, { adoption: 'adopted', reason: '已在第五条增加' })).toEqual([]);
  });
});
