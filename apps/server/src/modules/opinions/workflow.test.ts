import { describe, expect, it } from 'vitest';
import {
  opinionAction,
  opinionActorRole,
  opinionStatus,
  type OpinionAction,
  type OpinionActorRole,
  type OpinionStatus,
} from '@renda/shared';
import { allowedActions, finalStatuses, findTransition, transitions } from './workflow.js';

/**
 * The expected workflow written out by hand, state by state: `action→target` per role.
 * Every state × action × role not listed here must be refused.
 */
const expected: Record<OpinionStatus, Partial<Record<OpinionActorRole, string>>> = {
  submitted: { staff: 'accept→accepted decline→declined merge→merged' },
  accepted: { staff: 'merge→merged attachDeputy→accepted route→routed answer→replied' },
  declined: {},
  merged: {},
  routed: { staff: 'attachDeputy→routed', handling_unit: 'signFor→signed_for return→returned' },
  returned: { staff: 'attachDeputy→returned route→routed answer→replied' },
  signed_for: { staff: 'attachDeputy→signed_for', handling_unit: 'reply→replied' },
  replied: { staff: 'approveReply→reply_approved rejectReply→signed_for' },
  reply_approved: { staff: 'close→closed', citizen: 'rate→rated rateDissatisfied→dissatisfied' },
  dissatisfied: { staff: 'route→routed close→closed' },
  rated: { staff: 'close→closed' },
  closed: {},
};

function expectedTarget(state: OpinionStatus, action: OpinionAction, role: OpinionActorRole): string | undefined {
  const entries = (expected[state][role] ?? '').split(' ').filter(Boolean);
  return entries.find((e) => e.startsWith(`${action}→`))?.split('→')[1];
}

const cases = opinionStatus.options.flatMap((s) =>
  opinionAction.options.flatMap((a) => opinionActorRole.options.map((r) => [s, a, r] as const)),
);

describe('opinion workflow table', () => {
  it.each(cases)('%s × %s as %s', (state, action, role) => {
    const step = findTransition(state, action, role);
    const target = expectedTarget(state, action, role);
    if (target) expect(step?.to).toBe(target);
    else expect(step).toBeUndefined();
  });

  it.each(opinionStatus.options)('buttons offered in %s match the table', (state) => {
    for (const role of opinionActorRole.options) {
      const want = (expected[state][role] ?? '')
        .split(' ')
        .filter(Boolean)
        .map((e) => e.split('→')[0]);
      expect(allowedActions(state, role)).toEqual(want);
    }
  });

  it('final states have no way out and every other state has one', () => {
    for (const state of opinionStatus.options) {
      const outgoing = transitions.filter((t) => t.from === state);
      if (finalStatuses.includes(state)) expect(outgoing).toEqual([]);
      else expect(outgoing.length).toBeGreaterThan(0);
    }
  });

  it('every state can be reached from submitted', () => {
    const reached = new Set<string>(['submitted']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of transitions)
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...opinionStatus.options].sort());
  });

  it('declining, returning and rejecting a reply always carry a reason', () => {
    for (const t of transitions.filter((t) => ['decline', 'return', 'rejectReply'].includes(t.action)))
      expect((t as { needs?: string }).needs).toBe('reason');
  });

  it('the citizen never sees an unreviewed reply: replying is not a public step', () => {
    for (const t of transitions.filter((t) => t.to === 'replied')) expect(t.public).toBe(false);
    expect(transitions.find((t) => t.action === 'approveReply')?.public).toBe(true);
  });
});
