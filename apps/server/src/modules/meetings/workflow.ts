import {
  majorMatterActionLabel,
  majorMatterStateLabel,
  meetingActionLabel,
  meetingStateLabel,
  type MajorMatterAction,
  type MajorMatterState,
  type MeetingAction,
  type MeetingState,
} from '@renda/shared';
import { defineWorkflow, type Transition } from '../../platform/workflow.js';

export type Step<S extends string, A extends string> = Transition<S, A, never, never>;

/**
 * A meeting: prepared (议程、材料、列席), notified to its members and invitees, opened once more than half
 * of all members have signed in, closed. Sign-in, replies and votes happen inside these states.
 */
export const meetingTransitions = [
  { from: 'planned', action: 'notify', to: 'notified', roles: ['staff'] },
  { from: 'notified', action: 'open', to: 'in_session', roles: ['staff'] },
  { from: 'in_session', action: 'close', to: 'closed', roles: ['staff'] },
] as const satisfies readonly Step<MeetingState, MeetingAction>[];

export const meetingWorkflow = defineWorkflow<MeetingState, MeetingAction>({
  code: 'MEETING',
  stateLabel: meetingStateLabel,
  actionLabel: meetingActionLabel,
  transitions: meetingTransitions,
});

/**
 * 重大事项决定 (seed 004: 提出与审查、调研与论证、审议与表决、公布与实施). The vote's result decides the end:
 * staff enter the decision's text only after the vote on its agenda item passed, and close the matter
 * as not adopted only after it failed (both checked against the outcome the vote recorded).
 */
export const majorMatterTransitions = [
  { from: 'proposed', action: 'evaluate', to: 'evaluated', roles: ['staff'], needs: [['evaluation', '表决前评估意见']] },
  { from: 'evaluated', action: 'evaluate', to: 'evaluated', roles: ['staff'], needs: [['evaluation', '表决前评估意见']] },
  { from: 'evaluated', action: 'placeOnAgenda', to: 'scheduled', roles: ['staff'], needs: [['meetingId', '会议']] },
  { from: 'scheduled', action: 'decide', to: 'decided', roles: ['staff'], needs: [['resolution', '决定（决议）文本']] },
  { from: 'scheduled', action: 'fail', to: 'rejected', roles: ['staff'] },
] as const satisfies readonly Step<MajorMatterState, MajorMatterAction>[];

export const majorMatterWorkflow = defineWorkflow<MajorMatterState, MajorMatterAction>({
  code: 'MAJOR_MATTER',
  stateLabel: majorMatterStateLabel,
  actionLabel: majorMatterActionLabel,
  transitions: majorMatterTransitions,
});
