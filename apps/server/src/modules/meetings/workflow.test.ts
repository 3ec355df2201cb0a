import { describe, expect, it } from 'vitest';
import {
  majorMatterAction,
  majorMatterState,
  meetingAction,
  meetingState,
  roles,
  type MajorMatterAction,
  type MajorMatterState,
  type MeetingAction,
  type MeetingState,
  type Role,
} from '@renda/shared';
import { majorMatterWorkflow, meetingWorkflow } from './workflow.js';

/** Independent of the tables in workflow.ts: the procedure as it reads. Only staff run meetings and matters. */
const meetingExpected: Partial<Record<MeetingState, Partial<Record<MeetingAction, [MeetingState, Role[]]>>>> = {
  planned: { notify: ['notified', ['staff']] },
  notified: { open: ['in_session', ['staff']] },
  in_session: { close: ['closed', ['staff']] },
};

const matterExpected: Partial<Record<MajorMatterState, Partial<Record<MajorMatterAction, [MajorMatterState, Role[]]>>>> = {
  proposed: { evaluate: ['evaluated', ['staff']] },
  evaluated: { evaluate: ['evaluated', ['staff']], placeOnAgenda: ['scheduled', ['staff']] },
  scheduled: { decide: ['decided', ['staff']], fail: ['rejected', ['staff']] },
};

describe('meeting workflow table', () => {
  const cases = meetingState.options.flatMap((s) => meetingAction.options.flatMap((a) => roles.map((r) => [s, a, r] as const)));
  it.each(cases)('%s × %s × %s', (state, action, role) => {
    const want = meetingExpected[state]?.[action];
    expect(meetingWorkflow.find(state, action, { role })?.to).toBe(want && want[1].includes(role) ? want[0] : undefined);
  });
  it('refuses out of turn with 409 and a deputy with 403, in Chinese', () => {
    expect(() => meetingWorkflow.require('closed', 'open', { role: 'staff' })).toThrow(
      expect.objectContaining({ code: 'MEETING_ACTION_NOT_ALLOWED', status: 409, message: '当前状态（已闭会）不能执行“宣布开会”' }),
    );
    expect(() => meetingWorkflow.require('notified', 'open', { role: 'deputy' })).toThrow(
      expect.objectContaining({ code: 'MEETING_ACTION_FORBIDDEN', status: 403 }),
    );
  });
});

describe('major matter workflow table', () => {
  const cases = majorMatterState.options.flatMap((s) => majorMatterAction.options.flatMap((a) => roles.map((r) => [s, a, r] as const)));
  it.each(cases)('%s × %s × %s', (state, action, role) => {
    const want = matterExpected[state]?.[action];
    expect(majorMatterWorkflow.find(state, action, { role })?.to).toBe(want && want[1].includes(role) ? want[0] : undefined);
  });
  it('names the empty required field of each step', () => {
    expect(majorMatterWorkflow.missingFields(majorMatterWorkflow.require('proposed', 'evaluate', { role: 'staff' }), {})).toEqual([
      '表决前评估意见',
    ]);
    expect(majorMatterWorkflow.missingFields(majorMatterWorkflow.require('evaluated', 'placeOnAgenda', { role: 'staff' }), {})).toEqual([
      '会议',
    ]);
    expect(
      majorMatterWorkflow.missingFields(majorMatterWorkflow.require('scheduled', 'decide', { role: 'staff' }), { resolution: ' ' }),
    ).toEqual(['决定（决议）文本']);
  });
});
