import { describe, expect, it } from 'vitest';
import { receptionAction, receptionState, roles, type ReceptionAction, type ReceptionState, type Role } from '@renda/shared';
import { receptionWorkflow } from './workflow.js';

/** Independent of the table in workflow.ts: who may take each step of a reception, as the station's rules read. */
const expected: Partial<Record<ReceptionState, Partial<Record<ReceptionAction, [ReceptionState, Role[]]>>>> = {
  open: {
    signIn: ['open', ['staff', 'admin', 'deputy']],
    addConcern: ['open', ['staff', 'admin']],
    close: ['closed', ['staff', 'admin']],
  },
};

describe('reception table', () => {
  const cases = receptionState.options.flatMap((s) => receptionAction.options.flatMap((a) => roles.map((r) => [s, a, r] as const)));
  it.each(cases)('%s × %s × %s', (state, action, role) => {
    const want = expected[state]?.[action];
    const to = want && want[1].includes(role) ? want[0] : undefined;
    expect(receptionWorkflow.find(state, action, { role })?.to).toBe(to);
    expect(receptionWorkflow.allowedActions(state, { role }).includes(action)).toBe(to !== undefined);
  });

  it('shows staff every step of an open reception, a deputy only signing in, and nobody anything once closed', () => {
    expect(receptionWorkflow.allowedActions('open', { role: 'staff' })).toEqual(['signIn', 'addConcern', 'close']);
    expect(receptionWorkflow.allowedActions('open', { role: 'deputy' })).toEqual(['signIn']);
    for (const role of roles) expect(receptionWorkflow.allowedActions('closed', { role })).toEqual([]);
  });

  it('refuses a closed reception with 409 and a role without the step with 403', () => {
    expect(() => receptionWorkflow.require('closed', 'addConcern', { role: 'staff' })).toThrow(
      expect.objectContaining({
        code: 'RECEPTION_ACTION_NOT_ALLOWED',
        status: 409,
      }),
    );
    expect(() => receptionWorkflow.require('open', 'close', { role: 'deputy' })).toThrow(
      expect.objectContaining({
        code: 'RECEPTION_ACTION_FORBIDDEN',
        status: 403,
      }),
    );
  });
});
