import { followUpActionLabel, followUpStateLabel, type FollowUpAction, type FollowUpState } from '@renda/shared';
import { defineWorkflow, type Transition } from '../../platform/workflow.js';

/**
 * What the actor is to a task: its responsible unit (an account of the task's handling unit), or someone who
 * manages the task's subject (the owning module says who: the staff of the item's body).
 */
export type FollowUpParty = 'responsible' | 'manager';
export type FollowUpStep = Transition<FollowUpState, FollowUpAction, FollowUpParty, never>;

/**
 * A task is open until its unit reports what it did (staff may record that for a unit without an account,
 * or for work inside the congress); staff who find the report wanting send it back with a reason.
 */
export const followUpTransitions = [
  { from: 'open', action: 'complete', to: 'done', roles: ['handling_unit'], party: 'responsible' },
  { from: 'open', action: 'complete', to: 'done', roles: ['staff'], party: 'manager' },
  { from: 'done', action: 'reopen', to: 'open', roles: ['staff'], party: 'manager' },
] as const satisfies readonly FollowUpStep[];

export const followUpWorkflow = defineWorkflow<FollowUpState, FollowUpAction, FollowUpParty, never, FollowUpStep>({
  code: 'FOLLOW_UP',
  stateLabel: followUpStateLabel,
  actionLabel: followUpActionLabel,
  partyLabel: { responsible: '责任单位', manager: '工作人员' },
  transitions: followUpTransitions,
});
