import { describe, expect, it } from 'vitest';
import { refusal } from '../test/refusal.js';
import { defineWorkflow } from './workflow.js';

type State = 'draft' | 'sent' | 'done';
type Action = 'send' | 'sign' | 'note' | 'finish' | 'reopen';

const flow = defineWorkflow<State, Action, 'lead' | 'joint', 'letter' | 'motion'>({
  code: 'TEST',
  stateLabel: { draft: '草稿', sent: '已发送', done: '已完成' },
  actionLabel: { send: '发送', sign: '签收', note: '记录', finish: '完成', reopen: '重新办理' },
  partyLabel: { lead: '主办单位', joint: '会办单位' },
  transitions: [
    { from: 'draft', action: 'send', to: 'sent', roles: ['staff'], kinds: ['letter'], needs: [['reason', '理由']] },
    { from: 'sent', action: 'sign', to: 'sent', roles: ['handling_unit'], party: 'lead' },
    { from: 'sent', action: 'finish', to: 'done', roles: ['staff'] },
    { from: 'sent', action: 'finish', to: 'sent', roles: ['staff'], outcome: 'othersPending' },
    { from: 'done', action: 'reopen', to: 'sent', roles: ['staff', 'system'] },
  ],
});

describe('workflow engine', () => {
  it('finds the row that fits role, party and kind', () => {
    expect(flow.find('draft', 'send', { role: 'staff', kind: 'letter' })?.to).toBe('sent');
    expect(flow.find('draft', 'send', { role: 'staff', kind: 'motion' })).toBeUndefined();
    expect(flow.find('sent', 'sign', { role: 'handling_unit', party: 'lead' })).toBeDefined();
    expect(flow.find('sent', 'sign', { role: 'handling_unit', party: 'joint' })).toBeUndefined();
  });

  it('refuses a wrong state with 409, a wrong kind with 409 and a wrong party or role with 403, in Chinese', () => {
    expect(refusal(() => flow.require('done', 'send', { role: 'staff', kind: 'letter' }))).toEqual({
      code: 'TEST_ACTION_NOT_ALLOWED',
      status: 409,
      message: '当前状态（已完成）不能执行“发送”',
    });
    expect(refusal(() => flow.require('draft', 'send', { role: 'staff', kind: 'motion' }))).toMatchObject({
      status: 409,
      message: '“发送”不适用于此类件',
    });
    expect(refusal(() => flow.require('sent', 'sign', { role: 'handling_unit', party: 'joint' }))).toEqual({
      code: 'TEST_ACTION_FORBIDDEN',
      status: 403,
      message: '当前状态（已发送）下，会办单位不能执行“签收”',
    });
    expect(refusal(() => flow.require('sent', 'finish', { role: 'deputy' }))).toMatchObject({
      status: 403,
      message: '您不能对此件执行“完成”',
    });
  });

  it('lists the allowed actions once each, in table order, and none without a standing', () => {
    expect(flow.allowedActions('sent', { role: 'staff' })).toEqual(['finish']);
    expect(flow.allowedActions('sent', { role: 'handling_unit', party: 'lead' })).toEqual(['sign']);
    expect(flow.allowedActions('sent', null)).toEqual([]);
  });

  it('names the missing required fields and refuses them with the form paths', () => {
    const step = flow.require('draft', 'send', { role: 'staff', kind: 'letter' });
    expect(flow.missingFields(step, { reason: '  ' })).toEqual(['理由']);
    expect(flow.missingFields(step, { reason: '已核实' })).toEqual([]);
    const err = refusal(() => flow.requireInput(step, {}));
    expect(err).toMatchObject({ code: 'TEST_FIELDS_MISSING', status: 400, message: '请填写理由' });
  });

  it('chooses the target by the outcome the effect names, and fails loudly on an unknown outcome', () => {
    const step = flow.require('sent', 'finish', { role: 'staff' });
    expect(flow.target(step)).toBe('done');
    expect(flow.target(step, 'othersPending')).toBe('sent');
    expect(() => flow.target(step, 'nonsense')).toThrow(/no row/);
  });

  it('lets the system take only the rows that name it, whatever their party', () => {
    expect(flow.find('done', 'reopen', { role: 'system' })?.to).toBe('sent');
    expect(flow.find('sent', 'finish', { role: 'system' })).toBeUndefined();
  });

  it('says “此操作” for a wrong state where the module asks for it', () => {
    const plain = defineWorkflow<State, Action>({ ...flow.spec, partyLabel: {}, unnamedAction: true, transitions: [] });
    expect(refusal(() => plain.require('done', 'send', { role: 'staff' }))).toEqual({
      code: 'TEST_ACTION_NOT_ALLOWED',
      status: 409,
      message: '当前状态（已完成）不能执行此操作',
    });
  });

  it('offers and allows a row with a `when` only while the item’s fact holds, refusing with the condition’s reason', () => {
    const gated = defineWorkflow<State, Action>({
      code: 'GATED',
      stateLabel: { draft: '草稿', sent: '已发送', done: '已完成' },
      actionLabel: { send: '发送', sign: '签收', note: '记录', finish: '完成', reopen: '重新办理' },
      conditions: { urgent: '此件不是急件' },
      transitions: [
        { from: 'sent', action: 'note', to: 'sent', roles: ['staff'], when: 'urgent' },
        { from: 'sent', action: 'finish', to: 'done', roles: ['staff'] },
      ],
    });
    expect(gated.allowedActions('sent', { role: 'staff', facts: { urgent: true } })).toEqual(['note', 'finish']);
    expect(gated.allowedActions('sent', { role: 'staff', facts: { urgent: false } })).toEqual(['finish']);
    expect(gated.allowedActions('sent', { role: 'staff' })).toEqual(['finish']);
    expect(refusal(() => gated.require('sent', 'note', { role: 'staff' }))).toEqual({
      code: 'GATED_ACTION_NOT_AVAILABLE',
      status: 409,
      message: '此件不是急件，不能执行“记录”',
    });
    // Someone who may not take it at all still hears that, not the item's condition.
    expect(refusal(() => gated.require('sent', 'note', { role: 'deputy' }))).toMatchObject({ status: 403 });
  });
});
