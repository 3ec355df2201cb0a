import {
  suggestionActionLabel,
  suggestionStateLabel,
  type AssignmentRole,
  type Role,
  type SuggestionAction,
  type SuggestionKind,
  type SuggestionState,
} from '@renda/shared';
import { DomainError } from '../../platform/errors.js';

/**
 * The life of a suggestion or motion as a table of transitions. A row allows `action` in state
 * `from` to the listed roles; `kinds` limits it to suggestions or motions, `unit` to the lead or a
 * joint unit. Rows whose `to` equals `from` record something without moving the item (a contact,
 * a joint opinion, an extension). The table drives the service, the tests and the UI's buttons.
 */
export interface Transition {
  from: SuggestionState;
  action: SuggestionAction;
  to: SuggestionState;
  roles: readonly Role[];
  kinds?: readonly SuggestionKind[];
  unit?: AssignmentRole;
  /** Who among the deputies: the lead deputy (领衔) or an invited co-signer. */
  deputy?: 'lead' | 'cosigner';
}

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
const keyStates = [...afterAcceptance, 'closed'] as const satisfies readonly SuggestionState[];

const selfLoops = (states: readonly SuggestionState[], row: Omit<Transition, 'from' | 'to'>): Transition[] =>
  states.map((s) => ({ ...row, from: s, to: s }));

export const transitions: readonly Transition[] = [
  // Drafting and co-signing (联名): co-signers confirm while it is a draft.
  ...selfLoops(['draft', 'returned'], { action: 'confirmCosign', roles: ['deputy'], deputy: 'cosigner' }),
  ...selfLoops(['draft', 'returned'], { action: 'declineCosign', roles: ['deputy'], deputy: 'cosigner' }),
  { from: 'draft', action: 'submit', to: 'submitted', roles: ['deputy'], deputy: 'lead' },
  { from: 'returned', action: 'submit', to: 'submitted', roles: ['deputy'], deputy: 'lead' },

  // Review by staff: a suggestion is accepted or returned; a motion is registered (立案) or turned into a suggestion.
  { from: 'submitted', action: 'accept', to: 'accepted', roles: ['staff'], kinds: ['suggestion'] },
  { from: 'submitted', action: 'register', to: 'accepted', roles: ['staff'], kinds: ['motion'] },
  { from: 'submitted', action: 'convert', to: 'accepted', roles: ['staff'], kinds: ['motion'] },
  { from: 'submitted', action: 'return', to: 'returned', roles: ['staff'] },
  { from: 'submitted', action: 'merge', to: 'merged', roles: ['staff'] },

  // Assignment (交办) and sign-for (签收): the lead unit's sign-for starts the handling.
  { from: 'accepted', action: 'assign', to: 'assigned', roles: ['staff'] },
  { from: 'assigned', action: 'signFor', to: 'handling', roles: ['handling_unit'], unit: 'lead' },
  ...selfLoops(['assigned', 'reassignment_requested', 'handling'], { action: 'signFor', roles: ['handling_unit'], unit: 'joint' }),
  { from: 'assigned', action: 'requestReassignment', to: 'reassignment_requested', roles: ['handling_unit'], unit: 'lead' },
  { from: 'assigned', action: 'requestReassignment', to: 'reassignment_requested', roles: ['handling_unit'], unit: 'joint' },
  ...selfLoops(['handling'], { action: 'requestReassignment', roles: ['handling_unit'], unit: 'joint' }),
  { from: 'reassignment_requested', action: 'decideReassignment', to: 'assigned', roles: ['staff'] },
  ...selfLoops(['handling'], { action: 'decideReassignment', roles: ['staff'] }),

  // Handling: 三个面对面 contacts, joint opinions, extensions, the lead unit's reply.
  ...selfLoops(['handling', 'rehandling', 'replied', 'reply_released', 'rated'], {
    action: 'contact',
    roles: ['handling_unit'],
    unit: 'lead',
  }),
  ...selfLoops(['handling', 'rehandling'], { action: 'contact', roles: ['handling_unit'], unit: 'joint' }),
  ...selfLoops(['handling', 'rehandling'], { action: 'jointOpinion', roles: ['handling_unit'], unit: 'joint' }),
  ...selfLoops(['handling', 'rehandling'], { action: 'requestExtension', roles: ['handling_unit'], unit: 'lead' }),
  ...selfLoops(['handling', 'rehandling'], { action: 'decideExtension', roles: ['staff'] }),
  { from: 'handling', action: 'reply', to: 'replied', roles: ['handling_unit'], unit: 'lead' },
  { from: 'rehandling', action: 'reply', to: 'replied', roles: ['handling_unit'], unit: 'lead' },

  // Review of the reply, release, the deputy's rating; dissatisfaction reopens it.
  { from: 'replied', action: 'release', to: 'reply_released', roles: ['staff'] },
  { from: 'replied', action: 'rejectReply', to: 'handling', roles: ['staff'] },
  { from: 'reply_released', action: 'rate', to: 'rated', roles: ['deputy'], deputy: 'lead' },
  { from: 'rated', action: 'reopen', to: 'rehandling', roles: ['staff'] },
  { from: 'reply_released', action: 'reopen', to: 'rehandling', roles: ['staff'] },
  { from: 'rated', action: 'close', to: 'closed', roles: ['staff'] },
  { from: 'reply_released', action: 'close', to: 'closed', roles: ['staff'] },

  // Key suggestions (重点建议): chosen, reviewed by four parties, rated twice (双评).
  ...selfLoops(afterAcceptance, { action: 'markKey', roles: ['staff'] }),
  ...selfLoops(keyStates, { action: 'keyReview', roles: ['staff', 'leader'] }),
  ...selfLoops(['reply_released', 'rated', 'rehandling', 'closed'], { action: 'keyComment', roles: ['deputy'], deputy: 'lead' }),
  ...selfLoops(['reply_released', 'rated', 'closed'], { action: 'keyVote', roles: ['staff'] }),
];

/** What the actor is to this item: their role, and which deputy or unit they are here. */
export interface Standing {
  role: Role;
  kind: SuggestionKind;
  /** The actor's unit's part in the current assignment, when the actor is a handling unit. */
  unit?: AssignmentRole | null;
  deputy?: 'lead' | 'cosigner' | null;
}

function fits(t: Transition, s: Standing): boolean {
  return (
    t.roles.includes(s.role) &&
    (!t.kinds || t.kinds.includes(s.kind)) &&
    (!t.unit || t.unit === s.unit) &&
    (!t.deputy || t.deputy === s.deputy)
  );
}

export function findTransition(state: SuggestionState, action: SuggestionAction, standing: Standing): Transition | undefined {
  return transitions.find((t) => t.from === state && t.action === action && fits(t, standing));
}

/** The transition, or the reason in Chinese why it is refused. */
export function requireTransition(state: SuggestionState, action: SuggestionAction, standing: Standing): Transition {
  const step = findTransition(state, action, standing);
  if (step) return step;
  const label = suggestionActionLabel[action];
  const inState = transitions.filter((t) => t.from === state && t.action === action);
  if (inState.length === 0)
    throw new DomainError(
      'SUGGESTION_ACTION_NOT_ALLOWED',
      `当前状态（${suggestionStateLabel[state]}）不能执行“${label}”`,
      { state, action },
      409,
    );
  if (inState.some((t) => t.kinds && !t.kinds.includes(standing.kind)))
    throw new DomainError('SUGGESTION_ACTION_NOT_ALLOWED', `“${label}”不适用于此类件`, { state, action, kind: standing.kind }, 409);
  const party = partyLabel(standing);
  if (party && inState.some((t) => t.roles.includes(standing.role)))
    throw new DomainError(
      'SUGGESTION_ACTION_FORBIDDEN',
      `当前状态（${suggestionStateLabel[state]}）下，${party}不能执行“${label}”`,
      { state, action },
      403,
    );
  throw new DomainError('SUGGESTION_ACTION_FORBIDDEN', `您不能对此件执行“${label}”`, { state, action }, 403);
}

function partyLabel(s: Standing): string | null {
  if (s.unit) return s.unit === 'lead' ? '主办单位' : '会办单位';
  if (s.deputy) return s.deputy === 'lead' ? '领衔代表' : '联名代表';
  return null;
}

/** Actions the actor may take now: what the detail page shows as buttons. */
export function allowedActions(state: SuggestionState, standing: Standing): SuggestionAction[] {
  return [...new Set(transitions.filter((t) => t.from === state && fits(t, standing)).map((t) => t.action))];
}
