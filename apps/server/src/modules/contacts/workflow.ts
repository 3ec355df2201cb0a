import type { AppointmentAction, AppointmentActionInput, AppointmentState, Role } from '@renda/shared';

export interface Transition {
  from: AppointmentState;
  action: AppointmentAction;
  to: AppointmentState;
  roles: readonly Role[];
  /** Fields of the action input that must be filled, with the Chinese name used in the refusal. */
  needs?: readonly (readonly [keyof AppointmentActionInput, string])[];
}

/**
 * 代表约见国家机关负责人 (seed 004, 约见办法): the deputy asks, staff of the standing committee agree
 * (or decline with a reason) and arrange the time and place, the meeting is recorded, the agency
 * answers with what it commits to, and the deputy rates the answer. The deputy may withdraw the
 * request until the meeting takes place; staff may cancel it for them (e.g. the deputy is ill).
 */
export const transitions = [
  { from: 'requested', action: 'approve', to: 'approved', roles: ['staff'] },
  { from: 'requested', action: 'decline', to: 'declined', roles: ['staff'], needs: [['reason', '不同意的理由']] },
  {
    from: 'approved',
    action: 'schedule',
    to: 'scheduled',
    roles: ['staff'],
    needs: [
      ['scheduledAt', '约见时间'],
      ['place', '约见地点'],
    ],
  },
  {
    from: 'scheduled',
    action: 'recordMeeting',
    to: 'held',
    roles: ['staff'],
    needs: [
      ['heldOn', '约见日期'],
      ['attendees', '参加人员'],
      ['meetingNotes', '约见情况'],
    ],
  },
  { from: 'held', action: 'recordOutcome', to: 'answered', roles: ['handling_unit', 'staff'], needs: [['commitment', '办理承诺及结果']] },
  { from: 'answered', action: 'rate', to: 'closed', roles: ['deputy'], needs: [['rating', '评价']] },
  { from: 'requested', action: 'cancel', to: 'cancelled', roles: ['deputy', 'staff'], needs: [['reason', '撤回理由']] },
  { from: 'approved', action: 'cancel', to: 'cancelled', roles: ['deputy', 'staff'], needs: [['reason', '撤回理由']] },
  { from: 'scheduled', action: 'cancel', to: 'cancelled', roles: ['deputy', 'staff'], needs: [['reason', '撤回理由']] },
] as const satisfies readonly Transition[];

const table: readonly Transition[] = transitions;

export function findTransition(state: AppointmentState, action: AppointmentAction, role: Role): Transition | undefined {
  return table.find((t) => t.from === state && t.action === action && t.roles.includes(role));
}

export function allowedActions(state: AppointmentState, role: Role): AppointmentAction[] {
  return table.filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action);
}

/** The names of the required fields the input leaves empty. */
export function missingFields(step: Transition, input: AppointmentActionInput): string[] {
  return (step.needs ?? []).filter(([key]) => !input[key]).map(([, label]) => label);
}
