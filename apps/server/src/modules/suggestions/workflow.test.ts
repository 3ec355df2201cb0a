import { describe, expect, it } from 'vitest';
import { suggestionAction, suggestionState, suggestionStateLabel, type SuggestionAction, type SuggestionState } from '@renda/shared';
import { DomainError } from '../../platform/errors.js';
import { refusal } from '../../test/refusal.js';
import { conditions, suggestionWorkflow, type Condition, type Facts, type Standing } from './workflow.js';

const allowedActions = suggestionWorkflow.allowedActions.bind(suggestionWorkflow);
const requireTransition = suggestionWorkflow.require.bind(suggestionWorkflow);

/**
 * The machine below is for a lead-and-joint item where every condition holds (a key suggestion with
 * every request pending); the 分别办理 steps are tested on their own below.
 */
const noSeparate = { separateReleasable: false, separateRatable: false, separateReassignment: false };
const facts: Facts = { key: true, reassignmentPending: true, extensionPending: true, jointOpinionPending: true, ...noSeparate };
const staff: Standing = { role: 'staff', kind: 'suggestion', facts };
const staffMotion: Standing = { role: 'staff', kind: 'motion', facts };
const leadDeputy: Standing = { role: 'deputy', kind: 'suggestion', party: 'leadDeputy', facts };
const cosigner: Standing = { role: 'deputy', kind: 'suggestion', party: 'cosigner', facts };
const leadUnit: Standing = { role: 'handling_unit', kind: 'suggestion', party: 'leadUnit', facts };
const jointUnit: Standing = { role: 'handling_unit', kind: 'suggestion', party: 'jointUnit', facts };
const leader: Standing = { role: 'leader', kind: 'suggestion', facts };

/**
 * The expected machine, written out by hand from DOMAIN.md and the seeds (not derived from the
 * table): for each state, the actions allowed, who may take them and where they lead.
 */
const expected: Partial<Record<SuggestionState, [SuggestionAction, Standing, SuggestionState][]>> = {
  draft: [
    ['submit', leadDeputy, 'submitted'],
    ['confirmCosign', cosigner, 'draft'],
    ['declineCosign', cosigner, 'draft'],
  ],
  submitted: [
    ['accept', staff, 'accepted'],
    ['register', staffMotion, 'accepted'],
    ['convert', staffMotion, 'accepted'],
    ['return', staff, 'returned'],
    ['merge', staff, 'merged'],
  ],
  // An edited returned item goes back to its co-signers for confirmation.
  returned: [
    ['submit', leadDeputy, 'submitted'],
    ['confirmCosign', cosigner, 'returned'],
    ['declineCosign', cosigner, 'returned'],
  ],
  merged: [],
  accepted: [
    ['assign', staff, 'assigned'],
    ['markKey', staff, 'accepted'],
    ['keyReview', leader, 'accepted'],
  ],
  assigned: [
    ['signFor', leadUnit, 'handling'],
    ['signFor', jointUnit, 'assigned'],
    ['requestReassignment', leadUnit, 'reassignment_requested'],
    ['requestReassignment', jointUnit, 'reassignment_requested'],
    ['markKey', staff, 'assigned'],
    ['keyReview', leader, 'assigned'],
  ],
  reassignment_requested: [
    ['decideReassignment', staff, 'assigned'],
    ['signFor', jointUnit, 'reassignment_requested'],
    ['markKey', staff, 'reassignment_requested'],
    ['keyReview', staff, 'reassignment_requested'],
  ],
  handling: [
    ['contact', leadUnit, 'handling'],
    ['contact', jointUnit, 'handling'],
    ['jointOpinion', jointUnit, 'handling'],
    ['waiveJointOpinion', staff, 'handling'],
    ['signFor', jointUnit, 'handling'],
    ['requestReassignment', jointUnit, 'handling'],
    ['decideReassignment', staff, 'handling'],
    ['requestExtension', leadUnit, 'handling'],
    ['decideExtension', staff, 'handling'],
    ['reply', leadUnit, 'replied'],
    ['markKey', staff, 'handling'],
    ['keyReview', leader, 'handling'],
  ],
  replied: [
    ['release', staff, 'reply_released'],
    ['rejectReply', staff, 'handling'],
    ['contact', leadUnit, 'replied'],
    ['markKey', staff, 'replied'],
    ['keyReview', leader, 'replied'],
  ],
  reply_released: [
    ['rate', leadDeputy, 'rated'],
    ['reopen', staff, 'rehandling'],
    ['close', staff, 'closed'],
    ['contact', leadUnit, 'reply_released'],
    ['markKey', staff, 'reply_released'],
    ['keyReview', leader, 'reply_released'],
    ['keyComment', leadDeputy, 'reply_released'],
    ['keyVote', staff, 'reply_released'],
  ],
  rated: [
    ['reopen', staff, 'rehandling'],
    ['close', staff, 'closed'],
    ['contact', leadUnit, 'rated'],
    ['markKey', staff, 'rated'],
    ['keyReview', leader, 'rated'],
    ['keyComment', leadDeputy, 'rated'],
    ['keyVote', staff, 'rated'],
  ],
  rehandling: [
    ['reply', leadUnit, 'replied'],
    ['contact', leadUnit, 'rehandling'],
    ['contact', jointUnit, 'rehandling'],
    ['jointOpinion', jointUnit, 'rehandling'],
    ['waiveJointOpinion', staff, 'rehandling'],
    ['requestExtension', leadUnit, 'rehandling'],
    ['decideExtension', staff, 'rehandling'],
    ['markKey', staff, 'rehandling'],
    ['keyReview', leader, 'rehandling'],
    ['keyComment', leadDeputy, 'rehandling'],
  ],
  closed: [
    ['keyReview', leader, 'closed'],
    ['keyComment', leadDeputy, 'closed'],
    ['keyVote', staff, 'closed'],
  ],
};

/** The steps of a 分别办理 item (written out by hand): each unit's part moves the item while it is handled and answered. */
const separateStates: SuggestionState[] = [
  'assigned',
  'reassignment_requested',
  'handling',
  'rehandling',
  'replied',
  'reply_released',
  'rated',
];
const separateStep = (state: SuggestionState, action: SuggestionAction) =>
  (separateStates.includes(state) &&
    ['signFor', 'requestReassignment', 'decideReassignment', 'release', 'rejectReply', 'rate'].includes(action)) ||
  (['handling', 'rehandling'].includes(state) && action === 'reply') ||
  (['handling', 'rehandling', 'replied', 'reply_released', 'rated'].includes(state) && action === 'contact');

const everyCase = suggestionState.options.flatMap((state) => suggestionAction.options.map((action) => [state, action] as const));

describe('suggestion workflow: every state × action', () => {
  it.each(everyCase)('%s × %s', (state, action) => {
    const allowed = (expected[state] ?? []).filter(([a]) => a === action);
    if (allowed.length > 0) {
      for (const [, standing, to] of allowed) expect(requireTransition(state, action, standing).to).toBe(to);
      return;
    }
    // A 分别办理 step: refused to every party of a lead-and-joint item, as forbidden or not available now.
    if (separateStep(state, action)) {
      for (const standing of [staff, leadDeputy, cosigner, leadUnit, jointUnit, leader])
        expect(refusal(() => requireTransition(state, action, standing)).status).toBeGreaterThanOrEqual(403);
      return;
    }
    // Refused for everyone, with a Chinese sentence naming the state.
    for (const standing of [staff, staffMotion, leadDeputy, cosigner, leadUnit, jointUnit, leader]) {
      let error: unknown;
      try {
        requireTransition(state, action, standing);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('SUGGESTION_ACTION_NOT_ALLOWED');
      expect((error as DomainError).message).toContain(`当前状态（${suggestionStateLabel[state]}）不能执行`);
      expect((error as DomainError).status).toBe(409);
    }
  });

  it('lists exactly the expected actions per state for each party (the UI buttons)', () => {
    for (const state of suggestionState.options) {
      for (const standing of [staff, staffMotion, leadDeputy, cosigner, leadUnit, jointUnit, leader]) {
        const want = (expected[state] ?? []).filter(([action, s]) => appliesTo(action, s, standing)).map(([a]) => a);
        expect(new Set(allowedActions(state, standing)), `${state} for ${JSON.stringify(standing)}`).toEqual(new Set(want));
      }
    }
  });
});

/**
 * The map above names each action once; staff act on motions as on suggestions except in review
 * (accept is for suggestions, register/convert for motions), and 四方会审 is recorded by staff or leaders.
 */
function appliesTo(action: SuggestionAction, listed: Standing, standing: Standing): boolean {
  if (action === 'keyReview') return standing.role === 'staff' || standing.role === 'leader';
  if (listed.role === 'staff' && standing.role === 'staff') {
    if (action === 'accept') return standing.kind === 'suggestion';
    if (action === 'register' || action === 'convert') return standing.kind === 'motion';
    return true;
  }
  return listed.role === standing.role && listed.kind === standing.kind && (listed.party ?? null) === (standing.party ?? null);
}

/**
 * Steps offered only when the item allows them (written out by hand): without the fact, the step is
 * not among the buttons and the engine refuses it with the reason, 409.
 */
const conditional: [SuggestionAction, SuggestionState, Standing, Condition][] = [
  ['keyReview', 'handling', leader, 'key'],
  ['keyReview', 'closed', staff, 'key'],
  ['keyComment', 'reply_released', leadDeputy, 'key'],
  ['keyVote', 'rated', staff, 'key'],
  ['decideReassignment', 'reassignment_requested', staff, 'reassignmentPending'],
  ['decideReassignment', 'handling', staff, 'reassignmentPending'],
  ['decideExtension', 'handling', staff, 'extensionPending'],
  ['decideExtension', 'rehandling', staff, 'extensionPending'],
  ['waiveJointOpinion', 'handling', staff, 'jointOpinionPending'],
  ['waiveJointOpinion', 'rehandling', staff, 'jointOpinionPending'],
];

describe('actions only when they can succeed: conditions on the item', () => {
  it.each(conditional)('%s in %s needs %s', (action, state, standing, condition) => {
    expect(allowedActions(state, standing)).toContain(action);
    const without: Standing = { ...standing, facts: { ...facts, [condition]: false } };
    expect(allowedActions(state, without)).not.toContain(action);
    expect(refusal(() => requireTransition(state, action, without))).toEqual({
      code: 'SUGGESTION_ACTION_NOT_AVAILABLE',
      status: 409,
      message: expect.stringContaining(conditions[condition]),
    });
  });

  it('a condition that does not hold leaves every other step where it was', () => {
    const none: Facts = { key: false, reassignmentPending: false, extensionPending: false, jointOpinionPending: false, ...noSeparate };
    const gated = new Set(conditional.map(([a]) => a));
    for (const state of suggestionState.options)
      for (const standing of [staff, leadDeputy, leadUnit, jointUnit, leader]) {
        const all = allowedActions(state, standing).filter((a) => !gated.has(a));
        expect(allowedActions(state, { ...standing, facts: none })).toEqual(all);
      }
  });
});

describe('refusals name the reason', () => {
  it('refuses a deputy accepting their own suggestion as forbidden', () => {
    expect(() => requireTransition('submitted', 'accept', leadDeputy)).toThrow('您不能对此件执行“受理”');
  });
  it('refuses 立案 of a suggestion: only motions are registered', () => {
    expect(() => requireTransition('submitted', 'register', staff)).toThrow('“议案立案”不适用于此类件');
  });
  it('refuses a joint unit replying: only the lead unit answers the deputy', () => {
    expect(() => requireTransition('handling', 'reply', jointUnit)).toThrow('当前状态（办理中）下，会办单位不能执行“答复代表”');
  });
  it('refuses a co-signer rating the reply: only the lead deputy rates', () => {
    expect(() => requireTransition('reply_released', 'rate', cosigner)).toThrow('当前状态（答复已发）下，联名代表不能执行“满意度测评”');
  });
  it('refuses closing before the reply is released', () => {
    expect(() => requireTransition('handling', 'close', staff)).toThrow('当前状态（办理中）不能执行“办结”');
  });
});

describe('the system and outcomes', () => {
  const system: Standing = { role: 'system' };
  it('lets the system reopen a rated item (a dissatisfied rating) and release a reply to a merged item, and nothing a person must do', () => {
    expect(suggestionWorkflow.find('rated', 'reopen', system)?.to).toBe('rehandling');
    // 并案: the reply released on the item it went into reaches it, first time and after re-handling.
    expect(suggestionWorkflow.find('merged', 'release', system)?.to).toBe('reply_released');
    expect(suggestionWorkflow.find('rehandling', 'release', system)?.to).toBe('reply_released');
    expect(suggestionWorkflow.find('merged', 'release', staff)).toBeUndefined();
    for (const state of suggestionState.options)
      for (const action of suggestionAction.options)
        if (action !== 'reopen' && !(action === 'release' && ['merged', 'rehandling'].includes(state)))
          expect(suggestionWorkflow.find(state, action, system), `${state} ${action}`).toBeUndefined();
  });
  it("keeps an item waiting when another unit's reassignment request is still open", () => {
    const step = requireTransition('reassignment_requested', 'decideReassignment', staff);
    expect(suggestionWorkflow.target(step)).toBe('assigned');
    expect(suggestionWorkflow.target(step, 'othersPending')).toBe('reassignment_requested');
  });
});

describe('分别办理: each unit’s part moves the item to what its parts add up to', () => {
  const separateFacts: Facts = { ...facts, key: false, separateReleasable: true, separateRatable: true, separateReassignment: true };
  const separateUnit: Standing = { role: 'handling_unit', kind: 'suggestion', party: 'separateUnit', facts: separateFacts };
  const office: Standing = { ...staff, facts: separateFacts };
  const deputy: Standing = { ...leadDeputy, facts: separateFacts };

  it.each([
    ['signFor', separateUnit, 'assigned', 'handling'],
    ['reply', separateUnit, 'handling', 'handling'],
    ['reply', separateUnit, 'handling', 'replied'],
    ['release', office, 'handling', 'handling'],
    ['release', office, 'replied', 'reply_released'],
    ['release', office, 'replied', 'replied'],
    ['rejectReply', office, 'replied', 'handling'],
    ['rate', deputy, 'handling', 'handling'],
    ['rate', deputy, 'reply_released', 'rated'],
    ['rate', deputy, 'reply_released', 'rehandling'],
    ['decideReassignment', office, 'reassignment_requested', 'assigned'],
  ] as const)('%s by %o in %s may end in %s', (action, standing, from, to) => {
    const step = requireTransition(from, action, standing);
    expect(suggestionWorkflow.target(step, `parts:${to}`)).toBe(to);
  });

  it('lets a separate unit reply and ask for more time on its part only while its item is being handled, and never close', () => {
    expect(allowedActions('handling', separateUnit)).toEqual(
      expect.arrayContaining(['signFor', 'requestReassignment', 'contact', 'reply', 'requestExtension']),
    );
    expect(allowedActions('rehandling', separateUnit)).toContain('requestExtension');
    expect(allowedActions('replied', separateUnit)).not.toContain('reply');
    expect(allowedActions('replied', separateUnit)).not.toContain('requestExtension');
    expect(allowedActions('handling', separateUnit)).not.toContain('close');
    expect(allowedActions('handling', separateUnit)).not.toContain('jointOpinion');
  });

  it('offers staff release and the deputy a rating in handling only while a part waits for them', () => {
    expect(allowedActions('handling', office)).toContain('release');
    expect(allowedActions('handling', deputy)).toContain('rate');
    const nothingWaits: Facts = { ...separateFacts, separateReleasable: false, separateRatable: false };
    expect(allowedActions('handling', { ...office, facts: nothingWaits })).not.toContain('release');
    expect(allowedActions('handling', { ...deputy, facts: nothingWaits })).not.toContain('rate');
  });
});
