import {
  deputyStatusActionFor,
  deputyStatusActionLabel,
  deputyStatusLabel,
  type DeputyStatus,
  type DeputyStatusAction,
} from '@renda/shared';
import { defineWorkflow, type ActingRole } from '../../platform/workflow.js';

/**
 * How a deputy's status may change: the table the service, the tests and the UI's choices read.
 * Each change is a verb of its own (辞职 resign, 罢免 remove, 去世 recordDeath) rather than "set the
 * status to X", so the table says who may take it and what it needs, and the URL names what was
 * done (/api/deputies/<id>/actions/resign). Termination is final except by an administrator
 * correcting a wrongly recorded resignation or removal (reinstate), always with a reason; a removal
 * states its reason too.
 */
export const statusWorkflow = defineWorkflow<DeputyStatus, DeputyStatusAction>({
  code: 'DEPUTY',
  stateLabel: deputyStatusLabel,
  actionLabel: deputyStatusActionLabel,
  transitions: [
    { from: 'in_office', action: 'resign', to: 'resigned', roles: ['staff', 'admin'] },
    { from: 'in_office', action: 'remove', to: 'removed', roles: ['staff', 'admin'], needs: [['reason', '原因']] },
    { from: 'in_office', action: 'recordDeath', to: 'deceased', roles: ['staff', 'admin'] },
    { from: 'resigned', action: 'reinstate', to: 'in_office', roles: ['admin'], needs: [['reason', '原因']] },
    { from: 'removed', action: 'reinstate', to: 'in_office', roles: ['admin'], needs: [['reason', '原因']] },
  ],
});

export const statusChanges = statusWorkflow.transitions;

/** The row that lets `role` move a deputy from `from` to `to`, if any. */
export function findStatusChange(from: DeputyStatus, to: DeputyStatus, role: ActingRole) {
  return statusWorkflow.find(from, deputyStatusActionFor[to], { role });
}

/** The statuses `role` may move a deputy in `from` to: the choices of the status form. */
export function allowedStatusChanges(from: DeputyStatus, role: ActingRole): DeputyStatus[] {
  return statusWorkflow
    .allowedActions(from, { role })
    .flatMap((a) => statusChanges.filter((t) => t.from === from && t.action === a).map((t) => t.to));
}
