import { describe, expect, it } from 'vitest';
import { appointmentAction, appointmentState, roles, type AppointmentAction, type AppointmentState, type Role } from '@renda/shared';
import { allowedActions, appointmentWorkflow, findTransition, missingFields } from './workflow.js';

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

describe('the table on the shared engine', () => {
  it('agrees with allowedActions for every state and role', () => {
    for (const state of appointmentState.options)
      for (const role of roles)
        expect(allowedActions(state, role)).toEqual(appointmentAction.options.filter((a) => expected[state]?.[a]?.[1].includes(role)));
  });
  it('refuses out of turn with 409, a wrong role with 403, and empty required fields with their names', () => {
    expect(() => appointmentWorkflow.require('held', 'approve', { role: 'staff' })).toThrow(
      expect.objectContaining({
        code: 'APPOINTMENT_ACTION_NOT_ALLOWED',
        status: 409,
        message: '当前状态（已约见）不能执行“同意约见”',
      }),
    );
    expect(() => appointmentWorkflow.require('requested', 'approve', { role: 'deputy' })).toThrow(
      expect.objectContaining({
        code: 'APPOINTMENT_ACTION_FORBIDDEN',
        status: 403,
      }),
    );
    const step = appointmentWorkflow.require('approved', 'schedule', { role: 'staff' });
    expect(() => appointmentWorkflow.requireInput(step, { place: '302 会议室' })).toThrow(
      expect.objectContaining({
        code: 'APPOINTMENT_FIELDS_MISSING',
        message: '请填写约见时间',
        details: { missing: ['约见时间'], fields: [{ path: 'scheduledAt', message: '请填写约见时间' }] },
      }),
    );
  });
});
