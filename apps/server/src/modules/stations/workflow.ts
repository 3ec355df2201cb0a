import type { Role, ReceptionAction, ReceptionState } from '@renda/shared';

export interface Transition {
  from: ReceptionState;
  action: ReceptionAction;
  to: ReceptionState;
  roles: readonly Role[];
}

/**
 * A reception session (接待) is open while deputies sign in and voters are heard; closing it writes
 * the duty record of every deputy signed in, after which nothing more is added.
 */
export const transitions = [
  { from: 'open', action: 'signIn', to: 'open', roles: ['staff', 'admin', 'deputy'] },
  { from: 'open', action: 'addConcern', to: 'open', roles: ['staff', 'admin'] },
  { from: 'open', action: 'close', to: 'closed', roles: ['staff', 'admin'] },
] as const satisfies readonly Transition[];

export function findTransition(state: ReceptionState, action: ReceptionAction, role: Role): Transition | undefined {
  return (transitions as readonly Transition[]).find((t) => t.from === state && t.action === action && t.roles.includes(role));
}

export function allowedActions(state: ReceptionState, role: Role): ReceptionAction[] {
  return (transitions as readonly Transition[]).filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action);
}
