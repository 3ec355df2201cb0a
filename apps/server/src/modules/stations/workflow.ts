import { receptionActionLabel, receptionStateLabel, type ReceptionAction, type ReceptionState } from '@renda/shared';
import { defineWorkflow, type ActingRole } from '../../platform/workflow.js';

/**
 * A reception session (接待) is open while deputies sign in and voters are heard; closing it writes
 * the duty record of every deputy signed in, after which nothing more is added. A deputy signs in
 * themself; staff sign in anyone, record what voters raised and close the session.
 */
export const receptionWorkflow = defineWorkflow<ReceptionState, ReceptionAction>({
  code: 'RECEPTION',
  stateLabel: receptionStateLabel,
  actionLabel: receptionActionLabel,
  transitions: [
    { from: 'open', action: 'signIn', to: 'open', roles: ['staff', 'admin', 'deputy'] },
    { from: 'open', action: 'addConcern', to: 'open', roles: ['staff', 'admin'] },
    { from: 'open', action: 'close', to: 'closed', roles: ['staff', 'admin'] },
  ],
});

export const transitions = receptionWorkflow.transitions;

export const findTransition = (state: ReceptionState, action: ReceptionAction, role: ActingRole) =>
  receptionWorkflow.find(state, action, { role });

export const allowedActions = (state: ReceptionState, role: ActingRole) => receptionWorkflow.allowedActions(state, { role });
