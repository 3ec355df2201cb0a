import {
  cycleActionLabel,
  cycleStateLabel,
  projectActionLabel,
  projectStateLabel,
  proposalActionLabel,
  proposalStateLabel,
  type CycleAction,
  type CycleState,
  type ProjectAction,
  type ProjectState,
  type ProposalAction,
  type ProposalState,
} from '@renda/shared';
import { defineWorkflow } from '../../platform/workflow.js';

/**
 * The yearly cycle (seed 003: 一件一小组、一季一督查、一年一测评; seed 002: 年中镇人代会听取票决项目实施情况报告).
 * Staff move it by hand up to the vote; the vote's close moves it on (the system's `announce`), and the
 * evaluation vote's close ends it (`finishEvaluation`). A tie at the last place keeps it in `voting` until
 * the run-off closes.
 */
export const cycleWorkflow = defineWorkflow<CycleState, CycleAction>({
  code: 'LIVELIHOOD_CYCLE',
  stateLabel: cycleStateLabel,
  actionLabel: cycleActionLabel,
  stateWord: '阶段',
  transitions: [
    { from: 'soliciting', action: 'closeSolicitation', to: 'screening', roles: ['staff'] },
    { from: 'screening', action: 'fixCandidates', to: 'candidates_fixed', roles: ['staff'] },
    { from: 'candidates_fixed', action: 'reopenScreening', to: 'screening', roles: ['staff'] },
    { from: 'candidates_fixed', action: 'openVote', to: 'voting', roles: ['staff'] },
    { from: 'voting', action: 'announce', to: 'announced', roles: ['system'] },
    { from: 'announced', action: 'startImplementation', to: 'implementing', roles: ['staff'] },
    {
      from: 'implementing',
      action: 'reportMidYear',
      to: 'implementing',
      roles: ['staff'],
      needs: [
        ['report', '报告内容'],
        ['reportedOn', '报告日期'],
      ],
    },
    { from: 'implementing', action: 'openEvaluation', to: 'evaluating', roles: ['staff'] },
    { from: 'evaluating', action: 'finishEvaluation', to: 'closed', roles: ['system'] },
  ],
});

/** 征集: staff adopt a proposal into a candidate, merge duplicates, or decline with a reason, while screening. */
export const proposalWorkflow = defineWorkflow<ProposalState, ProposalAction>({
  code: 'LIVELIHOOD_PROPOSAL',
  stateLabel: proposalStateLabel,
  actionLabel: proposalActionLabel,
  transitions: [
    { from: 'submitted', action: 'adopt', to: 'adopted', roles: ['staff'], needs: [['projectId', '候选项目']] },
    { from: 'submitted', action: 'merge', to: 'merged', roles: ['staff'], needs: [['intoId', '合并到的建议']] },
    { from: 'submitted', action: 'decline', to: 'declined', roles: ['staff'], needs: [['reason', '不予采纳的理由']] },
  ],
});

/**
 * A project: chosen or not by the vote (system), reported complete by its responsible unit (staff may enter
 * the report for it), then passed or sent back for rectification by the year-end evaluation (system).
 */
export const projectWorkflow = defineWorkflow<ProjectState, ProjectAction, 'responsible'>({
  code: 'LIVELIHOOD_PROJECT',
  stateLabel: projectStateLabel,
  actionLabel: projectActionLabel,
  partyLabel: { responsible: '责任单位' },
  transitions: [
    { from: 'candidate', action: 'choose', to: 'chosen', roles: ['system'] },
    { from: 'candidate', action: 'drop', to: 'not_chosen', roles: ['system'] },
    {
      from: 'chosen',
      action: 'reportCompletion',
      to: 'completed',
      roles: ['handling_unit'],
      party: 'responsible',
      needs: [
        ['report', '完成情况报告'],
        ['completedOn', '完成日期'],
      ],
    },
    {
      from: 'chosen',
      action: 'reportCompletion',
      to: 'completed',
      roles: ['staff'],
      needs: [
        ['report', '完成情况报告'],
        ['completedOn', '完成日期'],
      ],
    },
    { from: 'chosen', action: 'pass', to: 'satisfied', roles: ['system'] },
    { from: 'chosen', action: 'rectify', to: 'rectifying', roles: ['system'] },
    { from: 'completed', action: 'pass', to: 'satisfied', roles: ['system'] },
    { from: 'completed', action: 'rectify', to: 'rectifying', roles: ['system'] },
    {
      from: 'rectifying',
      action: 'reportRectified',
      to: 'completed',
      roles: ['handling_unit'],
      party: 'responsible',
      needs: [
        ['report', '整改情况报告'],
        ['completedOn', '完成日期'],
      ],
    },
    {
      from: 'rectifying',
      action: 'reportRectified',
      to: 'completed',
      roles: ['staff'],
      needs: [
        ['report', '整改情况报告'],
        ['completedOn', '完成日期'],
      ],
    },
  ],
});
