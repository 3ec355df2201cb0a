import {
  appointmentActionLabel,
  appointmentStateLabel,
  type AppointmentAction,
  type AppointmentActionInput,
  type AppointmentState,
} from '@renda/shared';
import { defineWorkflow, type ActingRole } from '../../platform/workflow.js';

/**
 * 代表约见国家机关负责人 (seed 004, 约见办法): the deputy asks, staff of the standing committee agree
 * (or decline with a reason) and arrange the time and place, the meeting is recorded, the agency
 * answers with what it commits to, and the deputy rates the answer. The deputy may withdraw the
 * request until the meeting takes place; staff may cancel it for them (e.g. the deputy is ill).
 */
export const appointmentWorkflow = defineWorkflow<AppointmentState, AppointmentAction>({
  code: 'APPOINTMENT',
  stateLabel: appointmentStateLabel,
  actionLabel: appointmentActionLabel,
  transitions: [
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
  ],
});

export const transitions = appointmentWorkflow.transitions;
export type Transition = (typeof transitions)[number];

export const findTransition = (state: AppointmentState, action: AppointmentAction, role: ActingRole) =>
  appointmentWorkflow.find(state, action, { role });

export const allowedActions = (state: AppointmentState, role: ActingRole) => appointmentWorkflow.allowedActions(state, { role });

/** The Chinese names of the required fields the input leaves empty. */
export const missingFields = (step: Transition, input: AppointmentActionInput) => appointmentWorkflow.missingFields(step, input);
