import { describe, expect, it } from 'vitest';
import { clueAction, clueStatus, type ClueAction, type ClueStatus } from '@renda/shared';
import { allowedClueActions, findClueTransition, openClueStatuses, type ClueActorRole } from './workflow.js';

const roles: ClueActorRole[] = ['staff', 'handling_unit'];

/** The ledger written out by hand: `action→target` per role; everything else must be refused. */
const expected: Record<ClueStatus, Partial<Record<ClueActorRole, string>>> = {
  recorded: { staff: 'transfer→transferred dismiss→dismissed' },
  transferred: { staff: 'transfer→transferred reportRectified→rectified', handling_unit: 'reportRectified→rectified' },
  rectified: { staff: 'confirm→closed reject→transferred' },
  closed: {},
  dismissed: {},
};

function expectedTarget(state: ClueStatus, action: ClueAction, role: ClueActorRole) {
  return (expected[state][role] ?? '')
    .split(' ')
    .find((e) => e.startsWith(`${action}→`))
    ?.split('→')[1];
}

const cases = clueStatus.options.flatMap((s) => clueAction.options.flatMap((a) => roles.map((r) => [s, a, r] as const)));

describe('problem-clue ledger workflow', () => {
  it.each(cases)('%s × %s as %s', (state, action, role) => {
    const target = expectedTarget(state, action, role);
    const step = findClueTransition(state, action, role);
    if (target) expect(step?.to).toBe(target);
    else expect(step).toBeUndefined();
  });

  it.each(clueStatus.options)('buttons offered in %s are exactly the table’s', (state) => {
    for (const role of roles) {
      const want = (expected[state][role] ?? '')
        .split(' ')
        .filter(Boolean)
        .map((e) => e.split('→')[0]);
      expect(allowedClueActions(state, role)).toEqual(want);
    }
    expect(allowedClueActions(state, null)).toEqual([]);
  });

  it('keeps a clue on the open ledger until it is struck off or dismissed', () => {
    expect(new Set(openClueStatuses)).toEqual(new Set(['recorded', 'transferred', 'rectified']));
  });
});
