import type { ClueAction, ClueStatus } from '@renda/shared';

export type ClueActorRole = 'staff' | 'handling_unit';

export interface ClueTransition {
  from: ClueStatus;
  action: ClueAction;
  to: ClueStatus;
  roles: readonly ClueActorRole[];
  needs?: 'reason' | 'note' | 'unit';
}

/**
 * The problem-clue ledger as a table of transitions. Seed 000: every clue is transferred (转属地政府办理,
 * or to the government itself for common problems within its powers); the government reports the
 * rectification and staff strike the clue off the ledger (销号) or send it back.
 */
export const clueTransitions = [
  { from: 'recorded', action: 'transfer', to: 'transferred', roles: ['staff'], needs: 'unit' },
  { from: 'recorded', action: 'dismiss', to: 'dismissed', roles: ['staff'], needs: 'reason' },
  // Moved to another government or escalated to the government itself while being rectified.
  { from: 'transferred', action: 'transfer', to: 'transferred', roles: ['staff'], needs: 'unit' },
  { from: 'transferred', action: 'reportRectified', to: 'rectified', roles: ['handling_unit', 'staff'], needs: 'note' },
  { from: 'rectified', action: 'confirm', to: 'closed', roles: ['staff'] },
  { from: 'rectified', action: 'reject', to: 'transferred', roles: ['staff'], needs: 'reason' },
] as const satisfies readonly ClueTransition[];

export function findClueTransition(from: ClueStatus, action: ClueAction, role: ClueActorRole): ClueTransition | undefined {
  return clueTransitions.find((t) => t.from === from && t.action === action && (t.roles as readonly string[]).includes(role));
}

export function allowedClueActions(from: ClueStatus, role: ClueActorRole | null): ClueAction[] {
  if (!role) return [];
  return [...new Set(clueTransitions.filter((t) => t.from === from && (t.roles as readonly string[]).includes(role)).map((t) => t.action))];
}

/** States in which the clue is still on the open ledger. */
export const openClueStatuses: readonly ClueStatus[] = ['recorded', 'transferred', 'rectified'];
