import type { DeputyStatus, Role } from '@renda/shared';

export interface StatusChange {
  from: DeputyStatus;
  to: DeputyStatus;
  roles: readonly Role[];
  needsReason: boolean;
}

/**
 * How a deputy's status may change: the table the service, the tests and the UI's buttons read.
 * Termination is final except by correcting a wrongly recorded resignation or removal.
 */
export const statusChanges = [
  { from: 'in_office', to: 'resigned', roles: ['staff', 'admin'], needsReason: false },
  { from: 'in_office', to: 'removed', roles: ['staff', 'admin'], needsReason: true },
  { from: 'in_office', to: 'deceased', roles: ['staff', 'admin'], needsReason: false },
  { from: 'resigned', to: 'in_office', roles: ['admin'], needsReason: true },
  { from: 'removed', to: 'in_office', roles: ['admin'], needsReason: true },
] as const satisfies readonly StatusChange[];

export function findStatusChange(from: DeputyStatus, to: DeputyStatus, role: Role): StatusChange | undefined {
  return (statusChanges as readonly StatusChange[]).find((s) => s.from === from && s.to === to && s.roles.includes(role));
}

export function allowedStatusChanges(from: DeputyStatus, role: Role): DeputyStatus[] {
  return (statusChanges as readonly StatusChange[]).filter((s) => s.from === from && s.roles.includes(role)).map((s) => s.to);
}
