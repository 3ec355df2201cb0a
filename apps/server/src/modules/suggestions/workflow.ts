import {
  suggestionActionLabel,
  suggestionStateLabel,
  type SuggestionAction,
  type SuggestionKind,
  type SuggestionState,
} from '@renda/shared';
import { defineWorkflow, type Standing as EngineStanding, type Transition as EngineTransition } from '../../platform/workflow.js';

/**
 * What the actor is to an item beyond their role: the lead (主办) or a joint (会办) unit of its live
 * assignment, the lead deputy (领衔) or an invited co-signer (联名).
 */
export type Party = 'leadUnit' | 'jointUnit' | 'separateUnit' | 'leadDeputy' | 'cosigner';
export type Transition = EngineTransition<SuggestionState, SuggestionAction, Party, SuggestionKind> & { when?: Condition };
export type Standing = EngineStanding<Party, SuggestionKind>;

/**
 * What must hold of an item for some steps (a row's `when`), with the reason given when it does not:
 * the detail page offers only the steps whose condition holds, and the engine refuses the others.
 */
export const conditions = {
  key: '此件不是重点建议',
  reassignmentPending: '此件没有待审定的调整承办单位申请',
  extensionPending: '此件没有待审批的延期申请',
  jointOpinionPending: '此件没有待提交的会办意见',
  separateReleasable: '此件没有待审核的分别办理答复',
  separateRatable: '此件没有待测评的分别办理答复',
  separateReassignment: '此件没有待审定的分别办理单位调整申请',
} as const;
export type Condition = keyof typeof conditions;

/** The facts `standing()` reports about an item, by condition. */
export type Facts = Record<Condition, boolean>;

/**
 * The life of a suggestion or motion as a table of transitions. A row allows `action` in state
 * `from` to the listed roles; `kinds` limits it to suggestions or motions, `party` to the lead or a
 * joint unit, the lead deputy or a co-signer. Rows whose `to` equals `from` record something without
 * moving the item (a contact, a joint opinion, an extension). The table drives the service, the
 * tests and the UI's buttons.
 */
const afterAcceptance = [
  'accepted',
  'assigned',
  'reassignment_requested',
  'handling',
  'replied',
  'reply_released',
  'rated',
  'rehandling',
] as const satisfies readonly SuggestionState[];
/** Items that went past review: what key-suggestion steps apply to and what the rates count. */
export const handledStates = [...afterAcceptance, 'closed'] as const satisfies readonly SuggestionState[];

/** The states a 分别办理 item moves among while its parts are handled (separate.ts `separateItemState`). */
const partStates = [
  'assigned',
  'reassignment_requested',
  'handling',
  'rehandling',
  'replied',
  'reply_released',
  'rated',
] as const satisfies readonly SuggestionState[];

/**
 * 分别办理: a step on one unit's part moves the item to whatever state its parts now add up to. The
 * effect names that state as the outcome (`parts:<state>`); each possible end is a row here, so the
 * table still lists every way the item can go.
 */
const followParts = (row: Omit<Transition, 'from' | 'to' | 'outcome'>, from: readonly SuggestionState[] = partStates): Transition[] =>
  from.flatMap((f) => [{ ...row, from: f, to: f }, ...partStates.map((to) => ({ ...row, from: f, to, outcome: `parts:${to}` }))]);

const selfLoops = (states: readonly SuggestionState[], row: Omit<Transition, 'from' | 'to'>): Transition[] =>
  states.map((s) => ({ ...row, from: s, to: s }));

const table: readonly Transition[] = [
  // Drafting and co-signing (联名): co-signers confirm while it is a draft.
  ...selfLoops(['draft', 'returned'], { action: 'confirmCosign', roles: ['deputy'], party: 'cosigner' }),
  ...selfLoops(['draft', 'returned'], { action: 'declineCosign', roles: ['deputy'], party: 'cosigner' }),
  { from: 'draft', action: 'submit', to: 'submitted', roles: ['deputy'], party: 'leadDeputy' },
  { from: 'returned', action: 'submit', to: 'submitted', roles: ['deputy'], party: 'leadDeputy' },

  // Review by staff: a suggestion is accepted or returned; a motion is registered (立案) or turned into a suggestion.
  { from: 'submitted', action: 'accept', to: 'accepted', roles: ['staff'], kinds: ['suggestion'] },
  { from: 'submitted', action: 'register', to: 'accepted', roles: ['staff'], kinds: ['motion'] },
  { from: 'submitted', action: 'convert', to: 'accepted', roles: ['staff'], kinds: ['motion'] },
  { from: 'submitted', action: 'return', to: 'returned', roles: ['staff'] },
  { from: 'submitted', action: 'merge', to: 'merged', roles: ['staff'] },

  // Assignment (交办) and sign-for (签收): the lead unit's sign-for starts the handling.
  { from: 'accepted', action: 'assign', to: 'assigned', roles: ['staff'] },
  { from: 'assigned', action: 'signFor', to: 'handling', roles: ['handling_unit'], party: 'leadUnit' },
  ...selfLoops(['assigned', 'reassignment_requested', 'handling'], { action: 'signFor', roles: ['handling_unit'], party: 'jointUnit' }),
  { from: 'assigned', action: 'requestReassignment', to: 'reassignment_requested', roles: ['handling_unit'], party: 'leadUnit' },
  { from: 'assigned', action: 'requestReassignment', to: 'reassignment_requested', roles: ['handling_unit'], party: 'jointUnit' },
  ...selfLoops(['handling'], { action: 'requestReassignment', roles: ['handling_unit'], party: 'jointUnit' }),
  { from: 'reassignment_requested', action: 'decideReassignment', to: 'assigned', roles: ['staff'], when: 'reassignmentPending' },
  // Another unit's request is still open: the item waits for that decision too.
  {
    from: 'reassignment_requested',
    action: 'decideReassignment',
    to: 'reassignment_requested',
    roles: ['staff'],
    outcome: 'othersPending',
    when: 'reassignmentPending',
  },
  ...selfLoops(['handling'], { action: 'decideReassignment', roles: ['staff'], when: 'reassignmentPending' }),

  // Handling: 三个面对面 contacts, joint opinions, extensions, the lead unit's reply.
  ...selfLoops(['handling', 'rehandling', 'replied', 'reply_released', 'rated'], {
    action: 'contact',
    roles: ['handling_unit'],
    party: 'leadUnit',
  }),
  ...selfLoops(['handling', 'rehandling'], { action: 'contact', roles: ['handling_unit'], party: 'jointUnit' }),
  ...selfLoops(['handling', 'rehandling'], { action: 'jointOpinion', roles: ['handling_unit'], party: 'jointUnit' }),
  // One silent joint unit cannot block the reply for ever: staff release the lead from waiting on it.
  ...selfLoops(['handling', 'rehandling'], { action: 'waiveJointOpinion', roles: ['staff'], when: 'jointOpinionPending' }),
  ...selfLoops(['handling', 'rehandling'], { action: 'requestExtension', roles: ['handling_unit'], party: 'leadUnit' }),
  ...selfLoops(['handling', 'rehandling'], { action: 'decideExtension', roles: ['staff'], when: 'extensionPending' }),
  { from: 'handling', action: 'reply', to: 'replied', roles: ['handling_unit'], party: 'leadUnit' },
  { from: 'rehandling', action: 'reply', to: 'replied', roles: ['handling_unit'], party: 'leadUnit' },

  // Review of the reply, release, the deputy's rating; dissatisfaction reopens it.
  { from: 'replied', action: 'release', to: 'reply_released', roles: ['staff'] },
  // 并案: an item merged into another follows it: the release of that item's reply releases it to
  // this item's own deputy too (again after a re-handling its dissatisfied deputy asked for).
  { from: 'merged', action: 'release', to: 'reply_released', roles: ['system'] },
  { from: 'rehandling', action: 'release', to: 'reply_released', roles: ['system'] },
  { from: 'replied', action: 'rejectReply', to: 'handling', roles: ['staff'] },
  { from: 'reply_released', action: 'rate', to: 'rated', roles: ['deputy'], party: 'leadDeputy' },
  // The system reopens it itself when the lead deputy rates the reply 不满意.
  { from: 'rated', action: 'reopen', to: 'rehandling', roles: ['staff', 'system'] },
  { from: 'reply_released', action: 'reopen', to: 'rehandling', roles: ['staff'] },
  { from: 'rated', action: 'close', to: 'closed', roles: ['staff'] },
  { from: 'reply_released', action: 'close', to: 'closed', roles: ['staff'] },

  // 分别办理: each unit signs for, may ask for reassignment, records contacts and replies on its own part;
  // staff review and release each part's reply, the lead deputy rates each; the item follows its parts.
  ...followParts({ action: 'signFor', roles: ['handling_unit'], party: 'separateUnit' }),
  ...followParts({ action: 'requestReassignment', roles: ['handling_unit'], party: 'separateUnit' }),
  ...followParts({ action: 'decideReassignment', roles: ['staff'], when: 'separateReassignment' }),
  ...selfLoops(['handling', 'rehandling', 'replied', 'reply_released', 'rated'], {
    action: 'contact',
    roles: ['handling_unit'],
    party: 'separateUnit',
  }),
  // Each unit may ask for more time on its own part (staff decide it like a lead unit's, above).
  ...selfLoops(['handling', 'rehandling'], { action: 'requestExtension', roles: ['handling_unit'], party: 'separateUnit' }),
  ...followParts({ action: 'reply', roles: ['handling_unit'], party: 'separateUnit' }, ['handling', 'rehandling']),
  ...followParts({ action: 'release', roles: ['staff'], when: 'separateReleasable' }),
  ...followParts({ action: 'rejectReply', roles: ['staff'], when: 'separateReleasable' }),
  ...followParts({ action: 'rate', roles: ['deputy'], party: 'leadDeputy', when: 'separateRatable' }),

  // Key suggestions (重点建议): chosen, reviewed by four parties, rated twice (双评).
  ...selfLoops(afterAcceptance, { action: 'markKey', roles: ['staff'] }),
  ...selfLoops(handledStates, { action: 'keyReview', roles: ['staff', 'leader'], when: 'key' }),
  ...selfLoops(['reply_released', 'rated', 'rehandling', 'closed'], {
    action: 'keyComment',
    roles: ['deputy'],
    party: 'leadDeputy',
    when: 'key',
  }),
  ...selfLoops(['reply_released', 'rated', 'closed'], { action: 'keyVote', roles: ['staff'], when: 'key' }),
];

export const suggestionWorkflow = defineWorkflow<SuggestionState, SuggestionAction, Party, SuggestionKind, Transition>({
  code: 'SUGGESTION',
  stateLabel: suggestionStateLabel,
  actionLabel: suggestionActionLabel,
  partyLabel: { leadUnit: '主办单位', jointUnit: '会办单位', separateUnit: '分别办理单位', leadDeputy: '领衔代表', cosigner: '联名代表' },
  conditions,
  transitions: table,
});

export const transitions = suggestionWorkflow.transitions;
