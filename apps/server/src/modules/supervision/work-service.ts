import {
  participationStages,
  supervisionStageLabel,
  type AnswerInput,
  type OwnVisitInput,
  type ParticipationInput,
  type AskerKind,
  type GatheredOpinionInput,
  type PointInput,
  type QuestionInput,
  type StageDueInput,
  type SupervisionKind,
  type SupervisionStage,
} from '@renda/shared';
import type { Db, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { refuseFutureDate } from '../../platform/deadlines.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { getDeputyByUser, recordDuty } from '../deputies/index.js';
import { getItem, requireItem } from './item-service.js';
import { addPoints } from './point-service.js';
import * as repo from './repository.js';

/**
 * The work inside a stage (its tasks are follow-up tasks on the platform's component): deputies' participation, the inquiry's
 * questions and answers, the points of the list. Staff only, on an item not closed; each in one
 * transaction with its audit entry, returning the item as the page shows it.
 */
async function onItem<T>(db: Db, ctx: ActorContext, itemId: string, work: (tx: Tx, row: repo.ItemWithNames) => Promise<T>) {
  return db.transaction(async (tx) => {
    const row = await requireItem(tx, ctx, itemId, true);
    if (ctx.actor.role !== 'staff') throw forbidden();
    if (row.item.stage === 'closed') throw new DomainError('SUPERVISION_ITEM_CLOSED', '事项已办结');
    await work(tx, row);
    return getItem(tx, ctx, itemId);
  });
}

const audit = (tx: Tx, ctx: ActorContext, row: repo.ItemWithNames, action: string, after: unknown) =>
  recordAudit(tx, ctx, { entity: 'supervision_item', entityId: row.item.id, bodyId: row.item.bodyId, action, after });

/**
 * 代表参与: deputies who took part in the item's current stage (out on a visit, or at its meeting), recorded
 * once and counted in their duty log under the stage's duty kind (`participationStages`).
 */
export const recordParticipation = (db: Db, ctx: ActorContext, itemId: string, input: ParticipationInput) =>
  onItem(db, ctx, itemId, (tx, row) => participate(tx, ctx, row, input));

/**
 * A deputy records their own field visit (实地检查、调研) on an item they take part in, from the phone: the same
 * record as staff's, for themselves alone. A meeting's attendance is staff's to record, from its sign-in.
 */
export const recordOwnVisit = (db: Db, ctx: ActorContext, itemId: string, input: OwnVisitInput) =>
  db.transaction(async (tx) => {
    const row = await requireItem(tx, ctx, itemId, true);
    const self = ctx.actor.role === 'deputy' ? await getDeputyByUser(tx, ctx.actor.id) : undefined;
    if (!self) throw forbidden();
    const stage = row.item.stage as SupervisionStage;
    if (participationStages[stage]?.way !== 'visit')
      throw new DomainError('SUPERVISION_OWN_VISIT_NOT_NOW', `当前阶段（${supervisionStageLabel[stage]}）不登记实地检查或调研`);
    await participate(tx, ctx, row, { ...input, deputyIds: [self.deputy.id] });
    return getItem(tx, ctx, itemId);
  });

/** Records deputies' participation in the item's current stage, with its duty record, event and audit entry. */
async function participate(tx: Tx, ctx: ActorContext, row: repo.ItemWithNames, input: ParticipationInput) {
  const itemId = row.item.id;
  const stage = row.item.stage as SupervisionStage;
  const kind = participationStages[stage]?.dutyKind;
  if (!kind) throw new DomainError('SUPERVISION_VISIT_NOT_NOW', `当前阶段（${supervisionStageLabel[stage]}）不登记代表参与`);
  refuseFutureDate(input.visitedOn, {
    code: 'SUPERVISION_VISIT_FUTURE',
    message: '日期不能晚于今天',
    path: 'visitedOn',
    fieldMessage: '日期不能晚于今天',
  });
  const deputyIds = [...new Set(input.deputyIds)];
  const found = await repo.deputiesOfBody(tx, row.item.bodyId, deputyIds);
  if (found.length !== deputyIds.length) throw new DomainError('SUPERVISION_DEPUTY_NOT_OF_BODY', '只能登记本级人大代表');
  // The participation counts in each deputy's duty log, seven ones and performance file without being typed again.
  const dutyRecordId = await recordDuty(
    tx,
    {
      bodyId: row.item.bodyId,
      kind,
      occurredOn: input.visitedOn,
      place: input.place,
      title: `${supervisionStageLabel[stage]}：${row.item.subject}`,
      description: input.summary,
      votersReceived: 0,
      source: 'supervision',
      recordedBy: ctx.actor.id,
    },
    deputyIds,
  );
  const participation = await repo.insertParticipation(tx, { itemId, stage, ...input, deputyIds, dutyRecordId, createdAt: clock.now() });
  await repo.insertEvent(tx, {
    itemId,
    at: clock.now(),
    action: 'recordVisit',
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    note: `${supervisionStageLabel[stage]} ${input.visitedOn} ${input.place}（${found.map((d) => d.name).join('、')}）`,
  });
  await audit(tx, ctx, row, 'recordVisit', { visitId: participation.id, stage, dutyRecordId, ...input });
}

/**
 * What an item collects from members, deputies, the public and organisations, by the kind and stages that
 * collect it (seed 000): 专题询问's questions (确定询问问题, up to the inquiry itself) and 工作评议's opinions
 * gathered in its investigation (调查).
 */
const collecting = {
  question: {
    kind: 'special_inquiry',
    stages: ['questions', 'coordination', 'inquiry'],
    code: 'SUPERVISION_QUESTIONS_NOT_NOW',
    refusal: '只有专题询问在确定询问问题至询问阶段可以登记问题',
    action: 'addQuestion',
  },
  opinion: {
    kind: 'work_evaluation',
    stages: ['investigation'],
    code: 'SUPERVISION_OPINIONS_NOT_NOW',
    refusal: '只有工作评议在调查阶段可以登记评议调查意见',
    action: 'gatherOpinion',
  },
} as const satisfies Record<
  string,
  { kind: SupervisionKind; stages: readonly SupervisionStage[]; code: string; refusal: string; action: string }
>;

interface Collected {
  text: string;
  askerKind: AskerKind;
  askerName: string;
  gatheredOn: string | null;
}

const collect = (db: Db, ctx: ActorContext, itemId: string, what: keyof typeof collecting, input: Collected, audited: object) =>
  onItem(db, ctx, itemId, async (tx, row) => {
    const rule = collecting[what];
    if (row.item.kind !== rule.kind || !(rule.stages as readonly string[]).includes(row.item.stage))
      throw new DomainError(rule.code, rule.refusal);
    const { text, ...from } = input;
    const q = await repo.insertCollected(tx, { itemId, kind: what, question: text, ...from, createdAt: clock.now() });
    await audit(tx, ctx, row, rule.action, { id: q.id, ...audited });
  });

/** Seed 000 确定询问问题: questions collected from members, deputies and the public before the inquiry. */
export const addQuestion = (db: Db, ctx: ActorContext, itemId: string, input: QuestionInput) =>
  collect(
    db,
    ctx,
    itemId,
    'question',
    { text: input.question, askerKind: input.askerKind, askerName: input.askerName, gatheredOn: null },
    input,
  );

/** Seed 000 工作评议's 调查: an opinion gathered from a deputy, a member, a citizen or an organisation (评议调查意见). */
export const gatherOpinion = (db: Db, ctx: ActorContext, itemId: string, input: GatheredOpinionInput) => {
  refuseFutureDate(input.gatheredOn, {
    code: 'SUPERVISION_OPINION_FUTURE',
    message: '收集日期不能晚于今天',
    path: 'gatheredOn',
    fieldMessage: '收集日期不能晚于今天',
  });
  const { content, ...from } = input;
  return collect(db, ctx, itemId, 'opinion', { text: content, ...from }, input);
};

/**
 * Staff set or change the due date of the stage the item is in (or clear it), with the reason, which the
 * item's history and the audit trail keep; a date so set is not recounted by a calendar change.
 */
export const setStageDue = (db: Db, ctx: ActorContext, itemId: string, input: StageDueInput) =>
  onItem(db, ctx, itemId, async (tx, row) => {
    const stage = row.item.stage as SupervisionStage;
    const before = row.item.stageDueOn;
    await repo.updateItem(tx, itemId, { stageDueOn: input.dueOn, stageDueReason: input.reason });
    await repo.insertEvent(tx, {
      itemId,
      at: clock.now(),
      action: 'setStageDue',
      fromStatus: stage,
      toStatus: stage,
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      note: `${supervisionStageLabel[stage]}阶段期限由 ${before ?? '无'} 调整为 ${input.dueOn ?? '无'}（${input.reason}）`,
    });
    await recordAudit(tx, ctx, {
      entity: 'supervision_item',
      entityId: itemId,
      bodyId: row.item.bodyId,
      action: 'setStageDue',
      before: { stage, dueOn: before, reason: row.item.stageDueReason },
      after: { stage, ...input },
    });
  });

/** The inquiry record: who answered and what; a commitment becomes a point of the list. */
export const answerQuestion = (db: Db, notifier: Notifier, ctx: ActorContext, itemId: string, questionId: string, input: AnswerInput) =>
  onItem(db, ctx, itemId, async (tx, row) => {
    if (row.item.stage !== 'inquiry') throw new DomainError('SUPERVISION_INQUIRY_NOT_NOW', '只能在专题询问阶段记录答复');
    const q = await repo.answerQuestion(tx, itemId, questionId, {
      officialName: input.officialName,
      answer: input.answer,
      answeredAt: clock.now(),
    });
    if (!q) throw notFound('询问问题', { questionId });
    if (input.commitment)
      await addPoints(tx, notifier, ctx, row.item, row.bodyPath, [
        { source: 'commitment', content: input.commitment, organUnitId: null, dueOn: input.commitmentDueOn },
      ]);
    await audit(tx, ctx, row, 'answerQuestion', { questionId, ...input });
  });

export const addItemPoints = (db: Db, notifier: Notifier, ctx: ActorContext, itemId: string, inputs: PointInput[]) =>
  onItem(db, ctx, itemId, async (tx, row) => {
    await addPoints(tx, notifier, ctx, row.item, row.bodyPath, inputs);
  });
