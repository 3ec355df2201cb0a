import { describe, expect, it } from 'vitest';
import { followUpAction, followUpState, roles, type FollowUpAction, type FollowUpState, type Role } from '@renda/shared';
import { followUpWorkflow, type FollowUpParty } from './workflow.js';

/** Written out from the rule, not from the table: the unit (or staff for it) reports; staff send back. */
const expected: Partial<Record<FollowUpState, Partial<Record<FollowUpAction, [FollowUpState, [Role, FollowUpParty][]]>>>> = {
  open: {
    complete: [
      'done',
      [
        ['handling_unit', 'responsible'],
        ['staff', 'manager'],
      ],
    ],
  },
  done: { reopen: ['open', [['staff', 'manager']]] },
};
const parties: (FollowUpParty | null)[] = ['responsible', 'manager', null];

describe('follow-up task workflow table', () => {
  const cases = followUpState.options.flatMap((s) =>
    followUpAction.options.flatMap((a) => roles.flatMap((r) => parties.map((p) => [s, a, r, p] as const))),
  );
  it.each(cases)('%s × %s × %s as %s', (state, action, role, party) => {
    const want = expected[state]?.[action];
    const allowed = want?.[1].some(([r, p]) => r === role && p === party);
    expect(followUpWorkflow.find(state, action, { role, party })?.to).toBe(allowed ? want![0] : undefined);
  });
  it('refuses in Chinese: 409 for a task already done, 403 for a unit that is not responsible', () => {
    expect(() => followUpWorkflow.require('done', 'complete', { role: 'handling_unit', party: 'responsible' })).toThrow(
      expect.objectContaining({ code: 'FOLLOW_UP_ACTION_NOT_ALLOWED', status: 409, message: '当前状态（已落实）不能执行“报告落实情况”' }),
    );
    expect(() => followUpWorkflow.require('open', 'complete', { role: 'handling_unit', party: null })).toThrow(
      expect.objectContaining({ code: 'FOLLOW_UP_ACTION_FORBIDDEN', status: 403 }),
    );
  });
});
