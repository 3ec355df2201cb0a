import {
  opinionAction,
  opinionStatusLabel,
  routeKindLabel,
  type OpinionAction,
  type OpinionActionInputs,
  type OpinionRating,
  type OpinionStatus,
} from '@renda/shared';
import type { RequestContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { dueAt } from '../../platform/deadlines.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Effect, StepArgs, StepResult } from '../../platform/workflow.js';
import { citizenNotice, staffNotice, summaryOf, unitNotice } from './notify.js';
import * as repo from './opinion-repository.js';
import type { NewOpinionRow, OpinionRow } from './opinion-repository.js';
import { replyDeadline } from './rules.js';
import { formatTrackingCode } from './tracking-code.js';
import type { OpinionTransition } from './workflow.js';
import { findUnitInScope } from '../../platform/scope.js';

/** An opinion as a step sees it: the row and the body it belongs to (its name signs the SMS, its path finds the deadline rule). */
export type OpinionItem = OpinionRow & { bodyName: string; bodyPath: string };

/** The citizen's rating, taken on the public tracking page. */
export interface RatingInput {
  rating: OpinionRating;
  comment?: string | undefined;
}
export type OpinionInput = Partial<OpinionActionInputs[keyof OpinionActionInputs]> | RatingInput | Record<string, unknown>;

type Args = StepArgs<OpinionItem, OpinionTransition, OpinionInput, RequestContext>;
type Result = StepResult<OpinionItem, OpinionAction, OpinionInput> & { patch?: Partial<NewOpinionRow> };
type OpinionEffect = Effect<OpinionItem, OpinionTransition, OpinionAction, OpinionInput, RequestContext>;

/** The input of an action, as its route validated it (packages/shared `opinionActionInputs`). */
const inputOf = <A extends keyof OpinionActionInputs>(a: Args, _action: A) => a.input as OpinionActionInputs[A];

/** Staff steps run with a signed-in actor: the routes make sure of it. */
const actorOf = (a: Args) => a.ctx.actor!;

/** What each action does besides moving the state: checks against the world, the columns it writes, who hears of it. */
const perAction: Partial<Record<OpinionAction, (a: Args) => Promise<Result>>> = {
  async decline(a) {
    const { reason } = inputOf(a, 'decline');
    return { patch: { declineReason: reason }, note: reason };
  },

  async merge(a) {
    const { intoId } = inputOf(a, 'merge');
    if (intoId === a.item.id) throw new DomainError('OPINION_MERGE_SELF', '不能把意见合并到它自己');
    const target = await repo.getVisible(a.tx, actorOf(a), intoId);
    if (!target) throw notFound('合并到的意见', { id: intoId });
    const targetStatus = target.opinion.status as OpinionStatus;
    if (targetStatus === 'declined' || targetStatus === 'merged')
      throw new DomainError('OPINION_MERGE_TARGET_INVALID', `不能合并到${opinionStatusLabel[targetStatus]}的意见`);
    // The opinion merged into records what joined it, for the staff's timeline.
    await repo.insertEvent(a.tx, {
      opinionId: target.opinion.id,
      at: a.now,
      action: 'mergedIn',
      actorId: actorOf(a).id,
      actorName: actorOf(a).displayName,
      note: `并入 ${formatTrackingCode(a.item.trackingCode)}`,
      public: false,
    });
    return { patch: { mergedIntoId: target.opinion.id }, note: `合并到 ${formatTrackingCode(target.opinion.trackingCode)}` };
  },

  async attachDeputy(a) {
    const { deputyId } = inputOf(a, 'attachDeputy');
    const deputy = await repo.findDeputyInScope(a.tx, actorOf(a), deputyId);
    if (!deputy) throw notFound('代表', { id: deputyId });
    return { patch: { takenByDeputyId: deputy.id }, note: `由${deputy.name}代表领办` };
  },

  async route(a) {
    const input = inputOf(a, 'route');
    const unit = await findUnitInScope(a.tx, actorOf(a), input.handlingUnitId);
    if (!unit) throw notFound('承办单位', { id: input.handlingUnitId });
    if (!unit.active) throw new DomainError('HANDLING_UNIT_INACTIVE', `${unit.name}已停用，不能转办`);
    const rule = await ruleInForce(a.tx, a.item.bodyPath, replyDeadline.key);
    const due = dueAt(a.now, rule);
    // A re-route starts the handling afresh: nothing of the earlier unit's answer stays.
    const patch = {
      handlingUnitId: unit.id,
      routeKind: input.routeKind,
      routeNote: input.note ?? null,
      routedAt: a.now,
      dueAt: due,
      signedAt: null,
      returnReason: null,
      replyText: null,
      repliedAt: null,
      replyApprovedAt: null,
      remindedAt: null,
      overdueAt: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
    };
    const routed = { ...a.item, ...patch };
    return {
      patch,
      note: `以${routeKindLabel[input.routeKind]}方式转交${unit.name}`,
      notices: [await unitNotice(a.tx, routed, '新的转办群众意见', `${summaryOf(routed)}；请于 ${formatDue(due)} 前答复`)],
    };
  },

  async signFor(a) {
    return { patch: { signedAt: a.now } };
  },

  async return(a) {
    const { reason } = inputOf(a, 'return');
    const notice = await staffNotice(a.tx, a.item.bodyPath, '承办单位退回群众意见', `${summaryOf(a.item)}；原因：${reason}`);
    return { patch: { returnReason: reason }, note: reason, notices: [notice] };
  },

  async reply(a) {
    const { text } = inputOf(a, 'reply');
    const notice = await staffNotice(a.tx, a.item.bodyPath, '群众意见答复待审核', summaryOf(a.item));
    return { patch: { replyText: text, repliedAt: a.now }, notices: [notice] };
  },

  async answer(a) {
    return { patch: { replyText: inputOf(a, 'answer').text, repliedAt: a.now } };
  },

  async approveReply(a) {
    return { patch: { replyApprovedAt: a.now } };
  },

  async rejectReply(a) {
    const { reason } = inputOf(a, 'rejectReply');
    const notice = await unitNotice(a.tx, a.item, '答复被退回，请重新答复', `${summaryOf(a.item)}；原因：${reason}`);
    return { patch: { repliedAt: null }, note: reason, notices: [notice] };
  },

  async rate(a) {
    return rating(a);
  },

  async rateDissatisfied(a) {
    const result = rating(a);
    const text = `${summaryOf(a.item)}；评价：${result.note ?? '无'}`;
    return { ...result, notices: [await staffNotice(a.tx, a.item.bodyPath, '群众对答复不满意', text)] };
  },

  async close(a) {
    return { patch: { closedAt: a.now }, note: inputOf(a, 'close').note ?? null };
  },
};

function rating(a: Args): Result {
  const { rating, comment } = a.input as RatingInput;
  return { patch: { rating, ratingComment: comment || null, ratedAt: a.now }, note: comment || null };
}

const formatDue = (d: Date) => d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** What the citizen who left a phone number is told by SMS of each public step. */
const smsText: Partial<Record<OpinionAction, string>> = {
  accept: '已受理',
  decline: '不予受理，原因可凭查询码查看',
  merge: '已与相同问题合并办理',
  route: '已转交承办单位办理',
  approveReply: '已有答复，请凭查询码查看并评价',
  close: '已办结',
};

/**
 * Every action's effect: its own behaviour, then the citizen's SMS for a public step, the columns it
 * wrote recorded in the audit entry.
 */
export const effects = Object.fromEntries(
  opinionAction.options.map((action): [OpinionAction, OpinionEffect] => [
    action,
    async (a) => {
      const result = (await perAction[action]?.(a)) ?? {};
      const sms = smsText[action];
      const told = sms && a.step.public ? citizenNotice(a.item, a.item.bodyName, sms) : [];
      return { ...result, detail: { ...result.patch }, notices: [...told, ...(result.notices ?? [])] };
    },
  ]),
) as Record<OpinionAction, OpinionEffect>;
