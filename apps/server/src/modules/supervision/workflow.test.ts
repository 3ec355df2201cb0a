import { describe, expect, it } from 'vitest';
import {
  planAction,
  planState,
  pointAction,
  pointActions,
  pointState,
  roles,
  supervisionAction,
  supervisionActions,
  supervisionKind,
  supervisionStage,
  type SupervisionAction,
  type SupervisionKind,
  type SupervisionStage,
} from '@renda/shared';
import type { ActingRole } from '../../platform/workflow.js';
import { refusal } from '../../test/refusal.js';
import { itemWorkflow, planWorkflow, pointWorkflow } from './workflow.js';

const everyRole: ActingRole[] = [...roles, 'citizen', 'system'];
const parties = ['organ', null] as const;
/** Every fact of the evaluation rows holding: the rows then act as the stage lists say (the facts are tested apart). */
const allFacts = { satisfied: true, noVote: true, noVotePending: true };

/**
 * The stages of each kind written out by hand from the seeds (the oracle the generated table is held
 * to): seed 000's six steps of 专题询问 and five of 工作评议, the special report's hearing and 审议意见,
 * seed 003's quarterly reports; `report:` the stages where the organ hands in a report; `rereview:`
 * where a re-review (seed 001 再审) sends an item in evaluation.
 */
const byHand: Record<SupervisionKind, { stages: string; report: string; rereview?: SupervisionStage }> = {
  special_report: {
    stages: 'planned research draft_report hearing opinions handling evaluation closed',
    report: 'draft_report handling',
    rereview: 'handling',
  },
  law_inspection: { stages: 'planned inspection_plan field_inspection inspect_report opinions follow_up closed', report: 'follow_up' },
  special_inquiry: {
    stages: 'planned inquiry_plan research questions coordination inquiry follow_up evaluation closed',
    report: 'follow_up',
    rereview: 'follow_up',
  },
  work_evaluation: {
    stages: 'planned preparation investigation eval_meeting rectification evaluation closed',
    report: 'rectification',
    rereview: 'rectification',
  },
  major_project: { stages: 'planned quarterly closed', report: 'quarterly' },
};

/** Where the action leads for this kind, stage, role and party; undefined when it must be refused. */
function expectedTarget(
  kind: SupervisionKind,
  stage: SupervisionStage,
  action: SupervisionAction,
  role: ActingRole,
  party: 'organ' | null,
) {
  const h = byHand[kind];
  const stages = h.stages.split(' ');
  const at = stages.indexOf(stage);
  if (action === 'advance') return role === 'staff' && at >= 0 && at < stages.length - 1 ? stages[at + 1] : undefined;
  if (action === 'openSatisfactionVote') return role === 'staff' && stage === 'evaluation' && h.rereview ? 'evaluation' : undefined;
  if (action === 'submitReport')
    return (role === 'staff' || role === 'handling_unit') && party === 'organ' && h.report.split(' ').includes(stage) ? stage : undefined;
  return (role === 'staff' || role === 'system') && stage === 'evaluation' && h.rereview ? h.rereview : undefined;
}

const cases = supervisionKind.options.flatMap((kind) =>
  supervisionStage.options.flatMap((stage) =>
    supervisionAction.options.flatMap((action) =>
      everyRole.flatMap((role) => parties.map((party) => [kind, stage, action, role, party] as const)),
    ),
  ),
);

describe('supervision item workflow, generated from the stages of each kind', () => {
  it.each(cases)('%s: %s × %s as %s (party %s)', (kind, stage, action, role, party) => {
    const standing = { role, kind, party, facts: allFacts };
    const target = expectedTarget(kind, stage, action, role, party);
    const step = itemWorkflow.find(stage, action, standing);
    if (target) {
      expect(step?.to).toBe(target);
      expect(itemWorkflow.allowedActions(stage, standing)).toContain(action);
    } else {
      expect(step).toBeUndefined();
      expect(itemWorkflow.allowedActions(stage, standing)).not.toContain(action);
      const r = refusal(() => itemWorkflow.require(stage, action, standing));
      expect([409, 403]).toContain(r.status);
      expect(r.code).toMatch(/^SUPERVISION_ITEM_ACTION_(NOT_ALLOWED|FORBIDDEN)$/);
    }
  });

  it('refuses in Chinese: a stage another kind has, a wrong stage, a unit that is not the organ', () => {
    expect(refusal(() => itemWorkflow.require('quarterly', 'advance', { role: 'staff', kind: 'special_report' }))).toMatchObject({
      status: 409,
      message: '“进入下一阶段”不适用于此类件',
    });
    expect(refusal(() => itemWorkflow.require('closed', 'advance', { role: 'staff', kind: 'special_report' }))).toMatchObject({
      status: 409,
      message: '当前阶段（已办结）不能执行“进入下一阶段”',
    });
    expect(
      refusal(() => itemWorkflow.require('handling', 'submitReport', { role: 'handling_unit', kind: 'special_report', party: null })),
    ).toMatchObject({
      status: 403,
    });
    expect(
      refusal(() => itemWorkflow.require('handling', 'advance', { role: 'handling_unit', kind: 'special_report', party: 'organ' })),
    ).toMatchObject({
      status: 403,
      message: '您不能对此件执行“进入下一阶段”',
    });
  });

  it('names what a report and a re-review need', () => {
    const report = itemWorkflow.require('quarterly', 'submitReport', { role: 'handling_unit', kind: 'major_project', party: 'organ' });
    expect(itemWorkflow.missingFields(report, { title: '2026年第二季度专报' })).toEqual(['报告内容']);
    const rereview = itemWorkflow.require('evaluation', 'rereview', { role: 'staff', kind: 'special_report', facts: allFacts });
    expect(itemWorkflow.missingFields(rereview, {})).toEqual(['再审理由']);
  });

  it('ends the evaluation stage only on a 满意 result, one vote per round, no re-review by hand while the vote runs', () => {
    const staff = (facts: Partial<typeof allFacts>) => ({
      role: 'staff' as const,
      kind: 'special_report' as const,
      facts: { ...allFacts, ...facts },
    });
    const refused = (action: SupervisionAction, facts: Partial<typeof allFacts>) => {
      expect(itemWorkflow.allowedActions('evaluation', staff(facts))).not.toContain(action);
      return refusal(() => itemWorkflow.require('evaluation', action, staff(facts)));
    };
    expect(refused('advance', { satisfied: false })).toMatchObject({
      status: 409,
      code: 'SUPERVISION_ITEM_ACTION_NOT_AVAILABLE',
      message: '本轮满意度测评尚无“满意”结果，不能执行“进入下一阶段”',
    });
    expect(refused('openSatisfactionVote', { noVote: false })).toMatchObject({
      status: 409,
      message: '本轮已发起满意度测评，不能执行“发起满意度测评”',
    });
    expect(refused('rereview', { noVotePending: false })).toMatchObject({ status: 409, message: '满意度测评尚未结束，不能执行“启动再审”' });
    // The system re-reviews on a 不满意 result whatever the facts; for each kind to its own stage.
    for (const kind of ['special_report', 'special_inquiry', 'work_evaluation'] as const)
      expect(itemWorkflow.require('evaluation', 'rereview', { role: 'system', kind }).to).toBe(byHand[kind].rereview);
    // Other stages close as before.
    expect(itemWorkflow.require('follow_up', 'advance', { role: 'staff', kind: 'law_inspection' }).to).toBe('closed');
  });

  it('has one URL per action', () => {
    expect(Object.keys(supervisionActions.actions).sort()).toEqual([...supervisionAction.options].sort());
    // carryOver is the system's alone: no URL.
    expect(Object.keys(pointActions.actions).sort()).toEqual(pointAction.options.filter((a) => a !== 'carryOver').sort());
  });
});

/** The issue list's points: `action→target` per role (organ = the unit under supervision for the point). */
const pointsByHand: Record<string, Partial<Record<string, string>>> = {
  open: { organ: 'answer→answered', system: 'carryOver→carried_over' },
  answered: { organ: 'answer→answered', staff: 'accept→solved sendBack→open', system: 'carryOver→carried_over' },
  solved: {},
  carried_over: {},
};

describe('issue-list point workflow', () => {
  const who = [
    ...everyRole.map((role) => ({ key: role === 'handling_unit' ? 'other_unit' : role, role, party: null })),
    { key: 'organ', role: 'handling_unit' as const, party: 'organ' as const },
  ];
  const pointCases = pointState.options.flatMap((s) => pointAction.options.flatMap((a) => who.map((w) => [s, a, w] as const)));
  it.each(pointCases)('%s × %s as %o', (state, action, w) => {
    const target = (pointsByHand[state]![w.key] ?? '')
      .split(' ')
      .find((e) => e.startsWith(`${action}→`))
      ?.split('→')[1];
    const step = pointWorkflow.find(state, action, { role: w.role, party: w.party });
    if (target) expect(step?.to).toBe(target);
    else {
      expect(step).toBeUndefined();
      expect(refusal(() => pointWorkflow.require(state, action, { role: w.role, party: w.party })).status).toBeGreaterThanOrEqual(403);
    }
  });
});

describe('plan workflow', () => {
  const expected: Record<string, string> = { 'drafted adopt': 'adopted', 'adopted publish': 'published' };
  const planCases = planState.options.flatMap((s) => planAction.options.flatMap((a) => everyRole.map((r) => [s, a, r] as const)));
  it.each(planCases)('%s × %s as %s', (state, action, role) => {
    const target = role === 'staff' ? expected[`${state} ${action}`] : undefined;
    expect(planWorkflow.find(state, action, { role })?.to).toBe(target);
  });
});
