import { clueActionLabel, clueStatusLabel, type ClueAction, type ClueStatus } from '@renda/shared';
import { defineWorkflow, type Need } from '../../platform/workflow.js';

const reason: Need = ['reason', '理由'];
const transfer: readonly Need[] = [
  ['handlingUnitId', '承办的政府或部门'],
  ['level', '转办方式'],
];

/**
 * The problem-clue ledger as a table of transitions. Seed 000: every clue is transferred (转属地政府办理,
 * or to the government itself for common problems within its powers); the government reports the
 * rectification and staff strike the clue off the ledger (销号) or send it back.
 */
export const clueWorkflow = defineWorkflow<ClueStatus, ClueAction>({
  code: 'CLUE',
  stateLabel: clueStatusLabel,
  actionLabel: clueActionLabel,
  // Staff have always read this sentence on the ledger.
  unnamedAction: true,
  transitions: [
    {
      from: 'recorded',
      action: 'transfer',
      to: 'transferred',
      roles: ['staff'],
      needs: transfer,
    },
    { from: 'recorded', action: 'dismiss', to: 'dismissed', roles: ['staff'], needs: [reason] },
    // Moved to another government or escalated to the government itself while being rectified.
    {
      from: 'transferred',
      action: 'transfer',
      to: 'transferred',
      roles: ['staff'],
      needs: transfer,
    },
    { from: 'transferred', action: 'reportRectified', to: 'rectified', roles: ['handling_unit', 'staff'], needs: [['note', '整改情况']] },
    { from: 'rectified', action: 'confirm', to: 'closed', roles: ['staff'] },
    { from: 'rectified', action: 'reject', to: 'transferred', roles: ['staff'], needs: [reason] },
  ],
});

export const clueTransitions = clueWorkflow.transitions;

/** States in which the clue is still on the open ledger. */
export const openClueStatuses: readonly ClueStatus[] = ['recorded', 'transferred', 'rectified'];
