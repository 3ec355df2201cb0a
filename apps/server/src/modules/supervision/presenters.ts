import {
  askerKindLabel,
  planStateLabel,
  pointSourceLabel,
  pointStateLabel,
  supervisionKindLabel,
  supervisionStageLabel,
  supervisionItemEventLabel,
  type AskerKind,
  type GatheredOpinion,
  type PlanState,
  type PointSource,
  type PointState,
  type SupervisionItemSummary,
  type SupervisionKind,
  type SupervisionPoint,
  type SupervisionStage,
} from '@renda/shared';
import { clock } from '../../platform/clock.js';
import type { Actor } from '../../platform/context.js';
import { chinaDate } from '../../platform/deadlines.js';
import type * as repo from './repository.js';
import type { supervisionQuestions } from './tables.js';
import { pointNumber, stageOverdue } from './rules.js';
import { pointWorkflow } from './workflow.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentItemSummary(r: repo.ItemWithNames): SupervisionItemSummary {
  const i = r.item;
  const kind = i.kind as SupervisionKind;
  const stage = i.stage as SupervisionStage;
  return {
    id: i.id,
    planId: i.planId,
    year: i.year,
    bodyId: i.bodyId,
    bodyName: r.bodyName,
    kind,
    kindLabel: supervisionKindLabel[kind],
    subject: i.subject,
    committee: i.committee,
    organUnitId: i.organUnitId,
    organName: r.organName,
    meeting: i.meeting,
    meetingOn: i.meetingOn,
    stage,
    stageLabel: supervisionStageLabel[stage],
    round: i.round,
    stageDueOn: i.stageDueOn,
    stageOverdue: stageOverdue(i.stageDueOn, stage, chinaDate(clock.now())),
    deputyIds: r.deputyIds,
    openPoints: r.openPoints,
    overduePoints: r.overduePoints,
  };
}

/** The actor's part in a point: the organ answers its own points only. */
export const pointStanding = (actor: Actor, organUnitId: string) => ({
  role: actor.role,
  party: actor.role === 'handling_unit' && actor.handlingUnitId === organUnitId ? ('organ' as const) : null,
});

export function presentPoint(r: repo.PointWithNames, actor: Actor, today: string): SupervisionPoint {
  const p = r.point;
  const state = p.state as PointState;
  const source = p.source as PointSource;
  return {
    id: p.id,
    itemId: p.itemId,
    itemSubject: r.itemSubject,
    itemKindLabel: supervisionKindLabel[r.itemKind as SupervisionKind],
    number: pointNumber(p.seq, p.round),
    round: p.round,
    source,
    sourceLabel: pointSourceLabel[source],
    content: p.content,
    organUnitId: p.organUnitId,
    organName: r.organName,
    dueOn: p.dueOn,
    overdue: state === 'open' && p.dueOn < today,
    state,
    stateLabel: pointStateLabel[state],
    evidence: p.evidence,
    answeredAt: iso(p.answeredAt),
    judgement: p.judgement,
    judgedAt: iso(p.judgedAt),
    previousPointId: p.previousPointId,
    previousNumber: r.previousSeq === null ? null : pointNumber(r.previousSeq, p.round - 1),
    allowedActions: pointWorkflow.allowedActions(state, pointStanding(actor, p.organUnitId)).filter((a) => a !== 'carryOver'),
  };
}

/** One participation (代表参与) without its deputies' names: the stage it was recorded in, when and where. */
export const presentParticipation = (v: { id: string; stage: string; visitedOn: string; place: string; summary: string | null }) => {
  const stage = v.stage as SupervisionStage;
  return { id: v.id, stage, stageLabel: supervisionStageLabel[stage], visitedOn: v.visitedOn, place: v.place, summary: v.summary };
};

type Collected = typeof supervisionQuestions.$inferSelect;

/** Who a collected input came from. */
const asker = (q: Collected) => ({
  askerKind: q.askerKind as AskerKind,
  askerKindLabel: askerKindLabel[q.askerKind as AskerKind],
  askerName: q.askerName,
});

export const presentQuestion = (q: Collected) => ({
  id: q.id,
  seq: q.seq,
  question: q.question,
  ...asker(q),
  officialName: q.officialName,
  answer: q.answer,
  answeredAt: iso(q.answeredAt),
});

export const presentGatheredOpinion = (q: Collected): GatheredOpinion => ({
  id: q.id,
  seq: q.seq,
  content: q.question,
  ...asker(q),
  gatheredOn: q.gatheredOn,
});

export const presentEvent = (e: {
  at: Date;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  note: string | null;
}) => ({
  at: e.at.toISOString(),
  action: e.action,
  actionLabel: supervisionItemEventLabel[e.action] ?? e.action,
  fromStage: e.fromStatus ? (supervisionStageLabel[e.fromStatus as SupervisionStage] ?? e.fromStatus) : null,
  toStage: e.toStatus ? (supervisionStageLabel[e.toStatus as SupervisionStage] ?? e.toStatus) : null,
  actorName: e.actorName,
  note: e.note,
});

export const planLabel = (s: string) => planStateLabel[s as PlanState];
export { iso };
