import { describe, expect, it } from 'vitest';
import {
  opinionAction,
  opinionActionInputs,
  opinionActions,
  opinionActorRole,
  opinionStatus,
  roles,
  type OpinionAction,
  type OpinionStatus,
} from '@renda/shared';
import { refusal } from '../../test/refusal.js';
import type { ActingRole } from '../../platform/workflow.js';
import { finalStatuses, opinionWorkflow, transitions } from './workflow.js';

const flow = opinionWorkflow;
/** Every role there is: the workflow's own (staff, handling unit, citizen) and those that only read (leader, admin, deputy…). */
const everyRole: ActingRole[] = [...new Set<ActingRole>([...opinionActorRole.options, ...roles, 'system'])];

/**
 * The expected workflow written out by hand, state by state: `action→target` per role.
 * Every state × action × role not listed here must be refused.
 */
const expected: Record<OpinionStatus, Partial<Record<ActingRole, string>>> = {
  submitted: { staff: 'accept→accepted decline→declined merge→merged' },
  accepted: { staff: 'merge→merged attachDeputy→accepted route→routed answer→replied' },
  declined: {},
  merged: {},
  routed: { staff: 'attachDeputy→routed', handling_unit: 'signFor→signed_for return→returned' },
  returned: { staff: 'attachDeputy→returned route→routed answer→replied' },
  signed_for: { staff: 'attachDeputy→signed_for', handling_unit: 'reply→replied' },
  replied: { staff: 'approveReply→reply_approved rejectReply→signed_for' },
  reply_approved: { staff: 'close→closed', citizen: 'rate→rated rateDissatisfied→dissatisfied' },
  dissatisfied: { staff: 'route→routed close→closed' },
  rated: { staff: 'close→closed' },
  closed: {},
};

function expectedTarget(state: OpinionStatus, action: OpinionAction, role: ActingRole): string | undefined {
  const entries = (expected[state][role] ?? '').split(' ').filter(Boolean);
  return entries.find((e) => e.startsWith(`${action}→`))?.split('→')[1];
}

const cases = opinionStatus.options.flatMap((s) => opinionAction.options.flatMap((a) => everyRole.map((r) => [s, a, r] as const)));

describe('opinion workflow table', () => {
  it.each(cases)('%s × %s as %s', (state, action, role) => {
    const step = flow.find(state, action, { role });
    const target = expectedTarget(state, action, role);
    if (target) {
      expect(step?.to).toBe(target);
      expect(flow.require(state, action, { role }).to).toBe(target);
      expect(flow.allowedActions(state, { role })).toContain(action);
    } else {
      expect(step).toBeUndefined();
      expect(flow.allowedActions(state, { role })).not.toContain(action);
      // A wrong state is a conflict (409); the right state but the wrong person is forbidden (403).
      const someoneMay = transitions.some((t) => t.from === state && t.action === action);
      expect(refusal(() => flow.require(state, action, { role }))).toMatchObject(
        someoneMay ? { code: 'OPINION_ACTION_FORBIDDEN', status: 403 } : { code: 'OPINION_ACTION_NOT_ALLOWED', status: 409 },
      );
    }
  });

  it.each(opinionStatus.options)('buttons offered in %s match the table', (state) => {
    for (const role of everyRole) {
      const want = (expected[state][role] ?? '')
        .split(' ')
        .filter(Boolean)
        .map((e) => e.split('→')[0]);
      expect(flow.allowedActions(state, { role })).toEqual(want);
    }
    expect(flow.allowedActions(state, null)).toEqual([]);
  });

  it('final states have no way out and every other state has one', () => {
    for (const state of opinionStatus.options) {
      const outgoing = transitions.filter((t) => t.from === state);
      if (finalStatuses.includes(state)) expect(outgoing).toEqual([]);
      else expect(outgoing.length).toBeGreaterThan(0);
    }
  });

  it('every state can be reached from submitted', () => {
    const reached = new Set<string>(['submitted']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of transitions)
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
    }
    expect([...reached].sort()).toEqual([...opinionStatus.options].sort());
  });

  it('declining, returning and rejecting a reply always carry a reason', () => {
    for (const t of transitions.filter((t) => ['decline', 'return', 'rejectReply'].includes(t.action)))
      expect(flow.missingFields(t, { reason: ' ' })).toEqual(['理由']);
  });

  it('names what each action needs in Chinese, and only what its form has', () => {
    const step = flow.require('accepted', 'route', { role: 'staff' });
    expect(flow.missingFields(step, {})).toEqual(['承办单位', '转办方式']);
    expect(refusal(() => flow.requireInput(step, { routeKind: 'meeting_reminder' }))).toMatchObject({
      code: 'OPINION_FIELDS_MISSING',
      status: 400,
      message: '请填写承办单位',
    });
    expect(flow.missingFields(flow.require('signed_for', 'reply', { role: 'handling_unit' }), { text: '已修复' })).toEqual([]);
    // Closing after a dissatisfied rating needs an explanation; closing a rated item does not.
    expect(flow.missingFields(flow.require('dissatisfied', 'close', { role: 'staff' }), {})).toEqual(['办结说明']);
    expect(flow.missingFields(flow.require('rated', 'close', { role: 'staff' }), {})).toEqual([]);
    for (const t of transitions)
      if (t.action !== 'rate' && t.action !== 'rateDissatisfied') {
        const shape = opinionActionInputs[t.action].shape;
        for (const [field] of 'needs' in t ? t.needs : []) expect(Object.keys(shape)).toContain(field);
      }
  });

  it('refuses in Chinese: the state for a wrong state, the person for a wrong role', () => {
    expect(refusal(() => flow.require('submitted', 'approveReply', { role: 'staff' }))).toEqual({
      code: 'OPINION_ACTION_NOT_ALLOWED',
      status: 409,
      message: '当前状态（待受理）不能执行此操作',
    });
    expect(refusal(() => flow.require('routed', 'signFor', { role: 'staff' }))).toEqual({
      code: 'OPINION_ACTION_FORBIDDEN',
      status: 403,
      message: '您不能对此件执行“签收”',
    });
    expect(refusal(() => flow.require('reply_approved', 'rate', { role: 'staff' }))).toMatchObject({ status: 403 });
    expect(refusal(() => flow.require('submitted', 'accept', { role: 'leader' }))).toMatchObject({ status: 403 });
  });

  it('lets the citizen only rate, and only once the reply is approved', () => {
    expect(transitions.filter((t) => (t.roles as readonly string[]).includes('citizen')).map((t) => `${t.from}:${t.action}`)).toEqual([
      'reply_approved:rate',
      'reply_approved:rateDissatisfied',
    ]);
    expect(flow.require('reply_approved', 'rateDissatisfied', { role: 'citizen' }).to).toBe('dissatisfied');
    expect(refusal(() => flow.require('rated', 'rate', { role: 'citizen' }))).toMatchObject({ status: 409 });
  });

  it('offers a URL for every staff action and none for the citizen’s', () => {
    const staffActions = [...new Set(transitions.filter((t) => !(t.roles as readonly string[]).includes('citizen')).map((t) => t.action))];
    expect(Object.keys(opinionActions.actions).sort()).toEqual(staffActions.sort());
  });

  it('the citizen never sees an unreviewed reply: replying is not a public step', () => {
    for (const t of transitions.filter((t) => t.to === 'replied')) expect(t.public).toBe(false);
    expect(transitions.find((t) => t.action === 'approveReply')?.public).toBe(true);
  });
});
