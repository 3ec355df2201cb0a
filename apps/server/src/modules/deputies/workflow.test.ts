import { describe, expect, it } from 'vitest';
import { deputyStatus, deputyStatusAction, roles, type DeputyStatus, type DeputyStatusAction, type Role } from '@renda/shared';
import { allowedStatusChanges, statusWorkflow } from './workflow.js';

/** Independent of the table in workflow.ts: who may change a deputy's status, as the registry rules read. */
const expected: Partial<Record<DeputyStatus, Partial<Record<DeputyStatusAction, [DeputyStatus, Role[]]>>>> = {
  in_office: {
    resign: ['resigned', ['staff', 'admin']],
    remove: ['removed', ['staff', 'admin']],
    recordDeath: ['deceased', ['staff', 'admin']],
  },
  resigned: { reinstate: ['in_office', ['admin']] },
  removed: { reinstate: ['in_office', ['admin']] },
};

describe('deputy status table', () => {
  const cases = deputyStatus.options.flatMap((s) => deputyStatusAction.options.flatMap((a) => roles.map((r) => [s, a, r] as const)));
  it.each(cases)('%s × %s × %s', (state, action, role) => {
    const want = expected[state]?.[action];
    const to = want && want[1].includes(role) ? want[0] : undefined;
    expect(statusWorkflow.find(state, action, { role })?.to).toBe(to);
    expect(statusWorkflow.allowedActions(state, { role }).includes(action)).toBe(to !== undefined);
  });

  it('needs a reason to remove or to reinstate, not to record a resignation or a death', () => {
    const reasonOf = (state: DeputyStatus, action: DeputyStatusAction) =>
      statusWorkflow.missingFields(statusWorkflow.require(state, action, { role: 'admin' }), { date: '2025-03-01' });
    expect(reasonOf('in_office', 'remove')).toEqual(['原因']);
    expect(reasonOf('removed', 'reinstate')).toEqual(['原因']);
    expect(reasonOf('in_office', 'resign')).toEqual([]);
    expect(reasonOf('in_office', 'recordDeath')).toEqual([]);
  });

  it('keeps a death final and reinstatement for administrators, with the refusal in Chinese', () => {
    expect(allowedStatusChanges('deceased', 'admin')).toEqual([]);
    expect(allowedStatusChanges('in_office', 'staff')).toEqual(['resigned', 'removed', 'deceased']);
    expect(allowedStatusChanges('resigned', 'admin')).toEqual(['in_office']);
    expect(() => statusWorkflow.require('deceased', 'reinstate', { role: 'admin' })).toThrow(
      expect.objectContaining({
        code: 'DEPUTY_ACTION_NOT_ALLOWED',
        status: 409,
        message: '当前状态（去世）不能执行“恢复在任”',
      }),
    );
    expect(() => statusWorkflow.require('resigned', 'reinstate', { role: 'staff' })).toThrow(
      expect.objectContaining({
        code: 'DEPUTY_ACTION_FORBIDDEN',
        status: 403,
      }),
    );
  });
});
