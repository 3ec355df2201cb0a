import type { PointAction, PointActionInputs, PointInput, PointQuery, PointState } from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { chinaDate, dueDate } from '../../platform/deadlines.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { EXPORT_LIMIT, pageResult } from '../../platform/pagination.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { findUnitInScope } from '../../platform/scope.js';
import { applyAction, sendNotices, type Machine, type StepArgs, type StepResult } from '../../platform/workflow.js';
import { pointStanding, presentPoint } from './presenters.js';
import * as repo from './repository.js';
import { pointDeadline, pointNumber } from './rules.js';
import { pointWorkflow, type PointStep } from './workflow.js';

const ids = (people: { id: string }[]) => people.map((p) => p.id);

async function requirePoint(db: Executor, ctx: RequestContext, id: string, forUpdate = false) {
  const row = await repo.getPoint(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('督办问题', { id });
  return row;
}

export async function getPoint(db: Executor, ctx: ActorContext, id: string) {
  return presentPoint(await requirePoint(db, ctx, id), ctx.actor, chinaDate(clock.now()));
}

export async function listPoints(db: Executor, ctx: ActorContext, q: PointQuery) {
  const today = chinaDate(clock.now());
  const { rows, total } = await repo.pagePoints(db, ctx.actor, { ...q, today });
  return pageResult(
    rows.map((r) => presentPoint(r, ctx.actor, today)),
    total,
    q,
  );
}

/** The whole filtered list, for the Excel export. */
export async function allPoints(db: Executor, ctx: ActorContext, q: PointQuery) {
  const today = chinaDate(clock.now());
  const { rows } = await repo.pagePoints(db, ctx.actor, { ...q, page: 1, today }, EXPORT_LIMIT);
  return rows.map((r) => presentPoint(r, ctx.actor, today));
}

type Input = PointActionInputs[PointAction];
type Args = StepArgs<repo.PointRow, PointStep, Input, RequestContext>;
type Result = StepResult<repo.PointRow, PointAction, Input>;

const effects: Partial<Record<PointAction, (a: Args) => Promise<Result>>> = {
  async answer(a) {
    const { evidence } = a.input as PointActionInputs['answer'];
    return {
      patch: { evidence, answeredAt: a.now },
      detail: { evidence },
      notices: [
        {
          userIds: ids(await staffOfBody(a.tx, a.item.bodyId)),
          title: '督办问题已报送整改情况',
          body: `第${pointNumber(a.item.seq, a.item.round)}号问题已报送整改情况，请认定`,
        },
      ],
    };
  },
  async accept(a) {
    const { judgement } = a.input as PointActionInputs['accept'];
    return { patch: { judgement, judgedAt: a.now }, detail: { judgement } };
  },
  async sendBack(a) {
    const { judgement } = a.input as PointActionInputs['sendBack'];
    return {
      // Escalated again if it is still overdue.
      patch: { judgement, judgedAt: a.now, escalatedAt: null },
      detail: { judgement },
      notices: [
        {
          userIds: ids(await usersOfUnit(a.tx, a.item.organUnitId)),
          title: '督办问题被退回继续整改',
          body: `第${pointNumber(a.item.seq, a.item.round)}号问题认定未解决：${judgement}`,
        },
      ],
    };
  },
};

export const pointMachine: Machine<repo.PointRow, PointState, PointAction, 'organ', never, PointStep, Input, RequestContext> = {
  workflow: pointWorkflow,
  entity: 'supervision_point',
  load: async (tx, ctx, id) => (await requirePoint(tx, ctx, id, true)).point,
  stateOf: (p) => p.state as PointState,
  bodyOf: (p) => p.bodyId,
  standing: async (_tx, ctx, p) => (ctx.actor ? pointStanding(ctx.actor, p.organUnitId) : { role: 'citizen' }),
  effects,
  save: (tx, item, to, patch) => repo.updatePoint(tx, item.id, { ...patch, state: to }),
  link: (p) => `/supervision/items/${p.itemId}`,
};

export const pointAct = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: PointAction, input: Input) =>
  db.transaction(async (tx) => {
    await applyAction(tx, notifier, pointMachine, ctx, id, action, input);
    return getPoint(tx, ctx, id);
  });

/** A re-review closes the old point as carried over (the new one links to it). */
export const carryOverPoint = (tx: Tx, notifier: Notifier, ctx: RequestContext, id: string) =>
  applyAction(tx, notifier, pointMachine, ctx, id, 'carryOver', {} as Input, 'system');

/**
 * Staff split a deliberation opinion, an inquiry commitment or an inspection finding into points of
 * the list, each with its organ (the item's, unless named) and a deadline (the engine's, unless named).
 */
export async function addPoints(tx: Tx, notifier: Notifier, ctx: ActorContext, item: repo.ItemRow, bodyPath: string, inputs: PointInput[]) {
  if (item.stage === 'planned' || item.stage === 'closed')
    throw new DomainError('SUPERVISION_POINTS_NOT_NOW', '事项尚未开始或已办结，不能列入督办清单');
  const now = clock.now();
  const rule = await ruleInForce(tx, bodyPath, pointDeadline.key);
  const today = chinaDate(now);
  const organs = new Set<string>();
  for (const p of inputs) {
    const organ = p.organUnitId ?? item.organUnitId;
    if (organ !== item.organUnitId && !(await findUnitInScope(tx, ctx.actor, organ))) throw notFound('责任单位', { id: organ });
    if (p.dueOn && p.dueOn < today)
      throw new DomainError('SUPERVISION_DUE_PAST', '整改期限不能早于今天', {
        fields: [{ path: 'dueOn', message: '整改期限不能早于今天' }],
      });
    organs.add(organ);
  }
  const seqs = await repo.takePointSeqs(tx, item.id, inputs.length);
  const rows = await repo.insertPoints(
    tx,
    inputs.map((p, n) => ({
      itemId: item.id,
      bodyId: item.bodyId,
      seq: seqs[n]!,
      round: item.round,
      source: p.source,
      content: p.content,
      organUnitId: p.organUnitId ?? item.organUnitId,
      dueOn: p.dueOn ?? dueDate(now, rule),
      state: 'open',
      createdAt: now,
    })),
  );
  for (const r of rows)
    await recordAudit(tx, ctx, {
      entity: 'supervision_point',
      entityId: r.id,
      bodyId: r.bodyId,
      action: 'create',
      after: { content: r.content, organUnitId: r.organUnitId, dueOn: r.dueOn },
    });
  await repo.insertEvent(tx, {
    itemId: item.id,
    at: now,
    action: 'addPoint',
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    note: `${rows.length} 个问题：${rows.map((r) => pointNumber(r.seq, r.round)).join('、')}`,
  });
  const notices = [];
  for (const organ of organs)
    notices.push({
      userIds: ids(await usersOfUnit(tx, organ)),
      title: '监督督办清单交办',
      body: `《${item.subject}》交办 ${rows.filter((r) => r.organUnitId === organ).length} 个问题，请在期限内报送整改情况`,
    });
  await sendNotices(tx, notifier, notices, '/supervision/points');
  return rows;
}
