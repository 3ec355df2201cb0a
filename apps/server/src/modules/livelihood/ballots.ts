import type { VoteSpec } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { createVote } from '../votes/index.js';
import * as repo from './repository.js';
import { settingsFor } from './settings.js';

/**
 * The cycle's two votes on the one vote component: the deputies' vote on the candidate list at the
 * congress session (secret, approve up to the places, counted on ALL deputies of the congress) and the
 * year-end satisfaction vote on each chosen project (一年一测评, secret, counted on the ballots cast).
 */
export async function openCandidateVote(tx: Executor, ctx: ActorContext, c: repo.CycleListRow): Promise<string> {
  const { id } = await createVote(tx, ctx, await candidateVoteSpec(tx, c));
  return id;
}

/** The candidate vote of a cycle (the demo seed stores its past cycles' votes with the same spec). */
export async function candidateVoteSpec(tx: Executor, c: repo.CycleListRow) {
  const settings = await settingsFor(tx, c.cycle.bodyId, c.bodyPath);
  const candidates = await repo.projectsOfCycle(tx, c.cycle.id);
  return {
    bodyId: c.cycle.bodyId,
    title: `${c.bodyName}${c.cycle.year}年度民生实事项目票决`,
    subject: { module: 'livelihood', id: c.cycle.id },
    electorate: { kind: 'congress' },
    ballotKind: 'approve',
    maxChoices: c.cycle.places,
    secret: true,
    items: candidates.map(({ project: p, unitName }) => ({
      key: p.id,
      label: p.name,
      description: `${p.location}；责任单位：${unitName}；预算 ${p.budget} 万元；${p.target}`,
      budget: p.budget,
    })),
    rule: { basis: 'all_members', threshold: settings.voteThreshold, places: c.cycle.places, source: settings.voteSource },
  } satisfies VoteSpec;
}

export async function openEvaluationVote(tx: Executor, ctx: ActorContext, c: repo.CycleListRow): Promise<string> {
  const settings = await settingsFor(tx, c.cycle.bodyId, c.bodyPath);
  const projects = (await repo.projectsOfCycle(tx, c.cycle.id)).filter((p) => ['chosen', 'completed'].includes(p.project.state));
  const { id } = await createVote(tx, ctx, {
    bodyId: c.cycle.bodyId,
    title: `${c.bodyName}${c.cycle.year}年度民生实事项目满意度测评`,
    subject: { module: 'livelihood', id: c.cycle.id },
    electorate: { kind: 'congress' },
    ballotKind: 'satisfaction',
    secret: true,
    items: projects.map(({ project: p, unitName }) => ({
      key: p.id,
      label: p.name,
      description: `责任单位：${unitName}；进度 ${p.progress}%`,
    })),
    rule: { basis: 'cast', threshold: settings.evaluationThreshold, passOn: 'satisfied_or_basic', source: settings.evaluationSource },
  });
  return id;
}
