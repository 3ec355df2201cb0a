import type { HonourAction, HonourState, ReportBackAction, ReportBackState, Role } from '@renda/shared';

export interface Transition<S extends string, A extends string> {
  from: S;
  action: A;
  to: S;
  roles: readonly Role[];
}

function finder<S extends string, A extends string>(table: readonly Transition<S, A>[]) {
  return {
    findTransition: (state: S, action: A, role: Role) =>
      table.find((t) => t.from === state && t.action === action && t.roles.includes(role)),
    allowedActions: (state: S, role: Role) => table.filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action),
  };
}

/**
 * 回选区述职: staff prepare the event, open it for the voters' ratings (评) when the deputy has
 * reported, and close it; after closing no rating is taken and the result is final.
 */
export const reportBackTransitions = [
  { from: 'draft', action: 'openRating', to: 'rating', roles: ['staff', 'admin'] },
  { from: 'rating', action: 'close', to: 'closed', roles: ['staff', 'admin'] },
] as const satisfies readonly Transition<ReportBackState, ReportBackAction>[];

/**
 * 最美人大代表: nominations first, then the vote; closing publishes the ranked result. The terms and
 * the list of nominees can change only before voting opens, so every ballot is cast on the same slate.
 */
export const honourTransitions = [
  { from: 'nominating', action: 'edit', to: 'nominating', roles: ['staff', 'admin'] },
  { from: 'nominating', action: 'nominate', to: 'nominating', roles: ['staff', 'admin'] },
  { from: 'nominating', action: 'withdrawNomination', to: 'nominating', roles: ['staff', 'admin'] },
  { from: 'nominating', action: 'openVoting', to: 'voting', roles: ['staff', 'admin'] },
  { from: 'voting', action: 'close', to: 'closed', roles: ['staff', 'admin'] },
] as const satisfies readonly Transition<HonourState, HonourAction>[];

export const reportBackFlow = finder<ReportBackState, ReportBackAction>(reportBackTransitions);
export const honourFlow = finder<HonourState, HonourAction>(honourTransitions);
