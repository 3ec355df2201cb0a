import {
  participationStages,
  stageDeadlineOf,
  stageDeadlineText,
  supervisionStageLabel,
  supervisionStages,
  type ItemQuery,
  type MyParticipation,
  type OpenVoteInput,
  type SupervisionAction,
  type SupervisionActionInputs,
  type SupervisionItem,
  type SupervisionKind,
  type SupervisionStage,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { present as presentAttachment } from '../../platform/attachments.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { chinaDate, dueDate } from '../../platform/deadlines.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { applyAction, type Machine, type StepArgs, type StepResult } from '../../platform/workflow.js';
import type { FollowUpSubjectSource } from '../followups/index.js';
import { createSatisfactionVote, evaluationFacts, presentEvaluation } from './evaluation.js';
import { carryOverPoint } from './point-service.js';
import {
  presentEvent,
  presentGatheredOpinion,
  presentItemSummary,
  presentParticipation,
  presentPoint,
  presentQuestion,
} from './presenters.js';
import * as repo from './repository.js';
import { pointDeadline, stageDueDate, stageOverdue, taskDeadline } from './rules.js';
import { itemWorkflow, type ItemStep } from './workflow.js';

const ids = (people: { id: string }[]) => people.map((p) => p.id);

/** The item as the actor may see it (a system context, a vote's closing, reaches any item). */
export async function requireItem(db: Executor, ctx: RequestContext, id: string, forUpdate = false) {
  const row = await repo.getItem(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('监督事项', { id });
  return row;
}

/**
 * The owner of an item's documents (attachments): the item, as the actor may see it. A document is filed
 * under a stage of the item's kind: the current one, or another that staff choose (the organ and
 * deputies file only under the stage the item is in).
 */
export async function itemOwner(db: Executor, ctx: ActorContext, id: string, stage?: string) {
  const row = await repo.getItem(db, ctx.actor, id);
  if (!row) return null;
  const current = row.item.stage;
  const stages: readonly string[] = supervisionStages[row.item.kind as SupervisionKind];
  if (stage !== undefined && !stages.includes(stage))
    throw new DomainError('SUPERVISION_STAGE_UNKNOWN', '所选阶段不是本事项的阶段', { stage });
  if (stage !== undefined && stage !== current && ctx.actor.role !== 'staff') throw forbidden('只有工作人员可以将材料归入其他阶段');
  return { bodyId: row.item.bodyId, stage: stage ?? current };
}

/** The actor's part (the organ under supervision, or none) and what the evaluation rows need to know. */
const standingOf = async (db: Executor, ctx: RequestContext, item: repo.ItemRow) => ({
  role: ctx.actor?.role ?? ('citizen' as const),
  kind: item.kind as SupervisionKind,
  party: ctx.actor?.role === 'handling_unit' && ctx.actor.handlingUnitId === item.organUnitId ? ('organ' as const) : null,
  facts: await evaluationFacts(db, item),
});

export async function getItem(db: Executor, ctx: ActorContext, id: string): Promise<SupervisionItem> {
  const row = await requireItem(db, ctx, id);
  const i = row.item;
  const kind = i.kind as SupervisionKind;
  const stage = i.stage as SupervisionStage;
  const today = chinaDate(clock.now());
  // One after another: inside a transaction the queries share one connection.
  const deputies = await repo.itemDeputies(db, id);
  const reports = await repo.reportsOf(db, id);
  const participations = await repo.participationsOf(db, id);
  const names = new Map((await repo.deputyNames(db, [...new Set(participations.flatMap((v) => v.deputyIds))])).map((d) => [d.id, d.name]));
  const questions = await repo.collectedOf(db, id, 'question');
  const gathered = await repo.collectedOf(db, id, 'opinion');
  const points = await repo.pointsOfItem(db, ctx.actor, id);
  const events = await repo.eventsOf(db, id);
  const evaluations = await repo.evaluationsOf(db, id);
  const hearings = await repo.hearingsOf(db, i);
  const documents = (await repo.documentsOf(db, id)).map(presentAttachment);
  const stages: readonly SupervisionStage[] = supervisionStages[kind];
  const at = stages.indexOf(stage);
  const due = await stageDues(db, row, stages, at);
  return {
    ...presentItemSummary(row),
    planState: row.planState as SupervisionItem['planState'],
    stages: stages.map((s, n) => ({
      stage: s,
      label: supervisionStageLabel[s],
      done: n < at || stage === 'closed',
      current: s === stage,
      documents: documents.filter((d) => d.stage === s),
      participations: participations
        .filter((v) => v.stage === s)
        .map((v) => ({ ...presentParticipation(v), deputies: v.deputyIds.map((d) => ({ id: d, name: names.get(d) ?? '—' })) })),
      ...due[n]!,
      overdue: s === stage && stageOverdue(i.stageDueOn, stage, today),
    })),
    stageDueReason: i.stageDueReason,
    otherDocuments: documents.filter((d) => !stages.includes(d.stage as SupervisionStage)),
    deputies,
    hearings,
    reports: reports.map((r) => ({
      id: r.id,
      stage: r.stage as SupervisionStage,
      stageLabel: supervisionStageLabel[r.stage as SupervisionStage],
      title: r.title,
      content: r.content,
      period: r.period,
      submittedByName: r.submittedByName,
      submittedAt: r.submittedAt.toISOString(),
    })),
    questions: questions.map(presentQuestion),
    gatheredOpinions: gathered.map(presentGatheredOpinion),
    points: points.map((p) => presentPoint(p, ctx.actor, today)),
    events: events.map(presentEvent),
    evaluations: evaluations.map(presentEvaluation),
    allowedActions: itemWorkflow.allowedActions(stage, await standingOf(db, ctx, i)),
    canManage: ctx.actor.role === 'staff' && stage !== 'closed',
    canRecordOwnVisit: ctx.actor.role === 'deputy' && participationStages[stage]?.way === 'visit',
  };
}

/**
 * Each stage's due date and rule, under the body's rules in force: the current stage's as stored, a later
 * stage's when its rule counts back from the meeting date (a date the item already has); an earlier stage's
 * is not kept.
 */
async function stageDues(db: Executor, row: repo.ItemWithNames, stages: readonly SupervisionStage[], at: number) {
  const i = row.item;
  const out: { dueOn: string | null; dueRule: string | null }[] = [];
  for (const [n, s] of stages.entries()) {
    const rule = stageDeadlineOf(i.kind as SupervisionKind, s);
    const inForce = rule && { ...rule, ...(await ruleInForce(db, row.bodyPath, rule.key)) };
    const dueOn =
      n === at
        ? i.stageDueOn
        : n > at && rule?.from === 'meeting'
          ? await stageDueDate(db, row.bodyPath, rule, clock.now(), i.meetingOn)
          : null;
    out.push({ dueOn, dueRule: inForce && stageDeadlineText(inForce) });
  }
  return out;
}

/** The due date of the stage an item enters (the body's rule in force; none for a stage without one), for the item's patch. */
export async function enteringStage(db: Executor, bodyPath: string, item: repo.ItemRow, to: SupervisionStage, now: Date) {
  const stageDueOn = await stageDueDate(db, bodyPath, stageDeadlineOf(item.kind as SupervisionKind, to), now, item.meetingOn);
  return { stageStartedAt: now, stageDueOn, stageDueReason: null };
}

/**
 * An item's tasks (落实任务 on the platform's component): whoever sees the item sees them; staff set them while
 * the item is open, each recording the stage it was set in.
 */
export const itemFollowUps: FollowUpSubjectSource = {
  deadlineRule: taskDeadline.key,
  async describe(db, id) {
    const row = await repo.itemForSystem(db, id);
    return row && { bodyId: row.item.bodyId, title: row.item.subject, link: `/supervision/items/${id}` };
  },
  async access(db, ctx, id) {
    const row = await repo.getItem(db, ctx.actor, id);
    if (!row) return null;
    const closed = row.item.stage === 'closed';
    return { manage: ctx.actor.role === 'staff', addRefusal: closed ? '事项已办结' : null, origin: row.item.stage };
  },
};

const today = () => chinaDate(clock.now());

export async function listItems(db: Executor, ctx: ActorContext, q: ItemQuery) {
  const { rows, total } = await repo.pageItems(db, ctx.actor, { ...q, today: today() });
  return pageResult(rows.map(presentItemSummary), total, q);
}

/** The whole filtered list in the same scope (an organ its own items, a deputy those they take part in), for the Excel export. */
export async function allItems(db: Executor, ctx: ActorContext, q: ItemQuery) {
  const { rows } = await repo.pageItems(db, ctx.actor, { ...q, today: today() }, EXPORT_LIMIT);
  return rows.map(presentItemSummary);
}

/** 我参与的监督: a deputy's own items (invited, or recorded in a stage) with the stages they took part in. */
export async function myItems(db: Executor, ctx: ActorContext): Promise<MyParticipation[]> {
  if (ctx.actor.role !== 'deputy') throw forbidden();
  const rows = await repo.itemsOfDeputy(db, ctx.actor);
  return rows.map((r) => ({
    ...presentItemSummary(r),
    invited: r.invited,
    myParticipations: r.myParticipations.map(presentParticipation),
  }));
}

type Input = SupervisionActionInputs[SupervisionAction];
type Args = StepArgs<repo.ItemRow, ItemStep, Input, RequestContext>;
type Result = StepResult<repo.ItemRow, SupervisionAction, Input>;

/** Checks before leaving a stage: the plan adopted before work starts, the list written before it is followed, the list clear before closing. */
async function checkAdvance(a: Args, to: SupervisionStage) {
  const item = a.item;
  if (item.stage === 'planned') {
    const plan = await repo.getPlan(a.tx, a.ctx.actor!, item.planId);
    if (!plan || plan.plan.state === 'drafted')
      throw new DomainError('SUPERVISION_PLAN_NOT_ADOPTED', '年度监督工作计划尚未通过，事项不能开始办理');
  }
  if (item.stage === 'opinions' && !(await repo.openPointsOf(a.tx, item.id)).length)
    throw new DomainError('SUPERVISION_NO_POINTS', '请先将审议意见（检查发现问题）逐条列入督办清单');
  if (item.stage === 'inquiry') {
    const open = (await repo.collectedOf(a.tx, item.id, 'question')).filter((q) => !q.answer);
    if (open.length) throw new DomainError('SUPERVISION_QUESTIONS_UNANSWERED', `尚有 ${open.length} 个询问问题未记录答复`);
  }
  if (to === 'closed') {
    const open = await repo.openPointsOf(a.tx, item.id);
    if (open.length)
      throw new DomainError('SUPERVISION_POINTS_OPEN', `督办清单尚有 ${open.length} 个问题未销号，不能办结（未解决的可启动再审）`);
  }
}

const effects: Partial<Record<SupervisionAction, (a: Args) => Promise<Result>>> = {
  async advance(a) {
    await checkAdvance(a, a.step.to);
    const { note } = a.input as SupervisionActionInputs['advance'];
    const patch = await enteringStage(a.tx, await bodyPath(a.tx, a), a.item, a.step.to, a.now);
    return { patch, note, detail: { ...(note ? { note } : {}), stageDueOn: patch.stageDueOn } };
  },
  async submitReport(a) {
    const input = a.input as SupervisionActionInputs['submitReport'];
    if (a.item.kind === 'major_project' && !input.period)
      throw new DomainError('SUPERVISION_FIELDS_MISSING', '请填写季度', { fields: [{ path: 'period', message: '请填写季度' }] });
    const actor = a.ctx.actor!; // the organ or staff: the table admits no system report
    await repo.insertReport(a.tx, {
      itemId: a.item.id,
      stage: a.item.stage,
      title: input.title,
      content: input.content,
      period: input.period,
      submittedBy: actor.id,
      submittedByName: actor.handlingUnitName ?? actor.displayName,
      submittedAt: a.now,
    });
    return {
      note: input.title,
      detail: { title: input.title, period: input.period },
      notices: [
        {
          userIds: ids(await staffOfBody(a.tx, a.item.bodyId)),
          title: '被监督单位报送了报告',
          body: `《${a.item.subject}》：${input.title}`,
        },
      ],
    };
  },
  /** 满意度测评: the round's secret vote on the vote component; its closing records the result (vote-outcome.ts). */
  async openSatisfactionVote(a) {
    const input = a.input as OpenVoteInput;
    const voteId = await createSatisfactionVote(a.tx, a.ctx, a.item, (await requireItem(a.tx, a.ctx, a.item.id)).organName, input);
    return { detail: { voteId, ...input }, note: `第${a.item.round}轮满意度测评` };
  },
  /** Seed 001 再审: every point not solved goes to a new round with a new deadline, linked to the old. */
  async rereview(a) {
    const { reason } = a.input as SupervisionActionInputs['rereview'];
    const round = a.item.round + 1;
    const open = await repo.openPointsOf(a.tx, a.item.id);
    const path = await bodyPath(a.tx, a);
    const rule = await ruleInForce(a.tx, path, pointDeadline.key);
    const seqs = await repo.takePointSeqs(a.tx, a.item.id, open.length);
    for (const p of open) await carryOverPoint(a.tx, a.notifier, a.ctx, p.id);
    await repo.insertPoints(
      a.tx,
      open.map((p, n) => ({
        itemId: p.itemId,
        bodyId: p.bodyId,
        seq: seqs[n]!,
        round,
        source: p.source,
        content: p.content,
        organUnitId: p.organUnitId,
        dueOn: dueDate(a.now, rule),
        state: 'open',
        previousPointId: p.id,
        createdAt: a.now,
      })),
    );
    return {
      patch: { round, ...(await enteringStage(a.tx, path, a.item, a.step.to, a.now)) },
      note: reason,
      detail: { reason, round, reopened: open.length },
      notices: [
        {
          userIds: ids(await usersOfUnit(a.tx, a.item.organUnitId)),
          title: '监督事项启动再审',
          body: `《${a.item.subject}》启动再审，${open.length} 个未解决问题重新交办：${reason}`,
        },
      ],
    };
  },
};

async function bodyPath(tx: Executor, a: Args) {
  return (await requireItem(tx, a.ctx, a.item.id)).bodyPath;
}

export const itemMachine: Machine<
  repo.ItemRow,
  SupervisionStage,
  SupervisionAction,
  'organ',
  SupervisionKind,
  ItemStep,
  Input,
  RequestContext
> = {
  workflow: itemWorkflow,
  entity: 'supervision_item',
  load: async (tx, ctx, id) => (await requireItem(tx, ctx, id, true)).item,
  stateOf: (i) => i.stage as SupervisionStage,
  kindOf: (i) => i.kind as SupervisionKind,
  bodyOf: (i) => i.bodyId,
  standing: (tx, ctx, item) => standingOf(tx, ctx, item),
  effects,
  save: (tx, item, to, patch) => repo.updateItem(tx, item.id, { ...patch, stage: to }),
  recordStep: (tx, ctx, s) =>
    repo.insertEvent(tx, {
      itemId: s.item.id,
      at: s.now,
      action: s.action,
      fromStatus: s.from,
      toStatus: s.to,
      actorId: ctx.actor?.id ?? null,
      actorName: s.by === 'system' || !ctx.actor ? '系统' : ctx.actor.displayName,
      note: s.note,
    }),
  link: (i) => `/supervision/items/${i.id}`,
};

export const itemAct = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: SupervisionAction, input: Input) =>
  db.transaction(async (tx) => {
    await applyAction(tx, notifier, itemMachine, ctx, id, action, input);
    return getItem(tx, ctx, id);
  });

/**
 * The re-review a failed satisfaction vote triggers (满意度测评不满意 → 再审): taken by the system under
 * the item's table, in the caller's transaction (the vote's closing).
 */
export async function rereviewAfterVote(
  tx: Parameters<typeof applyAction>[0],
  notifier: Notifier,
  ctx: RequestContext,
  itemId: string,
  reason: string,
) {
  await applyAction(tx, notifier, itemMachine, ctx, itemId, 'rereview', { reason }, 'system');
}
