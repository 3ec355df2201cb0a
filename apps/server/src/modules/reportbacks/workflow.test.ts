import {
  honourAction,
  honourState,
  reportBackAction,
  reportBackState,
  roles,
  type HonourAction,
  type HonourState,
  type ReportBackAction,
  type ReportBackState,
} from '@renda/shared';
import { describe, expect, it } from 'vitest';
import type { ActingRole, Workflow } from '../../platform/workflow.js';
import { honourWorkflow, reportBackWorkflow } from './workflow.js';

/** Every acting role the engine knows: the roles of the accounts, a citizen and the system itself. */
const actingRoles: readonly ActingRole[] = [...roles, 'citizen', 'system'];
/** Only the office runs these events: staff and administrators (seeds 003, 004). */
const managers: readonly ActingRole[] = ['staff', 'admin'];

/**
 * What the office may do in each state, written out by hand (not read from the table), so the table
 * is checked against the rules rather than against itself.
 */
const reportBackSteps: Record<ReportBackState, Partial<Record<ReportBackAction, ReportBackState>>> = {
  draft: { openRating: 'rating' },
  rating: { close: 'closed' },
  closed: {},
};

const honourSteps: Record<HonourState, Partial<Record<HonourAction, HonourState>>> = {
  nominating: { edit: 'nominating', nominate: 'nominating', withdrawNomination: 'nominating', openVoting: 'voting' },
  voting: { close: 'closed' },
  closed: {},
};

/** A refusal as the client sees it: code, status and (when given) the Chinese message. */
const refused = (fields: { code: string; status: number; message?: unknown }) => expect.objectContaining(fields);

/**
 * The whole matrix of one table: for every state × action × role, `find`, `allowedActions` and
 * `require` agree with the steps written out by hand; a step the state does not offer is refused with
 * the engine's 409, a step for someone else with the engine's 403.
 */
function checkEveryStep<S extends string, A extends string>(
  workflow: Workflow<S, A, never, never, { from: S; action: A; to: S; roles: readonly ActingRole[] }>,
  steps: Record<S, Partial<Record<A, S>>>,
  states: readonly S[],
  actions: readonly A[],
  refusal: { code: string; word: string },
) {
  it('has exactly the rows written out above', () => {
    const rows = workflow.transitions.map((t) => [t.from, t.action, t.to, [...t.roles]]);
    const expected = states.flatMap((from) => actions.filter((a) => steps[from][a]).map((a) => [from, a, steps[from][a], managers]));
    expect([...rows].sort()).toEqual([...expected].sort());
  });

  const cases = states.flatMap((state) => actions.flatMap((action) => actingRoles.map((role) => [state, action, role] as const)));
  it.each(cases)('%s --%s--> as %s', (state, action, role) => {
    const offered = steps[state][action];
    const to = managers.includes(role) ? offered : undefined;
    expect(workflow.find(state, action, { role })?.to).toBe(to);
    expect(workflow.allowedActions(state, { role }).includes(action)).toBe(to !== undefined);
    if (to) return expect(workflow.require(state, action, { role }).to).toBe(to);
    expect(() => workflow.require(state, action, { role })).toThrow(
      offered
        ? refused({ code: `${refusal.code}_ACTION_FORBIDDEN`, status: 403 })
        : refused({
            code: `${refusal.code}_ACTION_NOT_ALLOWED`,
            status: 409,
            message: expect.stringMatching(new RegExp(`^当前${refusal.word}（.+）不能执行此操作$`)),
          }),
    );
  });
}

describe('回选区述职: every state × action × role', () => {
  checkEveryStep(reportBackWorkflow, reportBackSteps, reportBackState.options, reportBackAction.options, {
    code: 'REPORT_BACK',
    word: '状态',
  });

  it('opens the rating from the draft, closes it once, and then nothing more', () => {
    expect(reportBackWorkflow.allowedActions('draft', { role: 'staff' })).toEqual(['openRating']);
    expect(reportBackWorkflow.allowedActions('rating', { role: 'admin' })).toEqual(['close']);
    expect(reportBackWorkflow.allowedActions('closed', { role: 'staff' })).toEqual([]);
    expect(() => reportBackWorkflow.require('closed', 'close', { role: 'staff' })).toThrow(
      refused({
        code: 'REPORT_BACK_ACTION_NOT_ALLOWED',
        status: 409,
        message: '当前状态（已结束）不能执行此操作',
      }),
    );
    expect(() => reportBackWorkflow.require('rating', 'openRating', { role: 'staff' })).toThrow('当前状态（评议中）不能执行此操作');
  });

  it('leaves leaders and deputies to watch, without buttons', () => {
    expect(reportBackWorkflow.allowedActions('draft', { role: 'leader' })).toEqual([]);
    expect(reportBackWorkflow.allowedActions('rating', { role: 'deputy' })).toEqual([]);
    expect(() => reportBackWorkflow.require('rating', 'close', { role: 'leader' })).toThrow(
      refused({
        code: 'REPORT_BACK_ACTION_FORBIDDEN',
        status: 403,
        message: '您不能对此件执行“结束评议”',
      }),
    );
  });
});

describe('最美人大代表: every stage × action × role', () => {
  checkEveryStep(honourWorkflow, honourSteps, honourState.options, honourAction.options, { code: 'HONOUR', word: '阶段' });

  it('changes the slate and the terms only while nominating, so every ballot is cast on the same slate', () => {
    expect(honourWorkflow.allowedActions('nominating', { role: 'staff' })).toEqual([
      'edit',
      'nominate',
      'withdrawNomination',
      'openVoting',
    ]);
    expect(honourWorkflow.allowedActions('voting', { role: 'staff' })).toEqual(['close']);
    expect(honourWorkflow.allowedActions('closed', { role: 'admin' })).toEqual([]);
    for (const action of ['edit', 'nominate', 'withdrawNomination'] as const)
      expect(() => honourWorkflow.require('voting', action, { role: 'staff' })).toThrow(
        refused({
          code: 'HONOUR_ACTION_NOT_ALLOWED',
          status: 409,
          message: '当前阶段（投票中）不能执行此操作',
        }),
      );
  });

  it('asks a nomination for the deputy and the reason, in Chinese', () => {
    const nominate = honourWorkflow.require('nominating', 'nominate', { role: 'staff' });
    expect(honourWorkflow.missingFields(nominate, { deputyId: 'x', reason: ' ' })).toEqual(['提名理由']);
    expect(() => honourWorkflow.requireInput(nominate, {})).toThrow(
      refused({ code: 'HONOUR_FIELDS_MISSING', status: 400, message: '请填写被提名代表、提名理由' }),
    );
  });

  it('gives deputies and leaders no step: deputies only vote (through the ballot, not the table)', () => {
    expect(honourWorkflow.allowedActions('voting', { role: 'deputy' })).toEqual([]);
    expect(honourWorkflow.allowedActions('nominating', { role: 'leader' })).toEqual([]);
    expect(honourWorkflow.find('voting', 'nominate', { role: 'staff' })).toBeUndefined();
  });
});
