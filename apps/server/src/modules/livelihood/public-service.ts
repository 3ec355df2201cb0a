import {
  cycleStateLabel,
  projectStateLabel,
  type CycleState,
  type ProjectState,
  type PublicCycle,
  type PublicCycleSummary,
} from '@renda/shared';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../platform/errors.js';
import * as repo from './repository.js';
import { evaluationRuleText, voteRuleText } from './rules.js';
import { today } from './service.js';
import { settingsFor } from './settings.js';

/** The vote's figures are public once the result is announced; the evaluation's once it is finished. */
const announced: CycleState[] = ['announced', 'implementing', 'evaluating', 'closed'];

/** The public portal (no login): the year's cycles of every body, for the progress board per region. */
export async function publicCycles(db: Db, year = Number(today().slice(0, 4))): Promise<PublicCycleSummary[]> {
  const rows = await repo.findPublicCycles(db, year);
  const summaries: PublicCycleSummary[] = [];
  for (const r of rows) {
    const projects = await repo.projectsOfCycle(db, r.cycle.id);
    const chosen = projects.filter((p) => !['candidate', 'not_chosen'].includes(p.project.state));
    summaries.push({
      id: r.cycle.id,
      bodyName: r.bodyName,
      regionCode: r.regionCode,
      level: r.bodyLevel,
      year: r.cycle.year,
      stateLabel: cycleStateLabel[r.cycle.state as CycleState],
      chosen: chosen.length,
      completed: chosen.filter((p) => ['completed', 'satisfied'].includes(p.project.state)).length,
      averageProgress: chosen.length ? Math.round(chosen.reduce((n, p) => n + p.project.progress, 0) / chosen.length) : 0,
    });
  }
  return summaries;
}

/** One cycle as the public sees it: the candidates, the result with its votes and rule, progress and evaluation. */
export async function publicCycle(db: Db, id: string): Promise<PublicCycle> {
  const r = await repo.findPublicCycle(db, { id });
  if (!r) throw new DomainError('NOT_FOUND', '民生实事票决年度不存在', undefined, 404);
  const state = r.cycle.state as CycleState;
  // Candidates are public from the moment they are fixed; proposals under screening are not.
  const listed = !['soliciting', 'screening'].includes(state);
  const settings = await settingsFor(db, r.cycle.bodyId, r.bodyPath);
  const projects = listed ? await repo.projectsOfCycle(db, r.cycle.id) : [];
  const last = await repo.lastInspections(
    db,
    projects.map((p) => p.project.id),
  );
  const resultOut = announced.includes(state);
  return {
    id: r.cycle.id,
    bodyName: r.bodyName,
    year: r.cycle.year,
    title: `${r.bodyName}${r.cycle.year}年度民生实事项目`,
    state,
    stateLabel: cycleStateLabel[state],
    places: r.cycle.places,
    ruleText: voteRuleText(settings.voteThreshold, r.cycle.places, settings.voteSource),
    evaluationRuleText: evaluationRuleText(settings.evaluationThreshold, settings.evaluationSource),
    electorateSize: resultOut ? r.cycle.electorateSize : null,
    ballotsCast: resultOut ? r.cycle.ballotsCast : null,
    ballotLists: [
      ...(resultOut && r.cycle.voteId ? [{ label: '代表票决', voteId: r.cycle.voteId }] : []),
      ...(resultOut && r.cycle.runoffVoteId ? [{ label: '并列项目再次投票', voteId: r.cycle.runoffVoteId }] : []),
      ...(state === 'closed' && r.cycle.evaluationVoteId ? [{ label: '年终满意度测评', voteId: r.cycle.evaluationVoteId }] : []),
    ],
    projects: projects.map(({ project: p, unitName, regionName }) => ({
      id: p.id,
      name: p.name,
      content: p.content,
      location: p.location,
      regionName,
      budget: p.budget,
      unitName,
      target: p.target,
      dueOn: p.dueOn,
      stateLabel: resultOut ? projectStateLabel[p.state as ProjectState] : '候选项目',
      chosen: resultOut && !['candidate', 'not_chosen'].includes(p.state),
      votes: resultOut ? p.votes : null,
      rank: resultOut ? p.rank : null,
      progress: p.progress,
      lastInspectedOn: last.get(p.id) ?? null,
      satisfaction: state === 'closed' ? p.satisfaction : null,
    })),
  };
}
