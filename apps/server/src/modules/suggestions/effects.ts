import {
  acceptInput,
  assignInput,
  assignmentRoleLabel,
  type AssignmentRole,
  closeInput,
  contactInput,
  extensionDecisionInput,
  extensionRequestInput,
  jointOpinionInput,
  keyCommentInput,
  keyReviewInput,
  keyVoteInput,
  markKeyInput,
  mergeInput,
  rateInput,
  ratingLabel,
  reassignmentDecisionInput,
  reassignmentRequestInput,
  rejectReplyInput,
  releaseInput,
  type Rating,
  type ReplyCategory,
  waiveJointOpinionInput,
  reopenInput,
  replyInput,
  returnInput,
  type SuggestionAction,
  type SuggestionPeriod,
} from '@renda/shared';
import type { z } from 'zod';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { chinaDate, dueAt } from '../../platform/deadlines.js';
import { DomainError } from '../../platform/errors.js';
import { leadersOfBody, staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import type { Effect as EngineEffect, Notice, StepArgs, StepResult } from '../../platform/workflow.js';
import { markEscalated } from '../opinions/index.js';
import { assignmentDeadlines, extendedDue, extendedReplyDue, maxExtensionMonths, suggestionRules } from './deadlines.js';
import { categoryLabel, categoryRefusal } from './categories.js';
import { motionProblem } from './motion-rules.js';
import { numberLabel } from './presenters.js';
import { itemCategory, itemRating, nearestDue, separateItemState } from './separate.js';
import { settingsFor } from './settings.js';
import * as repo from './repository.js';
import type { Transition } from './workflow.js';

export type ActionInput = Record<string, unknown>;
type EffectArgs = StepArgs<repo.SuggestionRow, Transition, ActionInput>;
type EffectResult = StepResult<repo.SuggestionRow, SuggestionAction, ActionInput>;
type Effect = EngineEffect<repo.SuggestionRow, Transition, SuggestionAction, ActionInput>;

/** Inputs are validated by the routes; services called from elsewhere (seed, jobs) get the same check here. */
const parse = <S extends z.ZodType>(schema: S, input: ActionInput): z.infer<S> => schema.parse(input);

// ---- who hears about a step: notices the engine sends once the step is written ----
const toUsers = (userIds: (string | null | undefined)[], title: string, body: string): Notice => ({ userIds, title, body });
const toStaff = async (a: EffectArgs, title: string, body: string) =>
  toUsers(
    (await staffOfBody(a.tx, a.item.bodyId)).map((u) => u.id),
    title,
    body,
  );
async function toUnit(a: EffectArgs, unitId: string, title: string, body: string, sms = false): Promise<Notice> {
  const people = await usersOfUnit(a.tx, unitId);
  return {
    userIds: people.map((u) => u.id),
    title,
    body,
    ...(sms ? { sms: { phones: people.map((p) => p.phone), body: `【人大建议】${body}`, bodyId: a.item.bodyId } } : {}),
  };
}
async function toDeputies(a: EffectArgs, title: string, body: string, withCosigners = false): Promise<Notice> {
  const lead = await repo.getDeputy(a.tx, a.item.leadDeputyId);
  const cosigners = withCosigners ? (await repo.cosignersOf(a.tx, a.item.id)).filter(({ c }) => c.confirmedAt).map((c) => c.userId) : [];
  return toUsers([lead?.userId, ...cosigners], title, body);
}

/**
 * A released reply told to the deputies: 只有领衔代表测评 — the lead deputy is asked to rate it, the
 * confirmed co-signers receive it without a rating request (they cannot rate).
 */
async function replyToDeputies(a: EffectArgs, body: string): Promise<Notice[]> {
  const lead = await repo.getDeputy(a.tx, a.item.leadDeputyId);
  const cosigners = (await repo.cosignersOf(a.tx, a.item.id)).filter(({ c }) => c.confirmedAt).map((c) => c.userId);
  return [
    toUsers([lead?.userId], '建议已答复', `${body}，请进行满意度测评`),
    toUsers(cosigners, '建议已答复', `${body}（由领衔代表进行满意度测评）`),
  ];
}

/** The acting unit's live assignment on this item. */
async function myAssignment(a: EffectArgs) {
  const rows = await repo.assignmentsOf(a.tx, a.item.id);
  const mine = rows.find(({ a: x }) => x.unitId === a.ctx.actor.handlingUnitId && x.state !== 'withdrawn');
  if (!mine) throw new DomainError('NOT_ASSIGNED', '此件未交由本单位办理', undefined, 403);
  return mine.a;
}
async function leadAssignment(a: EffectArgs) {
  const rows = await repo.assignmentsOf(a.tx, a.item.id);
  const lead = rows.find(({ a: x }) => x.role === 'lead' && x.state !== 'withdrawn');
  if (!lead) throw new DomainError('NO_LEAD_UNIT', '此件没有主办单位', undefined, 409);
  return lead.a;
}
async function myDeputyId(a: EffectArgs, among: string[]) {
  const mine = (await repo.deputiesOfUser(a.tx, a.ctx.actor.id)).map((d) => d.id);
  return mine.find((id) => among.includes(id));
}
const title = (a: EffectArgs) => `《${a.item.title}》`;
/** A category as the item's body names it (办理结果分类): “B类（正在解决或列入计划解决）”. */
async function categoryText(a: EffectArgs, code: string) {
  const label = categoryLabel((await settingsFor(a.tx, a.item.bodyId)).replyCategories, code);
  return label ? `${code}类（${label}）` : `${code}类`;
}
const itemDates = (a: EffectArgs) => ({ assignedAt: a.item.assignedAt!, complex: a.item.complex });

async function answerCosign(a: EffectArgs, confirm: boolean): Promise<EffectResult> {
  const cosigners = await repo.cosignersOf(a.tx, a.item.id);
  const deputyId = await myDeputyId(
    a,
    cosigners.map(({ c }) => c.deputyId),
  );
  if (!deputyId) throw new DomainError('NOT_COSIGNER', '您不在此件的联名代表之中', undefined, 403);
  await repo.setCosignerAnswer(
    a.tx,
    a.item.id,
    deputyId,
    confirm ? { confirmedAt: a.now, declinedAt: null } : { confirmedAt: null, declinedAt: a.now },
  );
  const lead = await repo.getDeputy(a.tx, a.item.leadDeputyId);
  const notice = toUsers(
    [lead?.userId],
    confirm ? '联名已确认' : '联名被拒绝',
    `${a.ctx.actor.displayName}${confirm ? '已确认' : '拒绝'}联名${title(a)}`,
  );
  return { detail: { deputyId }, notices: [notice] };
}

async function accept(a: EffectArgs, extra: Partial<repo.SuggestionRow> = {}): Promise<EffectResult> {
  const { disclose } = parse(acceptInput, a.input);
  const series = a.item.sessionId ?? `between:${a.item.year}`;
  const number = await repo.nextNumber(a.tx, a.item.bodyId, series);
  const session = a.item.sessionId ? await repo.getSession(a.tx, a.item.sessionId) : undefined;
  const label = numberLabel({ ...a.item, number }, session?.name ?? null);
  return {
    patch: { acceptedAt: a.now, numberSeries: series, number, disclose, ...extra },
    detail: { number, numberLabel: label },
    notices: [await toDeputies(a, '建议已受理', `${title(a)}已受理，编号${label}`)],
  };
}

/**
 * 并案: the released reply of the item this one was merged into, given to this item as its own reply
 * (same unit, category and text), so its own deputy receives it, rates it and it counts in the rates;
 * the item takes the handling dates of that item (assignment, due date, on time or not).
 */
async function releaseToMerged(a: EffectArgs): Promise<EffectResult> {
  const target = await repo.getForUpdate(a.tx, a.ctx.actor, a.item.mergedIntoId!);
  const replyId = String(a.input.replyId ?? '');
  const source = (await repo.repliesOf(a.tx, a.item.mergedIntoId!)).find(({ r }) => r.id === replyId);
  if (!target || !source?.r.releasedAt) throw new DomainError('NO_REPLY', '没有待发出的答复', undefined, 409);
  const { id: _id, suggestionId: _s, round: _r, releasedAt: _at, releasedBy: _by, rejectedReason: _no, ...text } = source.r;
  const reply = await repo.insertReply(a.tx, {
    ...text,
    suggestionId: a.item.id,
    round: a.item.round,
    releasedAt: a.now,
    releasedBy: a.ctx.actor.id,
  });
  const first = a.item.firstRepliedAt == null;
  const notices = await replyToDeputies(
    a,
    `${title(a)}已与《${target.title}》并案办理，由${source.unitName}答复（${await categoryText(a, reply.category)}）`,
  );
  return {
    patch: {
      leadUnitId: target.leadUnitId,
      assignedAt: a.item.assignedAt ?? target.assignedAt,
      dueAt: target.dueAt,
      releasedAt: a.now,
      replyCategory: reply.category,
      rating: null,
      ...(first ? { firstRepliedAt: target.firstRepliedAt ?? a.now, repliedOnTime: target.repliedOnTime } : {}),
    },
    detail: { replyId: reply.id, fromReplyId: source.r.id, mergedIntoId: target.id },
    notices,
  };
}

/**
 * A merged item's deputy was dissatisfied: the item waits for the next reply of the item it was
 * merged into, which staff decide whether to re-handle (its lead unit answers for both).
 */
async function reopenMerged(a: EffectArgs, reason: string): Promise<EffectResult> {
  const target = await repo.getForUpdate(a.tx, a.ctx.actor, a.item.mergedIntoId!);
  return {
    patch: { round: a.item.round + 1, dueAt: null, lastRemindedAt: null, escalatedAt: null },
    detail: { reason, round: a.item.round + 1, mergedIntoId: a.item.mergedIntoId },
    notices: [
      await toStaff(
        a,
        '并案建议代表不满意',
        `${title(a)}（已并入${target ? `《${target.title}》` : '他件'}办理）：${reason}，请决定是否重新办理`,
      ),
    ],
  };
}

// ---- 分别办理: several units, each answering its own part (separate.ts) ----
const isSeparate = (a: EffectArgs) => a.item.handlingMode === 'separate';

/** The item after a step on one part: the state its parts add up to (a `parts:<state>` row) and the nearest deadline still owed. */
async function partsOutcome(a: EffectArgs) {
  const parts = (await repo.assignmentsOf(a.tx, a.item.id)).filter(({ a: x }) => x.role === 'separate').map(({ a: x }) => x);
  return { outcome: `parts:${separateItemState(parts)}`, dueAt: nearestDue(parts), parts };
}

/** The separate unit's reply the staff member or deputy means (`replyId`), or the oldest one in the given part state. */
async function separateReply(a: EffectArgs, partState: 'replied' | 'released', replyId: string | undefined) {
  const parts = (await repo.assignmentsOf(a.tx, a.item.id)).filter(({ a: x }) => x.role === 'separate' && x.state === partState);
  const replies = (await repo.repliesOf(a.tx, a.item.id)).filter(
    ({ r }) =>
      !r.rejectedReason &&
      (partState === 'replied' ? !r.releasedAt : !!r.releasedAt) &&
      parts.some(({ a: x }) => x.unitId === r.unitId && x.round === r.round),
  );
  const reply = replyId ? replies.find(({ r }) => r.id === replyId) : replies[0];
  if (!reply)
    throw new DomainError(
      'NO_REPLY',
      partState === 'replied' ? '没有待审核的答复' : '没有待测评的答复',
      {
        fields: [{ path: 'replyId', message: '请选择答复' }],
      },
      409,
    );
  const part = parts.find(({ a: x }) => x.unitId === reply.r.unitId)!;
  return { reply, part: part.a, unitName: part.unitName };
}

/** A part goes back to its unit for a second answer (dissatisfaction, or staff reopening), with the re-handling deadline. */
async function reopenPart(a: EffectArgs, part: repo.AssignmentRow, reason: string): Promise<Notice> {
  const round = part.round + 1;
  const d = await assignmentDeadlines(a.tx, await repo.bodyPathOf(a.tx, a.item.bodyId), a.now, {
    complex: a.item.complex,
    round,
    role: 'separate',
  });
  // The new deadline is reminded of and reported anew.
  await repo.updateAssignment(a.tx, part.id, { state: 'signed_for', round, dueAt: d.dueAt, remindedAt: null, overdueReportedAt: null });
  return toUnit(
    a,
    part.unitId,
    '建议重新办理',
    `${title(a)}中贵单位分别办理的部分需重新办理（${reason}），请于${chinaDate(d.dueAt)}前再次答复`,
    true,
  );
}

/** 分别办理 as a whole: released once every part is, with the least solved part's category and the least satisfied part's rating. */
async function separateTotals(a: EffectArgs, parts: repo.AssignmentRow[]): Promise<Partial<repo.SuggestionRow>> {
  const live = parts.filter((x) => x.state !== 'withdrawn');
  const replies = (await repo.repliesOf(a.tx, a.item.id)).filter(({ r }) => r.releasedAt);
  const latest = (unitId: string) => replies.filter(({ r }) => r.unitId === unitId).at(-1)?.r;
  const allReleased = live.every((x) => x.state === 'released' || x.state === 'rated');
  const allRated = live.every((x) => x.state === 'rated');
  const ratings = await repo.ratingsOf(a.tx, a.item.id);
  return {
    releasedAt: allReleased ? (a.item.releasedAt ?? a.now) : null,
    replyCategory: allReleased ? itemCategory(live.map((x) => latest(x.unitId)!.category as ReplyCategory)) : null,
    rating: allRated
      ? itemRating(live.map((x) => ratings.filter((r) => r.replyId === latest(x.unitId)!.id).at(-1)!.rating as Rating))
      : null,
  };
}

/**
 * Whose deadline an extension moves: the lead unit's reply, or (分别办理) the unit's own part, the one
 * asking or, for a decision, the one that asked. Each part has its own extensions, capped like the
 * lead's by the ceiling counted from the item's first assignment (deadlines.ts `extendedReplyDue`).
 */
async function extensionTarget(a: EffectArgs, assignmentId?: string) {
  const all = await repo.extensionsOf(a.tx, a.item.id);
  if (!isSeparate(a)) return { target: await leadAssignment(a), round: a.item.round, extensions: all, what: title(a) };
  let target: repo.AssignmentRow | undefined;
  let unitName = '';
  if (assignmentId) {
    const row = (await repo.assignmentsOf(a.tx, a.item.id)).find(({ a: x }) => x.id === assignmentId);
    target = row?.a;
    unitName = row?.unitName ?? '';
  } else {
    target = await myAssignment(a);
    unitName = a.ctx.actor.handlingUnitName ?? '';
    if (target.state !== 'signed_for')
      throw new DomainError('PART_NOT_OPEN', '本单位办理的部分不在办理中，不能申请延期', { state: target.state }, 409);
  }
  if (!target) throw new DomainError('NO_PENDING_EXTENSION', '没有待审批的延期申请', undefined, 409);
  return {
    target,
    round: target.round,
    extensions: all.filter(({ e }) => e.assignmentId === target.id),
    what: `${title(a)}中${unitName}分别办理的部分`,
  };
}

const separateEffects = {
  async assign(a: EffectArgs, unitIds: string[], complex: boolean, note: string | null): Promise<EffectResult> {
    const units = await repo.unitsByIds(a.tx, a.ctx.actor, unitIds);
    for (const id of unitIds)
      if (!units.find((u) => u.id === id && u.active))
        throw new DomainError(
          'UNIT_NOT_FOUND',
          '承办单位不存在或已停用',
          { fields: [{ path: 'separateUnitIds', message: '请选择在用的承办单位' }], unitId: id },
          400,
        );
    const bodyPath = await repo.bodyPathOf(a.tx, a.item.bodyId);
    const rows = [];
    for (const unitId of unitIds) {
      const d = await assignmentDeadlines(a.tx, bodyPath, a.now, { complex, round: 1, role: 'separate' });
      rows.push({ suggestionId: a.item.id, unitId, role: 'separate', state: 'assigned', round: 1, assignedAt: a.now, note, ...d });
    }
    const created = await repo.insertAssignments(a.tx, rows);
    const notices = [];
    for (const r of created)
      notices.push(
        await toUnit(a, r.unitId, '新交办的代表建议', `${title(a)}已交由贵单位分别办理，请及时签收，并就本单位职责部分答复代表`, true),
      );
    return {
      patch: { assignedAt: a.now, handlingMode: 'separate', leadUnitId: null, dueAt: nearestDue(created), complex },
      detail: { mode: 'separate', separateUnitIds: unitIds },
      notices,
    };
  },

  async reply(a: EffectArgs, input: z.infer<typeof replyInput>): Promise<EffectResult> {
    const mine = await myAssignment(a);
    if (mine.state !== 'signed_for')
      throw new DomainError(
        'PART_NOT_OPEN',
        mine.state === 'assigned' ? '请先签收再答复' : '本单位的答复已提交',
        { state: mine.state },
        409,
      );
    const reply = await repo.insertReply(a.tx, {
      suggestionId: a.item.id,
      unitId: mine.unitId,
      round: mine.round,
      createdBy: a.ctx.actor.id,
      createdAt: a.now,
      ...input,
    });
    // The unit's own rate counts its first answer against its own deadline (a reply sent back by staff and answered again does not reset it).
    const first = mine.round === 1 && mine.repliedOnTime == null;
    await repo.updateAssignment(a.tx, mine.id, { state: 'replied', ...(first ? { repliedOnTime: a.now <= mine.dueAt } : {}) });
    const { outcome, dueAt: due } = await partsOutcome(a);
    // On time only when every unit's first answer came within its own deadline.
    const onTime = mine.round === 1 ? { repliedOnTime: (a.item.repliedOnTime ?? true) && a.now <= mine.dueAt } : {};
    return {
      patch: { firstRepliedAt: a.item.firstRepliedAt ?? a.now, dueAt: due, ...onTime },
      outcome,
      detail: { replyId: reply.id, category: input.category, assignmentId: mine.id },
      notices: [
        await toStaff(
          a,
          '承办单位已答复',
          `${a.ctx.actor.handlingUnitName ?? '承办单位'}已就${title(a)}分别办理的部分答复（${input.category}类），请审核后发出`,
        ),
      ],
    };
  },

  async release(a: EffectArgs): Promise<EffectResult> {
    const { replyId } = parse(releaseInput, a.input);
    const { reply, part, unitName } = await separateReply(a, 'replied', replyId);
    await repo.updateReply(a.tx, reply.r.id, { releasedAt: a.now, releasedBy: a.ctx.actor.id });
    await repo.updateAssignment(a.tx, part.id, { state: 'released' });
    const { outcome, dueAt: due, parts } = await partsOutcome(a);
    return {
      patch: { dueAt: due, ...(await separateTotals(a, parts)) },
      outcome,
      detail: { replyId: reply.r.id, unitId: part.unitId },
      notices: await replyToDeputies(a, `${title(a)}中由${unitName}分别办理的部分已答复（${await categoryText(a, reply.r.category)}）`),
    };
  },

  async rejectReply(a: EffectArgs, reason: string, replyId: string | undefined): Promise<EffectResult> {
    const { reply, part } = await separateReply(a, 'replied', replyId);
    await repo.updateReply(a.tx, reply.r.id, { rejectedReason: reason });
    await repo.updateAssignment(a.tx, part.id, { state: 'signed_for' });
    const { outcome, dueAt: due } = await partsOutcome(a);
    return {
      patch: { dueAt: due },
      outcome,
      detail: { replyId: reply.r.id, reason },
      notices: [await toUnit(a, part.unitId, '答复被退回', `${title(a)}的答复被退回重办：${reason}`)],
    };
  },

  async rate(a: EffectArgs, input: z.infer<typeof rateInput>): Promise<EffectResult> {
    const { reply, part, unitName } = await separateReply(a, 'released', input.replyId);
    await repo.insertRating(a.tx, {
      suggestionId: a.item.id,
      replyId: reply.r.id,
      deputyId: a.item.leadDeputyId,
      round: part.round,
      rating: input.rating,
      comment: input.comment,
      createdAt: a.now,
    });
    const result = `${title(a)}中${unitName}办理部分的测评结果：${ratingLabel[input.rating]}`;
    const notices = [await toStaff(a, '代表已测评', result), await toUnit(a, part.unitId, '代表已测评', result)];
    // Dissatisfaction sends this unit's part, and only it, back for a second answer.
    if (input.rating === 'dissatisfied')
      notices.push(await reopenPart(a, part, `代表对答复不满意${input.comment ? `：${input.comment}` : ''}`));
    else await repo.updateAssignment(a.tx, part.id, { state: 'rated' });
    const { outcome, dueAt: due, parts } = await partsOutcome(a);
    return {
      patch: { dueAt: due, ...(await separateTotals(a, parts)) },
      outcome,
      detail: { replyId: reply.r.id, unitId: part.unitId, rating: input.rating, comment: input.comment },
      notices,
    };
  },

  /** Staff reopen the whole item: every answered part goes back to its unit. */
  async reopen(a: EffectArgs, reason: string): Promise<EffectResult> {
    const answered = (await repo.assignmentsOf(a.tx, a.item.id)).filter(
      ({ a: x }) => x.role === 'separate' && ['released', 'rated'].includes(x.state),
    );
    const notices = [];
    for (const { a: part } of answered) notices.push(await reopenPart(a, part, reason));
    const { dueAt: due } = await partsOutcome(a);
    return {
      patch: { round: a.item.round + 1, dueAt: due, rating: null, lastRemindedAt: null, escalatedAt: null },
      detail: { reason, round: a.item.round + 1 },
      notices,
    };
  },
};

export const effects: Record<SuggestionAction, Effect> = {
  confirmCosign: (a) => answerCosign(a, true),
  declineCosign: (a) => answerCosign(a, false),

  async submit(a) {
    const cosigners = await repo.cosignersOf(a.tx, a.item.id);
    const pending = cosigners.filter(({ c }) => !c.confirmedAt && !c.declinedAt).map((c) => c.name);
    if (pending.length) throw new DomainError('COSIGNERS_PENDING', `尚有联名代表未确认：${pending.join('、')}`, { pending }, 409);
    if (a.item.kind === 'motion') {
      const signers = 1 + cosigners.filter(({ c }) => c.confirmedAt).length;
      const problem = motionProblem(a.item.period as SuggestionPeriod, signers, await repo.bodyLevelOf(a.tx, a.item.bodyId));
      if (problem) throw new DomainError('MOTION_NOT_ELIGIBLE', problem, { signers }, 409);
    }
    // 意见转建议: the citizens' opinions it grew from are marked escalated, in this transaction.
    if (a.item.opinionIds.length) await markEscalated(a.tx, a.ctx, a.item.opinionIds, a.item.id);
    let ask = '请审查';
    if (a.item.period === 'between_sessions') {
      const review = await ruleInForce(a.tx, await repo.bodyPathOf(a.tx, a.item.bodyId), suggestionRules.review.key);
      ask = `请在${review.amount}个工作日内审查交办`;
    }
    return { patch: { submittedAt: a.now, returnReason: null }, notices: [await toStaff(a, '新的代表建议', `${title(a)}已提交，${ask}`)] };
  },

  accept: (a) => accept(a),
  register: (a) => accept(a),
  convert: (a) => accept(a, { kind: 'suggestion', convertedFromMotion: true }),

  async return(a) {
    const { reason } = parse(returnInput, a.input);
    return {
      patch: { returnReason: reason },
      detail: { reason },
      notices: [await toDeputies(a, '建议被退回', `${title(a)}被退回：${reason}`)],
    };
  },

  async merge(a) {
    const { targetId } = parse(mergeInput, a.input);
    if (targetId === a.item.id) throw new DomainError('MERGE_SELF', '不能并入自身', undefined, 400);
    const target = await repo.getForUpdate(a.tx, a.ctx.actor, targetId);
    if (!target || target.bodyId !== a.item.bodyId || ['draft', 'returned', 'merged', 'submitted'].includes(target.state))
      throw new DomainError(
        'MERGE_TARGET_INVALID',
        '只能并入本机关已受理的建议',
        { fields: [{ path: 'targetId', message: '请选择已受理的建议' }] },
        400,
      );
    return {
      patch: { mergedIntoId: targetId },
      detail: { targetId },
      notices: [await toDeputies(a, '建议已并案办理', `${title(a)}已与《${target.title}》并案办理`)],
    };
  },

  async assign(a) {
    const input = parse(assignInput, a.input);
    if (input.mode === 'separate') return separateEffects.assign(a, [...new Set(input.separateUnitIds)], input.complex, input.note);
    const leadUnitId = input.leadUnitId!;
    const jointIds = [...new Set(input.jointUnitIds)].filter((u) => u !== leadUnitId);
    const units = await repo.unitsByIds(a.tx, a.ctx.actor, [leadUnitId, ...jointIds]);
    for (const id of [leadUnitId, ...jointIds]) {
      const unit = units.find((u) => u.id === id);
      if (!unit || !unit.active)
        throw new DomainError(
          'UNIT_NOT_FOUND',
          '承办单位不存在或已停用',
          { fields: [{ path: 'leadUnitId', message: '请选择在用的承办单位' }], unitId: id },
          400,
        );
    }
    const bodyPath = await repo.bodyPathOf(a.tx, a.item.bodyId);
    const rows = [];
    for (const [unitId, role] of [[leadUnitId, 'lead'], ...jointIds.map((j) => [j, 'joint'])] as [string, 'lead' | 'joint'][]) {
      const d = await assignmentDeadlines(a.tx, bodyPath, a.now, { complex: input.complex, round: 1, role });
      rows.push({ suggestionId: a.item.id, unitId, role, state: 'assigned', round: 1, assignedAt: a.now, note: input.note, ...d });
    }
    const created = await repo.insertAssignments(a.tx, rows);
    const notices = [];
    for (const r of created)
      notices.push(
        await toUnit(
          a,
          r.unitId,
          '新交办的代表建议',
          `${title(a)}已交由贵单位${assignmentRoleLabel[r.role as AssignmentRole]}，请及时签收`,
          true,
        ),
      );
    const lead = created.find((r) => r.role === 'lead')!;
    return {
      patch: { assignedAt: a.now, handlingMode: 'lead_joint', leadUnitId, dueAt: lead.dueAt, complex: input.complex },
      detail: { leadUnitId, jointUnitIds: jointIds, dueAt: lead.dueAt.toISOString() },
      notices,
    };
  },

  async signFor(a) {
    const mine = await myAssignment(a);
    if (mine.state !== 'assigned') throw new DomainError('ALREADY_SIGNED', '本单位已签收或已申请调整', { state: mine.state }, 409);
    await repo.updateAssignment(a.tx, mine.id, { state: 'signed_for', signedForAt: a.now });
    if (isSeparate(a)) {
      const { outcome, dueAt: due } = await partsOutcome(a);
      return { patch: { dueAt: due }, outcome, detail: { assignmentId: mine.id, role: mine.role } };
    }
    return { detail: { assignmentId: mine.id, role: mine.role } };
  },

  async requestReassignment(a) {
    const { reason } = parse(reassignmentRequestInput, a.input);
    const mine = await myAssignment(a);
    if (mine.state !== 'assigned' && !(mine.role === 'joint' && mine.state === 'signed_for'))
      throw new DomainError('REASSIGNMENT_NOT_OPEN', '本单位已在办理，不能再申请调整', { state: mine.state }, 409);
    // 逾期未提出调整申请的，不作调整 (the sign-for rule's window).
    if (a.now > mine.signForDueAt)
      throw new DomainError(
        'REASSIGNMENT_WINDOW_PASSED',
        '已超过签收期限，不能再申请调整承办单位',
        { signForDueAt: mine.signForDueAt.toISOString() },
        409,
      );
    await repo.updateAssignment(a.tx, mine.id, { state: 'reassignment_requested', reassignReason: reason });
    return {
      ...(isSeparate(a) ? { outcome: (await partsOutcome(a)).outcome } : {}),
      detail: { assignmentId: mine.id, reason },
      notices: [await toStaff(a, '承办单位申请调整', `${a.ctx.actor.handlingUnitName ?? '承办单位'}申请调整${title(a)}：${reason}`)],
    };
  },

  async decideReassignment(a) {
    const input = parse(reassignmentDecisionInput, a.input);
    const rows = await repo.assignmentsOf(a.tx, a.item.id);
    const target = rows.find(({ a: x }) => x.id === input.assignmentId && x.state === 'reassignment_requested');
    if (!target) throw new DomainError('NO_REASSIGNMENT_REQUEST', '该承办单位没有待审定的调整申请', undefined, 409);
    const patch: Partial<repo.SuggestionRow> = {};
    const notices: Notice[] = [];
    if (input.approve) {
      const newUnitId = input.newUnitId!;
      if (rows.some(({ a: x }) => x.unitId === newUnitId && x.state !== 'withdrawn'))
        throw new DomainError('UNIT_ALREADY_ASSIGNED', '新的承办单位已在办理此件', undefined, 409);
      const [unit] = await repo.unitsByIds(a.tx, a.ctx.actor, [newUnitId]);
      if (!unit || !unit.active) throw new DomainError('UNIT_NOT_FOUND', '承办单位不存在或已停用', undefined, 400);
      await repo.updateAssignment(a.tx, target.a.id, { state: 'withdrawn', decidedAt: a.now, decisionNote: input.note });
      const d = await assignmentDeadlines(a.tx, await repo.bodyPathOf(a.tx, a.item.bodyId), a.now, {
        complex: a.item.complex,
        round: a.item.round,
        role: target.a.role as 'lead' | 'joint' | 'separate',
      });
      const [created] = await repo.insertAssignments(a.tx, [
        {
          suggestionId: a.item.id,
          unitId: newUnitId,
          role: target.a.role,
          state: 'assigned',
          round: a.item.round,
          assignedAt: a.now,
          ...d,
        },
      ]);
      if (target.a.role === 'lead') Object.assign(patch, { leadUnitId: newUnitId, dueAt: created!.dueAt });
      notices.push(
        await toUnit(
          a,
          newUnitId,
          '新交办的代表建议',
          `${title(a)}调整由贵单位${assignmentRoleLabel[target.a.role as AssignmentRole]}，请及时签收`,
          true,
        ),
        await toUnit(a, target.a.unitId, '调整申请已同意', `${title(a)}已改由${unit.name}办理`),
      );
    } else {
      await repo.updateAssignment(a.tx, target.a.id, { state: 'assigned', decidedAt: a.now, decisionNote: input.note });
      notices.push(
        await toUnit(a, target.a.unitId, '调整申请未同意', `${title(a)}仍由贵单位办理，请签收${input.note ? `：${input.note}` : ''}`),
      );
    }
    if (isSeparate(a)) {
      const { outcome, dueAt: due } = await partsOutcome(a);
      return { patch: { ...patch, dueAt: due }, outcome, detail: { ...input }, notices };
    }
    const othersPending = rows.some(({ a: x }) => x.id !== target.a.id && x.state === 'reassignment_requested');
    return {
      patch,
      ...(othersPending && a.item.state === 'reassignment_requested' ? { outcome: 'othersPending' } : {}),
      detail: { ...input },
      notices,
    };
  },

  async contact(a) {
    const input = parse(contactInput, a.input);
    const mine = await myAssignment(a);
    const row = await repo.insertContact(a.tx, {
      suggestionId: a.item.id,
      unitId: mine.unitId,
      recordedBy: a.ctx.actor.id,
      createdAt: a.now,
      ...input,
    });
    return { detail: { contactId: row.id, stage: input.stage } };
  },

  async jointOpinion(a) {
    const { content } = parse(jointOpinionInput, a.input);
    const mine = await myAssignment(a);
    if (mine.state === 'assigned') throw new DomainError('NOT_SIGNED_FOR', '请先签收再提交会办意见', undefined, 409);
    const row = await repo.insertJointOpinion(a.tx, {
      suggestionId: a.item.id,
      assignmentId: mine.id,
      unitId: mine.unitId,
      content,
      createdAt: a.now,
    });
    await repo.updateAssignment(a.tx, mine.id, { state: 'opinion_sent' });
    const lead = await leadAssignment(a);
    return {
      detail: { jointOpinionId: row.id },
      notices: [await toUnit(a, lead.unitId, '收到会办意见', `${a.ctx.actor.handlingUnitName ?? '会办单位'}已就${title(a)}提交会办意见`)],
    };
  },

  async waiveJointOpinion(a) {
    const { assignmentId, reason } = parse(waiveJointOpinionInput, a.input);
    const joint = (await repo.assignmentsOf(a.tx, a.item.id)).find(
      ({ a: x }) => x.id === assignmentId && x.role === 'joint' && ['assigned', 'signed_for'].includes(x.state),
    );
    if (!joint)
      throw new DomainError('NO_PENDING_JOINT_OPINION', '该会办单位没有待提交的会办意见', {
        fields: [{ path: 'assignmentId', message: '请选择尚未提交意见的会办单位' }],
      });
    if (a.now <= joint.a.dueAt)
      throw new DomainError(
        'JOINT_OPINION_NOT_OVERDUE',
        `${joint.unitName}的会办意见期限（${chinaDate(joint.a.dueAt)}）未到，不能免除`,
        { dueAt: joint.a.dueAt.toISOString() },
        409,
      );
    await repo.updateAssignment(a.tx, joint.a.id, { state: 'opinion_waived', decisionNote: reason });
    const lead = await leadAssignment(a);
    return {
      detail: { assignmentId, unitId: joint.a.unitId, reason },
      notices: [
        await toUnit(
          a,
          lead.unitId,
          '可先行答复代表',
          `${joint.unitName}逾期未提交${title(a)}的会办意见，经交办机关同意可先行答复：${reason}`,
        ),
        await toUnit(
          a,
          joint.a.unitId,
          '会办意见已逾期',
          `贵单位逾期未提交${title(a)}的会办意见，交办机关已准予主办单位先行答复：${reason}`,
        ),
      ],
    };
  },

  async requestExtension(a) {
    const { months, reason } = parse(extensionRequestInput, a.input);
    const { target, round, extensions: existing } = await extensionTarget(a);
    if (existing.some(({ e }) => e.state === 'pending')) throw new DomainError('EXTENSION_PENDING', '已有待审批的延期申请', undefined, 409);
    const used = existing.filter(({ e }) => e.state === 'approved').reduce((n, { e }) => n + e.months, 0);
    const bodyPath = await repo.bodyPathOf(a.tx, a.item.bodyId);
    const max = await maxExtensionMonths(a.tx, bodyPath);
    if (used + months > max)
      throw new DomainError(
        'EXTENSION_TOO_LONG',
        `延期累计不能超过 ${max} 个月（已延期 ${used} 个月）`,
        { fields: [{ path: 'months', message: `最多还可延期 ${Math.max(0, max - used)} 个月` }] },
        409,
      );
    if (round === 1 && a.item.assignedAt) {
      const { due, ceiling } = await extendedReplyDue(a.tx, bodyPath, itemDates(a), target.assignedAt, used + months);
      if (due > ceiling)
        throw new DomainError(
          'EXTENSION_PAST_CEILING',
          `延期后的答复期限不能晚于交办之日起的最长期限（${chinaDate(ceiling)}）`,
          { ceiling: ceiling.toISOString(), fields: [{ path: 'months', message: `答复期限最晚至${chinaDate(ceiling)}` }] },
          409,
        );
    }
    const row = await repo.insertExtension(a.tx, {
      suggestionId: a.item.id,
      assignmentId: target.id,
      months,
      reason,
      state: 'pending',
      createdAt: a.now,
    });
    return {
      detail: { extensionId: row.id, months, reason },
      notices: [await toStaff(a, '延期申请', `${a.ctx.actor.handlingUnitName ?? '承办单位'}申请${title(a)}延期 ${months} 个月：${reason}`)],
    };
  },

  async decideExtension(a) {
    const input = parse(extensionDecisionInput, a.input);
    const pending = (await repo.extensionsOf(a.tx, a.item.id)).find(({ e }) => e.id === input.extensionId && e.state === 'pending');
    if (!pending) throw new DomainError('NO_PENDING_EXTENSION', '没有待审批的延期申请', undefined, 409);
    const ext = pending.e;
    const { target, round, extensions, what } = await extensionTarget(a, ext.assignmentId);
    await repo.updateExtension(a.tx, ext.id, {
      state: input.approve ? 'approved' : 'refused',
      decidedBy: a.ctx.actor.id,
      decidedAt: a.now,
      decisionNote: input.note,
    });
    const patch: Partial<repo.SuggestionRow> = {};
    const notices = [];
    if (input.approve) {
      const approvedMonths = ext.months + extensions.filter(({ e }) => e.state === 'approved').reduce((n, { e }) => n + e.months, 0);
      let due = extendedDue(target.dueAt, ext.months);
      if (round === 1 && a.item.assignedAt) {
        const first = await extendedReplyDue(
          a.tx,
          await repo.bodyPathOf(a.tx, a.item.bodyId),
          itemDates(a),
          target.assignedAt,
          approvedMonths,
        );
        due = first.due > first.ceiling ? first.ceiling : first.due;
      }
      if (isSeparate(a)) {
        // The part's new deadline is reminded of and reported anew; the item is due at the nearest part still owed.
        await repo.updateAssignment(a.tx, target.id, {
          dueAt: due,
          remindedAt: null,
          overdueReportedAt: due > a.now ? null : target.overdueReportedAt,
        });
        patch.dueAt = (await partsOutcome(a)).dueAt;
      } else {
        await repo.updateAssignment(a.tx, target.id, { dueAt: due });
        Object.assign(patch, { dueAt: due, escalatedAt: due > a.now ? null : a.item.escalatedAt, lastRemindedAt: null });
      }
      // 福建省办法第十九条: an extension is explained to the deputy in writing.
      notices.push(
        await toDeputies(a, '建议答复期限已延长', `${what}的答复期限经批准延长至${chinaDate(due)}。延期理由：${ext.reason}`, true),
      );
    }
    notices.push(
      await toUnit(
        a,
        target.unitId,
        input.approve ? '延期已批准' : '延期未批准',
        `${title(a)}的延期申请${input.approve ? '已批准' : '未获批准'}`,
      ),
    );
    return { patch, detail: { ...input }, notices };
  },

  async reply(a) {
    const input = parse(replyInput, a.input);
    // The category is one of the body's own scheme (A/B/C by default, A–D where the body uses four).
    const refusal = categoryRefusal((await settingsFor(a.tx, a.item.bodyId)).replyCategories, input.category);
    if (refusal)
      throw new DomainError('REPLY_CATEGORY_NOT_IN_SCHEME', refusal, {
        fields: [{ path: 'category', message: '请选择本机关设定的办理结果类别' }],
      });
    if (a.ctx.actor.handlingUnitId) await repo.lapsePendingExtensions(a.tx, a.item.id, a.ctx.actor.handlingUnitId, a.now);
    if (isSeparate(a)) return separateEffects.reply(a, input);
    const rows = await repo.assignmentsOf(a.tx, a.item.id);
    const pendingJoint = rows
      .filter(({ a: x }) => x.role === 'joint' && ['assigned', 'signed_for', 'reassignment_requested'].includes(x.state))
      .map((r) => r.unitName);
    // 主办单位汇总会办意见后统一答复代表.
    if (pendingJoint.length)
      throw new DomainError('JOINT_OPINIONS_PENDING', `尚有会办单位未提交会办意见：${pendingJoint.join('、')}`, { pendingJoint }, 409);
    const lead = await leadAssignment(a);
    const reply = await repo.insertReply(a.tx, {
      suggestionId: a.item.id,
      unitId: lead.unitId,
      round: a.item.round,
      createdBy: a.ctx.actor.id,
      createdAt: a.now,
      ...input,
    });
    await repo.updateAssignment(a.tx, lead.id, { state: 'replied' });
    const first = a.item.firstRepliedAt == null;
    return {
      patch: first ? { firstRepliedAt: a.now, repliedOnTime: !!a.item.dueAt && a.now <= a.item.dueAt } : {},
      detail: { replyId: reply.id, category: input.category },
      notices: [await toStaff(a, '承办单位已答复', `${title(a)}已答复（${input.category}类），请审核后发出`)],
    };
  },

  async release(a) {
    if (a.item.mergedIntoId) return releaseToMerged(a);
    if (isSeparate(a)) return separateEffects.release(a);
    const reply = (await repo.repliesOf(a.tx, a.item.id))
      .reverse()
      .find(({ r }) => r.round === a.item.round && !r.releasedAt && !r.rejectedReason);
    if (!reply) throw new DomainError('NO_REPLY', '没有待发出的答复', undefined, 409);
    await repo.updateReply(a.tx, reply.r.id, { releasedAt: a.now, releasedBy: a.ctx.actor.id });
    const notices = await replyToDeputies(a, `${title(a)}已由${reply.unitName}答复（${await categoryText(a, reply.r.category)}）`);
    // 并案: every item merged into this one gets the reply too, addressed to its own deputy.
    const merged = await repo.mergedAwaitingReply(a.tx, a.item.id);
    return {
      patch: { releasedAt: a.now, replyCategory: reply.r.category },
      detail: { replyId: reply.r.id, ...(merged.length ? { mergedItems: merged } : {}) },
      notices,
      alsoOn: merged.map((id) => ({ id, action: 'release' as const, input: { replyId: reply.r.id } })),
    };
  },

  async rejectReply(a) {
    const { reason, replyId } = parse(rejectReplyInput, a.input);
    if (isSeparate(a)) return separateEffects.rejectReply(a, reason, replyId);
    const reply = (await repo.repliesOf(a.tx, a.item.id))
      .reverse()
      .find(({ r }) => r.round === a.item.round && !r.releasedAt && !r.rejectedReason);
    if (!reply) throw new DomainError('NO_REPLY', '没有待审核的答复', undefined, 409);
    await repo.updateReply(a.tx, reply.r.id, { rejectedReason: reason });
    const lead = await leadAssignment(a);
    await repo.updateAssignment(a.tx, lead.id, { state: 'signed_for' });
    return {
      detail: { replyId: reply.r.id, reason },
      notices: [await toUnit(a, lead.unitId, '答复被退回', `${title(a)}的答复被退回重办：${reason}`)],
    };
  },

  async rate(a) {
    const input = parse(rateInput, a.input);
    if (isSeparate(a)) return separateEffects.rate(a, input);
    const { rating, comment } = input;
    const reply = (await repo.repliesOf(a.tx, a.item.id)).reverse().find(({ r }) => r.round === a.item.round && r.releasedAt);
    if (!reply) throw new DomainError('NO_REPLY', '没有可测评的答复', undefined, 409);
    await repo.insertRating(a.tx, {
      suggestionId: a.item.id,
      replyId: reply.r.id,
      deputyId: a.item.leadDeputyId,
      round: a.item.round,
      rating,
      comment,
      createdAt: a.now,
    });
    const result = `${title(a)}测评结果：${ratingLabel[rating]}`;
    return {
      patch: { rating },
      detail: { rating, comment },
      notices: [await toStaff(a, '代表已测评', result), await toUnit(a, reply.r.unitId, '代表已测评', result)],
      // Dissatisfaction reopens it for re-handling with the re-handling deadline, done by the system.
      ...(rating === 'dissatisfied'
        ? { then: { action: 'reopen' as const, input: { reason: `代表对答复不满意${comment ? `：${comment}` : ''}` } } }
        : {}),
    };
  },

  async reopen(a) {
    const { reason } = parse(reopenInput, a.input);
    if (a.item.mergedIntoId) return reopenMerged(a, reason);
    if (isSeparate(a)) return separateEffects.reopen(a, reason);
    const lead = await leadAssignment(a);
    const round = a.item.round + 1;
    const d = await assignmentDeadlines(a.tx, await repo.bodyPathOf(a.tx, a.item.bodyId), a.now, {
      complex: a.item.complex,
      round,
      role: 'lead',
    });
    await repo.updateAssignment(a.tx, lead.id, { state: 'signed_for', round, dueAt: d.dueAt });
    return {
      patch: { round, dueAt: d.dueAt, lastRemindedAt: null, escalatedAt: null },
      detail: { reason, round, dueAt: d.dueAt.toISOString() },
      notices: [await toUnit(a, lead.unitId, '建议重新办理', `${title(a)}需重新办理（${reason}），请于期限内再次答复`, true)],
    };
  },

  async close(a) {
    const { note } = parse(closeInput, a.input);
    if (a.item.state === 'reply_released') {
      // Without a rating, staff close only once the deputy's time to rate has passed.
      const rule = await ruleInForce(a.tx, await repo.bodyPathOf(a.tx, a.item.bodyId), suggestionRules.rating.key);
      const ratingDue = dueAt(a.item.releasedAt ?? a.now, rule);
      if (a.now <= ratingDue)
        throw new DomainError(
          'RATING_PENDING',
          `代表尚未测评，测评期限至${ratingDue.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
          { ratingDue: ratingDue.toISOString() },
          409,
        );
    }
    return { patch: { closedAt: a.now }, detail: { note }, notices: [await toDeputies(a, '建议已办结', `${title(a)}已办结`)] };
  },

  async markKey(a) {
    const { leadOfficial, supervisorUserId } = parse(markKeyInput, a.input);
    // 督办: a leader of the item's own congress, who then finds it under 我督办的.
    const leader = (await leadersOfBody(a.tx, a.item.bodyId)).find((u) => u.id === supervisorUserId);
    if (!leader)
      throw new DomainError(
        'SUPERVISOR_NOT_LEADER',
        '督办领导须为本级人大常委会在任领导',
        { fields: [{ path: 'supervisorUserId', message: '请选择本级常委会领导' }] },
        400,
      );
    const before = await repo.getKey(a.tx, a.item.id);
    await repo.upsertKey(a.tx, { suggestionId: a.item.id, leadOfficial, supervisor: leader.name, supervisorUserId, createdAt: a.now });
    return {
      patch: { isKey: true },
      detail: { leadOfficial, supervisor: leader.name, supervisorUserId },
      notices:
        before?.supervisorUserId !== supervisorUserId
          ? [toUsers([supervisorUserId], '重点建议督办', `${title(a)}已列为重点建议，由您督办（领办：${leadOfficial}）`)]
          : [],
    };
  },

  async keyReview(a) {
    const input = parse(keyReviewInput, a.input);
    const row = await repo.insertKeyReview(a.tx, { suggestionId: a.item.id, ...input, createdAt: a.now });
    return { detail: { reviewId: row.id, heldOn: input.heldOn } };
  },

  async keyComment(a) {
    const { comment } = parse(keyCommentInput, a.input);
    await repo.updateKey(a.tx, a.item.id, { deputyComment: comment, deputyCommentAt: a.now });
    return { detail: { comment } };
  },

  async keyVote(a) {
    const vote = parse(keyVoteInput, a.input);
    await repo.updateKey(a.tx, a.item.id, { vote });
    return { detail: { vote } };
  },
};
