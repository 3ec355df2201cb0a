import type { OpinionAction, OpinionActorRole, OpinionStatus } from '@renda/shared';

export interface Transition {
  from: OpinionStatus;
  action: OpinionAction;
  to: OpinionStatus;
  roles: readonly OpinionActorRole[];
  /** What the action must carry besides its name. */
  needs?: 'reason' | 'reply' | 'route' | 'target' | 'deputy';
  /** Whether the citizen's timeline shows this step. */
  public: boolean;
}

/**
 * The opinion workflow as a table: the service moves only along these rows, the tests iterate them
 * and the staff pages show exactly the buttons this table allows.
 * Seed 000: "群众有意见、码上提，人大马上办、及时回" — accept, route (会议提醒 / 信访转办 / 专项交办),
 * reply; the reply is reviewed by staff before the citizen sees it; dissatisfaction reopens review.
 */
export const transitions = [
  { from: 'submitted', action: 'accept', to: 'accepted', roles: ['staff'], public: true },
  { from: 'submitted', action: 'decline', to: 'declined', roles: ['staff'], needs: 'reason', public: true },
  { from: 'submitted', action: 'merge', to: 'merged', roles: ['staff'], needs: 'target', public: true },
  { from: 'accepted', action: 'merge', to: 'merged', roles: ['staff'], needs: 'target', public: true },
  // A deputy takes the opinion up (代表领办); the state does not change.
  { from: 'accepted', action: 'attachDeputy', to: 'accepted', roles: ['staff'], needs: 'deputy', public: false },
  { from: 'returned', action: 'attachDeputy', to: 'returned', roles: ['staff'], needs: 'deputy', public: false },
  { from: 'routed', action: 'attachDeputy', to: 'routed', roles: ['staff'], needs: 'deputy', public: false },
  { from: 'signed_for', action: 'attachDeputy', to: 'signed_for', roles: ['staff'], needs: 'deputy', public: false },
  { from: 'accepted', action: 'route', to: 'routed', roles: ['staff'], needs: 'route', public: true },
  { from: 'returned', action: 'route', to: 'routed', roles: ['staff'], needs: 'route', public: true },
  { from: 'dissatisfied', action: 'route', to: 'routed', roles: ['staff'], needs: 'route', public: true },
  // Solved on the spot (e.g. at the station): staff write the answer themselves; it is still reviewed.
  { from: 'accepted', action: 'answer', to: 'replied', roles: ['staff'], needs: 'reply', public: false },
  { from: 'returned', action: 'answer', to: 'replied', roles: ['staff'], needs: 'reply', public: false },
  { from: 'routed', action: 'signFor', to: 'signed_for', roles: ['handling_unit'], public: true },
  { from: 'routed', action: 'return', to: 'returned', roles: ['handling_unit'], needs: 'reason', public: false },
  { from: 'signed_for', action: 'reply', to: 'replied', roles: ['handling_unit'], needs: 'reply', public: false },
  { from: 'replied', action: 'approveReply', to: 'reply_approved', roles: ['staff'], public: true },
  { from: 'replied', action: 'rejectReply', to: 'signed_for', roles: ['staff'], needs: 'reason', public: false },
  { from: 'reply_approved', action: 'rate', to: 'rated', roles: ['citizen'], public: true },
  { from: 'reply_approved', action: 'rateDissatisfied', to: 'dissatisfied', roles: ['citizen'], public: true },
  { from: 'reply_approved', action: 'close', to: 'closed', roles: ['staff'], public: true },
  { from: 'rated', action: 'close', to: 'closed', roles: ['staff'], public: true },
  // After review staff may close a disputed item with an explanation instead of re-routing it.
  { from: 'dissatisfied', action: 'close', to: 'closed', roles: ['staff'], needs: 'reason', public: true },
] as const satisfies readonly Transition[];

export function findTransition(from: OpinionStatus, action: OpinionAction, role: OpinionActorRole): Transition | undefined {
  return transitions.find((t) => t.from === from && t.action === action && (t.roles as readonly string[]).includes(role));
}

/** The actions a role may take in a state, in table order, for the UI's buttons. */
export function allowedActions(from: OpinionStatus, role: OpinionActorRole | null): OpinionAction[] {
  if (!role) return [];
  return [...new Set(transitions.filter((t) => t.from === from && (t.roles as readonly string[]).includes(role)).map((t) => t.action))];
}

/** States in which nothing more happens. */
export const finalStatuses: readonly OpinionStatus[] = ['declined', 'merged', 'closed'];

/** States in which a handling unit holds the item and its deadline runs. */
export const runningStatuses: readonly OpinionStatus[] = ['routed', 'signed_for'];
