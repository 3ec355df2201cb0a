import { opinionActionLabel, opinionStatusLabel, type OpinionAction, type OpinionStatus } from '@renda/shared';
import { defineWorkflow, type Need, type Transition } from '../../platform/workflow.js';

export interface OpinionTransition extends Transition<OpinionStatus, OpinionAction, never, never> {
  /** Whether the citizen's timeline shows this step (and, for some, sends them an SMS). */
  public: boolean;
}

const reason: Need = ['reason', '理由'];
const reply: Need = ['text', '答复'];
const route: readonly Need[] = [
  ['handlingUnitId', '承办单位'],
  ['routeKind', '转办方式'],
];

/**
 * The opinion workflow as a table: the service moves only along these rows, the tests iterate them
 * and the staff pages show exactly the buttons this table allows.
 * Seed 000: "群众有意见、码上提，人大马上办、及时回" — accept, route (会议提醒 / 信访转办 / 专项交办),
 * reply; the reply is reviewed by staff before the citizen sees it; dissatisfaction reopens review.
 */
export const transitions = [
  { from: 'submitted', action: 'accept', to: 'accepted', roles: ['staff'], public: true },
  { from: 'submitted', action: 'decline', to: 'declined', roles: ['staff'], needs: [reason], public: true },
  { from: 'submitted', action: 'merge', to: 'merged', roles: ['staff'], needs: [['intoId', '合并到的意见']], public: true },
  { from: 'accepted', action: 'merge', to: 'merged', roles: ['staff'], needs: [['intoId', '合并到的意见']], public: true },
  // A deputy takes the opinion up (代表领办); the state does not change.
  { from: 'accepted', action: 'attachDeputy', to: 'accepted', roles: ['staff'], needs: [['deputyId', '代表']], public: false },
  { from: 'returned', action: 'attachDeputy', to: 'returned', roles: ['staff'], needs: [['deputyId', '代表']], public: false },
  { from: 'routed', action: 'attachDeputy', to: 'routed', roles: ['staff'], needs: [['deputyId', '代表']], public: false },
  { from: 'signed_for', action: 'attachDeputy', to: 'signed_for', roles: ['staff'], needs: [['deputyId', '代表']], public: false },
  { from: 'accepted', action: 'route', to: 'routed', roles: ['staff'], needs: route, public: true },
  { from: 'returned', action: 'route', to: 'routed', roles: ['staff'], needs: route, public: true },
  { from: 'dissatisfied', action: 'route', to: 'routed', roles: ['staff'], needs: route, public: true },
  // Solved on the spot (e.g. at the station): staff write the answer themselves; it is still reviewed.
  { from: 'accepted', action: 'answer', to: 'replied', roles: ['staff'], needs: [reply], public: false },
  { from: 'returned', action: 'answer', to: 'replied', roles: ['staff'], needs: [reply], public: false },
  { from: 'routed', action: 'signFor', to: 'signed_for', roles: ['handling_unit'], public: true },
  { from: 'routed', action: 'return', to: 'returned', roles: ['handling_unit'], needs: [reason], public: false },
  { from: 'signed_for', action: 'reply', to: 'replied', roles: ['handling_unit'], needs: [reply], public: false },
  { from: 'replied', action: 'approveReply', to: 'reply_approved', roles: ['staff'], public: true },
  { from: 'replied', action: 'rejectReply', to: 'signed_for', roles: ['staff'], needs: [reason], public: false },
  // The citizen rates on the public tracking page, by the code they were given.
  { from: 'reply_approved', action: 'rate', to: 'rated', roles: ['citizen'], public: true },
  { from: 'reply_approved', action: 'rateDissatisfied', to: 'dissatisfied', roles: ['citizen'], public: true },
  { from: 'reply_approved', action: 'close', to: 'closed', roles: ['staff'], public: true },
  { from: 'rated', action: 'close', to: 'closed', roles: ['staff'], public: true },
  // After review staff may close a disputed item with an explanation instead of re-routing it.
  { from: 'dissatisfied', action: 'close', to: 'closed', roles: ['staff'], needs: [['note', '办结说明']], public: true },
] as const satisfies readonly OpinionTransition[];

export const opinionWorkflow = defineWorkflow<OpinionStatus, OpinionAction, never, never, OpinionTransition>({
  code: 'OPINION',
  stateLabel: opinionStatusLabel,
  actionLabel: opinionActionLabel,
  // The inbox lists each refused item of a bulk action with this sentence.
  unnamedAction: true,
  transitions,
});

/** States in which nothing more happens. */
export const finalStatuses: readonly OpinionStatus[] = ['declined', 'merged', 'closed'];

/** States in which a handling unit holds the item and its deadline runs. */
export const runningStatuses: readonly OpinionStatus[] = ['routed', 'signed_for'];
