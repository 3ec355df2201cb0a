import { describe, expect, it } from 'vitest';
import { clueAction, clueActionInputs, clueActions, clueStatus, roles, type ClueAction, type ClueStatus } from '@renda/shared';
import { refusal } from '../../test/refusal.js';
import type { ActingRole } from '../../platform/workflow.js';
import { clueTransitions, clueWorkflow as flow, openClueStatuses } from './workflow.js';

/** Every role there is, and the citizen and the system, who never act on the ledger. */
const everyRole: ActingRole[] = [...roles, 'citizen', 'system'];

/** The ledger written out by hand: `action→target` per role; everything else must be refused. */
const expected: Record<ClueStatus, Partial<Record<ActingRole, string>>> = {
  recorded: { staff: 'transfer→transferred dismiss→dismissed' },
  transferred: { staff: 'transfer→transferred reportRectified→rectified', handling_unit: 'reportRectified→rectified' },
  rectified: { staff: 'confirm→closed reject→transferred' },
  closed: {},
  dismissed: {},
};

function entries(state: ClueStatus, role: ActingRole) {
  return (expected[state][role] ?? '').split(' ').filter(Boolean);
}
function expectedTarget(state: ClueStatus, action: ClueAction, role: ActingRole) {
  return entries(state, role)
    .find((e) => e.startsWith(`${action}→`))
    ?.split('→')[1];
}

const cases = clueStatus.options.flatMap((s) => clueAction.options.flatMap((a) => everyRole.map((r) => [s, a, r] as const)));

describe('problem-clue ledger workflow', () => {
  it.each(cases)('%s × %s as %s', (state, action, role) => {
    const target = expectedTarget(state, action, role);
    const step = flow.find(state, action, { role });
    if (target) {
      expect(step?.to).toBe(target);
      expect(flow.allowedActions(state, { role })).toContain(action);
    } else {
      expect(step).toBeUndefined();
      const someoneMay = clueTransitions.some((t) => t.from === state && t.action === action);
      expect(refusal(() => flow.require(state, action, { role }))).toMatchObject(
        someoneMay ? { code: 'CLUE_ACTION_FORBIDDEN', status: 403 } : { code: 'CLUE_ACTION_NOT_ALLOWED', status: 409 },
      );
    }
  });

  it.each(clueStatus.options)('buttons offered in %s are exactly the table’s', (state) => {
    for (const role of everyRole) expect(flow.allowedActions(state, { role })).toEqual(entries(state, role).map((e) => e.split('→')[0]));
    expect(flow.allowedActions(state, null)).toEqual([]);
  });

  it('refuses a wrong state with the sentence the ledger has always shown', () => {
    expect(refusal(() => flow.require('transferred', 'confirm', { role: 'handling_unit' }))).toEqual({
      code: 'CLUE_ACTION_NOT_ALLOWED',
      status: 409,
      message: '当前状态（已转办整改中）不能执行此操作',
    });
    expect(refusal(() => flow.require('rectified', 'confirm', { role: 'handling_unit' }))).toEqual({
      code: 'CLUE_ACTION_FORBIDDEN',
      status: 403,
      message: '您不能对此件执行“销号”',
    });
  });

  it('names what transfer, report, send-back and dismissal need, in Chinese and as the forms name them', () => {
    expect(flow.missingFields(flow.require('recorded', 'transfer', { role: 'staff' }), {})).toEqual(['承办的政府或部门', '转办方式']);
    expect(flow.missingFields(flow.require('transferred', 'reportRectified', { role: 'handling_unit' }), { note: ' ' })).toEqual([
      '整改情况',
    ]);
    expect(flow.missingFields(flow.require('rectified', 'reject', { role: 'staff' }), {})).toEqual(['理由']);
    expect(flow.missingFields(flow.require('recorded', 'dismiss', { role: 'staff' }), { reason: '经核实已清运' })).toEqual([]);
    expect(flow.missingFields(flow.require('rectified', 'confirm', { role: 'staff' }), {})).toEqual([]);
    for (const t of clueTransitions)
      for (const [field] of t.needs ?? []) expect(Object.keys(clueActionInputs[t.action].shape)).toContain(field);
  });

  it('has one URL per action', () => {
    expect(Object.keys(clueActions.actions).sort()).toEqual([...clueAction.options].sort());
  });

  it('keeps a clue on the open ledger until it is struck off or dismissed', () => {
    expect(new Set(openClueStatuses)).toEqual(new Set(['recorded', 'transferred', 'rectified']));
    for (const state of clueStatus.options) expect(clueTransitions.some((t) => t.from === state)).toBe(openClueStatuses.includes(state));
  });
});
