import {
  planActionLabel,
  planStateLabel,
  pointActionLabel,
  pointStateLabel,
  rereviewStage,
  supervisionActionLabel,
  supervisionPartyLabel,
  supervisionStageLabel,
  supervisionStages,
  type PlanAction,
  type PlanState,
  type PointAction,
  type PointState,
  type SupervisionAction,
  type SupervisionKind,
  type SupervisionParty,
  type SupervisionStage,
} from '@renda/shared';
import { defineWorkflow, type Transition } from '../../platform/workflow.js';

export type ItemStep = Transition<SupervisionStage, SupervisionAction, SupervisionParty, SupervisionKind>;

/** Stages in which the organ hands in a report: its draft (报告稿报审), its handling report, its quarterly report. */
export const reportStages: Partial<Record<SupervisionKind, readonly SupervisionStage[]>> = {
  special_report: ['draft_report', 'handling'],
  law_inspection: ['follow_up'],
  special_inquiry: ['follow_up'],
  work_evaluation: ['rectification'],
  major_project: ['quarterly'],
};

/**
 * The item's table, generated from the stages of each kind (packages/shared `supervisionStages`): staff
 * move an item to the next stage of its kind (`advance`); the organ hands in its reports in the stages
 * that ask for one. In the evaluation stage (满意度测评) staff open one satisfaction vote per round on the
 * vote component, and the item leaves that stage for `closed` only with a 满意 result of this round; a
 * re-review (再审, seed 001 “再调研、再审议和再测评”) sends it back to handling — by staff while no vote is
 * running, or by the system itself when the vote's result is 不满意.
 */
export const itemTransitions: readonly ItemStep[] = (
  Object.entries(supervisionStages) as [SupervisionKind, readonly SupervisionStage[]][]
).flatMap(([kind, stages]) => [
  ...stages.slice(0, -1).map((from, i): ItemStep => ({
    from,
    action: 'advance',
    to: stages[i + 1]!,
    roles: ['staff'],
    kinds: [kind],
    ...(from === 'evaluation' ? { when: 'satisfied' } : {}),
  })),
  ...(reportStages[kind] ?? []).map((from): ItemStep => ({
    from,
    action: 'submitReport',
    to: from,
    roles: ['handling_unit', 'staff'],
    party: 'organ',
    kinds: [kind],
    needs: [
      ['title', '报告标题'],
      ['content', '报告内容'],
    ],
  })),
  ...(kind in rereviewStage ? evaluationRows(kind, rereviewStage[kind as keyof typeof rereviewStage]) : []),
]);

function evaluationRows(kind: SupervisionKind, back: SupervisionStage): ItemStep[] {
  const rereview = { from: 'evaluation', action: 'rereview', to: back, kinds: [kind], needs: [['reason', '再审理由']] } as const;
  return [
    { from: 'evaluation', action: 'openSatisfactionVote', to: 'evaluation', roles: ['staff'], kinds: [kind], when: 'noVote' },
    { ...rereview, roles: ['staff'], when: 'noVotePending' },
    { ...rereview, roles: ['system'] },
  ];
}

/** The facts the evaluation rows need, with the reason given when one does not hold. */
export const itemConditions = {
  satisfied: '本轮满意度测评尚无“满意”结果',
  noVote: '本轮已发起满意度测评',
  noVotePending: '满意度测评尚未结束',
} as const;
export type ItemFact = keyof typeof itemConditions;

export const itemWorkflow = defineWorkflow<SupervisionStage, SupervisionAction, SupervisionParty, SupervisionKind, ItemStep>({
  code: 'SUPERVISION_ITEM',
  stateLabel: supervisionStageLabel,
  actionLabel: supervisionActionLabel,
  partyLabel: supervisionPartyLabel,
  stateWord: '阶段',
  conditions: itemConditions,
  transitions: itemTransitions,
});

/** The plan: drafted, adopted by the chairpersons' meeting, published. */
export const planWorkflow = defineWorkflow<PlanState, PlanAction>({
  code: 'SUPERVISION_PLAN',
  stateLabel: planStateLabel,
  actionLabel: planActionLabel,
  transitions: [
    { from: 'drafted', action: 'adopt', to: 'adopted', roles: ['staff'] },
    { from: 'adopted', action: 'publish', to: 'published', roles: ['staff'] },
  ],
});

export type PointStep = Transition<PointState, PointAction, SupervisionParty, never>;

/**
 * A point of the issue list (seed 004 清单式督办): the organ reports what it did with its evidence, the
 * committee judges it solved (销号) or sends it back; at a re-review every point not solved is carried
 * over to a new point of the next round.
 */
export const pointWorkflow = defineWorkflow<PointState, PointAction, SupervisionParty, never, PointStep>({
  code: 'SUPERVISION_POINT',
  stateLabel: pointStateLabel,
  actionLabel: pointActionLabel,
  partyLabel: supervisionPartyLabel,
  transitions: [
    { from: 'open', action: 'answer', to: 'answered', roles: ['handling_unit'], party: 'organ', needs: [['evidence', '整改情况及佐证']] },
    {
      from: 'answered',
      action: 'answer',
      to: 'answered',
      roles: ['handling_unit'],
      party: 'organ',
      needs: [['evidence', '整改情况及佐证']],
    },
    { from: 'answered', action: 'accept', to: 'solved', roles: ['staff'] },
    { from: 'answered', action: 'sendBack', to: 'open', roles: ['staff'], needs: [['judgement', '认定意见']] },
    { from: 'open', action: 'carryOver', to: 'carried_over', roles: ['system'] },
    { from: 'answered', action: 'carryOver', to: 'carried_over', roles: ['system'] },
  ],
});

/** Points still on the open list. */
export const openPointStates: readonly PointState[] = ['open', 'answered'];
