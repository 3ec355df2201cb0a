import { roles, voteAction, voteState, type VoteAction, type VoteState } from '@renda/shared';
import { describe, expect, it } from 'vitest';
import type { ActingRole } from '../../platform/workflow.js';
import { voteWorkflow } from './workflow.js';

const actingRoles: readonly ActingRole[] = [...roles, 'citizen', 'system'];
/** Staff and administrators run a vote; the system runs it for an owner module (评选's stages). */
const runners: readonly ActingRole[] = ['staff', 'admin', 'system'];

/** The stages written out by hand, so the table is checked against the rule rather than itself. */
const steps: Record<VoteState, Partial<Record<VoteAction, VoteState>>> = {
  draft: { open: 'open' },
  open: { close: 'closed' },
  closed: { announce: 'announced' },
  announced: {},
};

describe('vote workflow', () => {
  it('has exactly the rows written out above', () => {
    const rows = voteWorkflow.transitions.map((t) => [t.from, t.action, t.to, [...t.roles]]);
    const expected = voteState.options.flatMap((from) =>
      voteAction.options.filter((a) => steps[from][a]).map((a) => [from, a, steps[from][a], runners]),
    );
    expect([...rows].sort()).toEqual([...expected].sort());
  });

  const cases = voteState.options.flatMap((state) =>
    voteAction.options.flatMap((action) => actingRoles.map((role) => [state, action, role] as const)),
  );
  it.each(cases)('%s --%s--> as %s', (state, action, role) => {
    const to = steps[state][action];
    const allowed = !!to && runners.includes(role);
    expect(voteWorkflow.allowedActions(state, { role }).includes(action)).toBe(allowed);
    if (allowed) expect(voteWorkflow.require(state, action, { role }).to).toBe(to);
    else if (!to)
      expect(() => voteWorkflow.require(state, action, { role })).toThrow(
        expect.objectContaining({ code: 'VOTE_ACTION_NOT_ALLOWED', status: 409 }) as Error,
      );
    else
      expect(() => voteWorkflow.require(state, action, { role })).toThrow(
        expect.objectContaining({ code: 'VOTE_ACTION_FORBIDDEN', status: 403 }) as Error,
      );
  });
});
