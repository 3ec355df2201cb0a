import { describe, expect, it } from 'vitest';
import { cycleAction, cycleState, projectAction, projectState, roles } from '@renda/shared';
import { cycleWorkflow, projectWorkflow } from './workflow.js';

const actors: ActingRole[] = [...roles, 'citizen', 'system'];
type ActingRole = (typeof roles)[number] | 'citizen' | 'system';

/** Independent of workflow.ts: the cycle as the seeds describe it, one row per step and who takes it. */
const cycleExpected: Record<string, [string, ActingRole[]]> = {
  'soliciting closeSolicitation': ['screening', ['staff']],
  'screening fixCandidates': ['candidates_fixed', ['staff']],
  'candidates_fixed reopenScreening': ['screening', ['staff']],
  'candidates_fixed openVote': ['voting', ['staff']],
  'voting announce': ['announced', ['system']],
  'announced startImplementation': ['implementing', ['staff']],
  'implementing reportMidYear': ['implementing', ['staff']],
  'implementing openEvaluation': ['evaluating', ['staff']],
  'evaluating finishEvaluation': ['closed', ['system']],
};

describe('livelihood cycle table', () => {
  const cases = cycleState.options.flatMap((s) => cycleAction.options.flatMap((a) => actors.map((r) => [s, a, r] as const)));
  it.each(cases)('%s × %s × %s', (state, action, role) => {
    const want = cycleExpected[`${state} ${action}`];
    expect(cycleWorkflow.find(state, action, { role })?.to).toBe(want && want[1].includes(role) ? want[0] : undefined);
  });
  it('refuses a vote before the candidates are fixed, in Chinese', () => {
    expect(() => cycleWorkflow.require('screening', 'openVote', { role: 'staff' })).toThrow(
      expect.objectContaining({
        code: 'LIVELIHOOD_CYCLE_ACTION_NOT_ALLOWED',
        status: 409,
        message: '当前阶段（筛选候选项目）不能执行“提交代表票决”',
      }),
    );
    // Announcing is the system's step when the vote closes: to a person it is one this stage does not allow.
    expect(() => cycleWorkflow.require('voting', 'announce', { role: 'staff' })).toThrow(
      expect.objectContaining({ code: 'LIVELIHOOD_CYCLE_ACTION_NOT_ALLOWED', status: 409 }),
    );
  });
});

const projectExpected: Record<string, [string, ActingRole[], 'responsible'?]> = {
  'candidate choose': ['chosen', ['system']],
  'candidate drop': ['not_chosen', ['system']],
  'chosen reportCompletion': ['completed', ['handling_unit', 'staff'], 'responsible'],
  'chosen pass': ['satisfied', ['system']],
  'chosen rectify': ['rectifying', ['system']],
  'completed pass': ['satisfied', ['system']],
  'completed rectify': ['rectifying', ['system']],
  'rectifying reportRectified': ['completed', ['handling_unit', 'staff'], 'responsible'],
};

describe('livelihood project table', () => {
  const parties = [null, 'responsible'] as const;
  const cases = projectState.options.flatMap((s) =>
    projectAction.options.flatMap((a) => actors.flatMap((r) => parties.map((p) => [s, a, r, p] as const))),
  );
  it.each(cases)('%s × %s × %s (%s)', (state, action, role, party) => {
    const want = projectExpected[`${state} ${action}`];
    // A unit acts only on a project it is responsible for; staff and the system act for the office.
    const allowed = want && want[1].includes(role) && (role !== 'handling_unit' || party === want[2]);
    expect(projectWorkflow.find(state, action, { role, party })?.to).toBe(allowed ? want[0] : undefined);
  });
  it("refuses another unit's project with 403", () => {
    expect(() => projectWorkflow.require('chosen', 'reportCompletion', { role: 'handling_unit', party: null })).toThrow(
      expect.objectContaining({ code: 'LIVELIHOOD_PROJECT_ACTION_FORBIDDEN', status: 403 }),
    );
  });
});
