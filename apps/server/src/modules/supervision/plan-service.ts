import {
  stageDeadlineOf,
  type PlanAction,
  type PlanInput,
  type PlanItemEdit,
  type PlanItemInput,
  type PlanState,
  type SupervisionKind,
  type SupervisionPlan,
  type SupervisionStage,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { findUnitInScope, requireBodyInScope } from '../../platform/scope.js';
import { applyAction, type Machine, type Transition } from '../../platform/workflow.js';
import { iso, planLabel, presentItemSummary } from './presenters.js';
import * as repo from './repository.js';
import { stageDueDate } from './rules.js';
import { planWorkflow } from './workflow.js';

async function requirePlan(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getPlan(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('监督工作计划', { id });
  return row;
}

export async function getPlan(db: Executor, ctx: ActorContext, id: string): Promise<SupervisionPlan> {
  const { plan, bodyName } = await requirePlan(db, ctx, id);
  const items = await repo.itemsOfPlan(db, id);
  const state = plan.state as PlanState;
  return {
    id: plan.id,
    bodyId: plan.bodyId,
    bodyName,
    year: plan.year,
    title: plan.title,
    state,
    stateLabel: planLabel(state),
    adoptedAt: iso(plan.adoptedAt),
    publishedAt: iso(plan.publishedAt),
    items: items.map(presentItemSummary),
    allowedActions: planWorkflow.allowedActions(state, { role: ctx.actor.role }),
    changeNeedsReason: state !== 'drafted',
  };
}

export async function listPlans(db: Executor, ctx: ActorContext) {
  const rows = await repo.listPlans(db, ctx.actor);
  return rows.map(({ plan, bodyName, itemCount }) => ({
    id: plan.id,
    bodyId: plan.bodyId,
    bodyName,
    year: plan.year,
    title: plan.title,
    state: plan.state as PlanState,
    stateLabel: planLabel(plan.state),
    adoptedAt: iso(plan.adoptedAt),
    publishedAt: iso(plan.publishedAt),
    itemCount,
  }));
}

export async function createPlan(db: Db, ctx: ActorContext, input: PlanInput) {
  return db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const plan = await repo.insertPlan(tx, { ...input, state: 'drafted', createdBy: ctx.actor.id, createdAt: clock.now() });
    if (!plan) throw conflict('SUPERVISION_PLAN_EXISTS', `${input.year}年度监督工作计划已存在`);
    await recordAudit(tx, ctx, { entity: 'supervision_plan', entityId: plan.id, bodyId: plan.bodyId, action: 'create', after: input });
    return getPlan(tx, ctx, plan.id);
  });
}

const planMachine: Machine<repo.PlanRow, PlanState, PlanAction, never, never, Transition<PlanState, PlanAction, never, never>, unknown> = {
  workflow: planWorkflow,
  entity: 'supervision_plan',
  load: async (tx, ctx, id) => (await requirePlan(tx, ctx, id, true)).plan,
  stateOf: (p) => p.state as PlanState,
  bodyOf: (p) => p.bodyId,
  standing: async (_tx, ctx) => ({ role: ctx.actor.role }),
  effects: {
    adopt: async ({ tx, item, now }) => {
      const items = await repo.itemsOfPlan(tx, item.id);
      if (!items.length) throw new DomainError('SUPERVISION_PLAN_EMPTY', '计划尚无监督事项，不能通过');
      return { patch: { adoptedAt: now }, detail: { items: items.length } };
    },
    publish: async ({ now }) => ({ patch: { publishedAt: now } }),
  },
  save: (tx, item, to, patch) => repo.updatePlan(tx, item.id, { ...patch, state: to }),
};

export const planAct = (db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: PlanAction, input: unknown) =>
  db.transaction(async (tx) => {
    await applyAction(tx, notifier, planMachine, ctx, id, action, input);
    return getPlan(tx, ctx, id);
  });

/** The organ and the invited deputies must belong to the plan's body (a standing committee supervises its own organs). */
async function checkItemRefs(tx: Executor, ctx: ActorContext, bodyId: string, input: { organUnitId: string; deputyIds: string[] }) {
  const unit = await findUnitInScope(tx, ctx.actor, input.organUnitId);
  if (!unit) throw notFound('被监督单位', { id: input.organUnitId });
  if (!unit.active) throw new DomainError('HANDLING_UNIT_INACTIVE', `${unit.name}已停用`);
  const found = await repo.deputiesOfBody(tx, bodyId, input.deputyIds);
  if (found.length !== new Set(input.deputyIds).size)
    throw new DomainError('SUPERVISION_DEPUTY_NOT_OF_BODY', '只能邀请本级人大代表参加', {
      fields: [{ path: 'deputyIds', message: '不是本级人大代表' }],
    });
  return unit;
}

export async function addItem(db: Db, ctx: ActorContext, planId: string, input: PlanItemInput & { reason?: string | null }) {
  return db.transaction(async (tx) => {
    const { plan } = await requirePlan(tx, ctx, planId, true);
    const reason = requireReason(plan.state as PlanState, input.reason);
    await checkItemRefs(tx, ctx, plan.bodyId, input);
    const now = clock.now();
    const { deputyIds, reason: _r, ...fields } = input;
    const item = await repo.insertItem(tx, {
      ...fields,
      planId,
      bodyId: plan.bodyId,
      year: plan.year,
      stage: 'planned',
      stageStartedAt: now,
      createdAt: now,
    });
    await repo.setItemDeputies(tx, item.id, [...new Set(deputyIds)]);
    await repo.insertEvent(tx, {
      itemId: item.id,
      at: now,
      action: 'addItem',
      toStatus: 'planned',
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      note: reason,
    });
    await recordAudit(tx, ctx, {
      entity: 'supervision_item',
      entityId: item.id,
      bodyId: plan.bodyId,
      action: 'create',
      after: { ...input, planState: plan.state },
    });
    return getPlan(tx, ctx, planId);
  });
}

/** Once the plan is adopted, a change needs its reason (计划调整须说明理由). */
function requireReason(state: PlanState, reason: string | null | undefined): string | null {
  if (state === 'drafted') return reason ?? null;
  if (!reason?.trim())
    throw new DomainError('SUPERVISION_PLAN_CHANGE_REASON', '计划已通过，调整须说明理由', {
      fields: [{ path: 'reason', message: '请填写调整理由' }],
    });
  return reason;
}

export async function changeItem(db: Db, ctx: ActorContext, itemId: string, input: PlanItemEdit) {
  return db.transaction(async (tx) => {
    const row = await repo.getItem(tx, ctx.actor, itemId, true);
    if (!row) throw notFound('监督事项', { id: itemId });
    const { plan } = await requirePlan(tx, ctx, row.item.planId, true);
    const reason = requireReason(plan.state as PlanState, input.reason);
    if (input.kind && input.kind !== row.item.kind && row.item.stage !== 'planned')
      throw conflict('SUPERVISION_KIND_FIXED', '事项已开始办理，不能改变监督方式');
    await checkItemRefs(tx, ctx, plan.bodyId, input);
    const before = {
      kind: row.item.kind,
      subject: row.item.subject,
      committee: row.item.committee,
      organUnitId: row.item.organUnitId,
      meeting: row.item.meeting,
      meetingOn: row.item.meetingOn,
    };
    const after = {
      kind: input.kind ?? row.item.kind,
      subject: input.subject,
      committee: input.committee,
      organUnitId: input.organUnitId,
      meeting: input.meeting,
      meetingOn: input.meetingOn,
    };
    // A stage due before the meeting follows a new meeting date, unless staff set its date themselves.
    const rule = stageDeadlineOf(after.kind as SupervisionKind, row.item.stage as SupervisionStage);
    const followsMeeting = rule?.from === 'meeting' && after.meetingOn !== before.meetingOn && !row.item.stageDueReason;
    await repo.updateItem(tx, itemId, {
      ...after,
      ...(followsMeeting ? { stageDueOn: await stageDueDate(tx, row.bodyPath, rule, row.item.stageStartedAt, after.meetingOn) } : {}),
    });
    await repo.setItemDeputies(tx, itemId, [...new Set(input.deputyIds)]);
    await repo.insertEvent(tx, {
      itemId,
      at: clock.now(),
      action: 'changeItem',
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      note: reason,
    });
    await recordAudit(tx, ctx, {
      entity: 'supervision_item',
      entityId: itemId,
      bodyId: plan.bodyId,
      action: 'changeItem',
      before,
      after: { ...after, deputyIds: input.deputyIds, reason },
    });
    return getPlan(tx, ctx, plan.id);
  });
}
