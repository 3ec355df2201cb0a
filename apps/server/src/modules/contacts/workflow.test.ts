import { describe, expect, it } from 'vitest';
import { appointmentAction, appointmentState, roles, type AppointmentAction, type AppointmentState, type Role } from '@renda/shared';
import { allowedActions, findTransition, missingFields } from './workflow.js';

/** Independent of the table in workflow.ts: who may take each step, written as the procedure reads. */
const expected: Partial<Record<AppointmentState, Partial<Record<AppointmentAction, [AppointmentState, Role[]]>>>> = {
  requested: { approve: ['approved', ['staff']], decline: ['declined', ['staff']], cancel: ['cancelled', ['deputy', 'staff']] },
  approved: { schedule: ['scheduled', ['staff']], cancel: ['cancelled', ['deputy', 'staff']] },
  scheduled: { recordMeeting: ['held', ['staff']], cancel: ['cancelled', ['deputy', 'staff']] },
  held: { recordOutcome: ['answered', ['handling_unit', 'staff']] },
  answered: { rate: ['closed', ['deputy']] },
};

describe('appointment workflow table', () => {
  const cases = appointmentState.options.flatMap((s) => appointmentAction.options.flatMap((a) => roles.map((r) => [s, a, r] as const)));
  it.each(cases)('%s × %s × %s', (state, action, role) => {
    const want = expected[state]?.[action];
    const to = want && want[1].includes(role) ? want[0] : undefined;
    expect(findTransition(state, action, role)?.to).toBe(to);
  });
});

describe('what each step needs', () => {
  it('names the empty required fields in Chinese', () => {
    const step = findTransition('scheduled', 'recordMeeting', 'staff')!;
    expect(missingFields(step, { heldOn: '2026-05-01' })).toEqual(['参加人员', '约见情况']);
    expect(missingFields(findTransition('requested', 'approve', 'staff')!, {})).toEqual([]);
  });
  it('shows a deputy only withdrawing while waiting, and nothing after the end', () => {
    expect(allowedActions('requested', 'deputy')).toEqual(['cancel']);
    expect(allowedActions('closed', 'staff')).toEqual([]);
    expect(allowedActions('held', 'handling_unit')).toEqual(['recordOutcome']);
  });
});
