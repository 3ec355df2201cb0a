import {
  followUpStateLabel,
  type FollowUpAction,
  type FollowUpActionInput,
  type FollowUpState,
  type FollowUpSubject,
  type FollowUpTask,
  type FollowUpTaskFields,
  type FollowUpTaskInput,
  type FollowUpTaskList,
} from '@renda/shared';
import type { Db, Executor, Tx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { chinaDate, dueDate, endOfChinaDay, isOverdue, isProvisional } from '../../platform/deadlines.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { findUnitInScope } from '../../platform/scope.js';
import { applyAction, sendNotices, type Machine, type Notice, type Standing } from '../../platform/workflow.js';
import * as repo from './repository.js';
import { followUpDefaultDeadline } from './rules.js';
import { subjectSource, type SubjectAccess, type SubjectInfo } from './subjects.js';
import { followUpWorkflow, type FollowUpParty, type FollowUpStep } from './workflow.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const ids = (people: { id: string }[]) => people.map((p) => p.id);
const ownUnit = (ctx: ActorContext) => (ctx.actor.role === 'handling_unit' ? ctx.actor.handlingUnitId : null);

function standingOf(ctx: ActorContext, task: repo.TaskRow, access: SubjectAccess | null): Standing<FollowUpParty, never> {
  const unit = ownUnit(ctx);
  const party = unit && unit === task.unitId ? 'responsible' : access?.manage ? 'manager' : null;
  return { role: ctx.actor.role, party };
}

export function presentTask(task: repo.TaskRow, standing: Standing<FollowUpParty, never> | null, now = clock.now()): FollowUpTask {
  const state = task.state as FollowUpState;
  return {
    id: task.id,
    subjectType: task.subjectType as FollowUpTask['subjectType'],
    subjectId: task.subjectId,
    origin: task.origin,
    title: task.title,
    unitId: task.unitId,
    responsible: task.responsible,
    dueOn: task.dueOn,
    dueProvisional: isProvisional(task.dueOn),
    overdue: state === 'open' && isOverdue(endOfChinaDay(task.dueOn), now),
    overdueNotifiedAt: iso(task.overdueNotifiedAt),
    state,
    stateLabel: followUpStateLabel[state],
    evidence: task.evidence,
    doneAt: iso(task.doneAt),
    doneByName: task.doneByName,
    returnReason: task.returnReason,
    createdAt: task.createdAt.toISOString(),
    allowedActions: standing ? followUpWorkflow.allowedActions(state, standing) : [],
  };
}

/**
 * The tasks of an item the actor sees through its owning module; a handling unit that does not see the item
 * still sees (and reports on) the tasks given to it.
 */
export async function listTasks(db: Executor, ctx: ActorContext, subject: FollowUpSubject): Promise<FollowUpTaskList> {
  const access = await subjectSource(subject.subjectType).access(db, ctx, subject.subjectId);
  const unit = ownUnit(ctx);
  if (!access && !unit) throw notFound('落实任务所属事项', subject);
  const rows = await repo.tasksOfSubject(db, subject.subjectType, subject.subjectId, access ? undefined : unit!);
  if (!access && !rows.length) throw notFound('落实任务所属事项', subject);
  const now = clock.now();
  return {
    items: rows.map((t) => presentTask(t, standingOf(ctx, t, access), now)),
    canCreate: !!access?.manage && !access.addRefusal,
  };
}

/** The tasks of an item for the owning module's own documents (the resolution lists its tasks); no access check. */
export async function tasksOf(db: Executor, subject: FollowUpSubject): Promise<FollowUpTask[]> {
  const now = clock.now();
  return (await repo.tasksOfSubject(db, subject.subjectType, subject.subjectId)).map((t) => presentTask(t, null, now));
}

async function requireInfo(db: Executor, subject: FollowUpSubject): Promise<SubjectInfo> {
  const info = await subjectSource(subject.subjectType).describe(db, subject.subjectId);
  if (!info) throw notFound('落实任务所属事项', subject);
  return info;
}

/**
 * A named date (not in the past), a number of working days from today, or the subject's rule in force;
 * with the number of working days when it was counted in them (recounted when a year's calendar is entered).
 */
async function dueOnOf(
  tx: Executor,
  subject: FollowUpSubject,
  info: SubjectInfo,
  task: Pick<FollowUpTaskFields, 'dueOn' | 'workingDays'>,
): Promise<{ dueOn: string; dueWorkingDays: number | null; dueNamed: boolean }> {
  const now = clock.now();
  if (task.dueOn) {
    if (task.dueOn < chinaDate(now))
      throw new DomainError('FOLLOW_UP_DUE_PAST', '完成期限不能早于今天', { fields: [{ path: 'dueOn', message: '完成期限不能早于今天' }] });
    return { dueOn: task.dueOn, dueWorkingDays: null, dueNamed: true };
  }
  const key = subjectSource(subject.subjectType).deadlineRule ?? followUpDefaultDeadline.key;
  const rule = task.workingDays
    ? { amount: task.workingDays, unit: 'working_days' as const }
    : await ruleInForce(tx, await repo.bodyPath(tx, info.bodyId), key);
  return { dueOn: dueDate(now, rule), dueWorkingDays: rule.unit === 'working_days' ? rule.amount : null, dueNamed: false };
}

/** A task as the owning module hands it over: the unit (already checked by the module) or a named responsible. */
export interface NewFollowUp {
  title: string;
  unitId: string | null;
  responsible: string;
  dueOn?: string | null;
  workingDays?: number | null;
}

/**
 * Creates tasks on an item inside the caller's transaction, audits each and tells each responsible unit once.
 * For the owning module, which has authorised the actor (an inspecting deputy, staff); `origin` says what
 * raised them. Returns the tasks as stored.
 */
export async function addTasks(
  tx: Tx,
  notifier: Notifier,
  ctx: ActorContext,
  subject: FollowUpSubject,
  tasks: readonly NewFollowUp[],
  origin: string | null = null,
) {
  if (!tasks.length) return [];
  const info = await requireInfo(tx, subject);
  const now = clock.now();
  const rows: repo.NewTask[] = [];
  for (const t of tasks)
    rows.push({
      bodyId: info.bodyId,
      ...subject,
      origin,
      title: t.title,
      unitId: t.unitId,
      responsible: t.responsible,
      ...(await dueOnOf(tx, subject, info, { dueOn: t.dueOn ?? null, workingDays: t.workingDays ?? null })),
      state: 'open',
      createdBy: ctx.actor.id,
      createdAt: now,
    });
  const created = await repo.insertTasks(tx, rows);
  for (const task of created)
    await recordAudit(tx, ctx, {
      entity: 'follow_up_task',
      entityId: task.id,
      bodyId: task.bodyId,
      action: 'create',
      after: { ...subject, origin, title: task.title, unitId: task.unitId, responsible: task.responsible, dueOn: task.dueOn },
    });
  const byUnit = new Map<string, repo.TaskRow[]>();
  for (const t of created) if (t.unitId) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
  const notices: Notice[] = [];
  for (const [unitId, mine] of byUnit) {
    const due = [...new Set(mine.map((t) => t.dueOn))].sort();
    notices.push({
      userIds: ids(await usersOfUnit(tx, unitId)),
      title: `落实任务：${info.title}`,
      body:
        mine.length === 1
          ? `《${info.title}》交由贵单位落实：${mine[0]!.title}，请于 ${mine[0]!.dueOn} 前落实并报告。`
          : `《${info.title}》交由贵单位落实 ${mine.length} 项任务，请于 ${due.join('、')} 前落实并报告。`,
    });
  }
  await sendNotices(tx, notifier, notices, info.link);
  return created;
}

/** The one create route: the owning module says whether the actor manages the item and whether tasks may be added now. */
export async function createTask(db: Db, notifier: Notifier, ctx: ActorContext, input: FollowUpTaskInput): Promise<FollowUpTask> {
  return db.transaction(async (tx) => {
    const subject = { subjectType: input.subjectType, subjectId: input.subjectId };
    const access = await subjectSource(subject.subjectType).access(tx, ctx, subject.subjectId);
    if (!access) throw notFound('落实任务所属事项', subject);
    if (!access.manage) throw new DomainError('FOLLOW_UP_FORBIDDEN', '只有负责此事项的工作人员可以布置落实任务', undefined, 403);
    if (access.addRefusal) throw new DomainError('FOLLOW_UP_NOT_NOW', access.addRefusal, subject, 409);
    let responsible = input.responsible ?? '';
    if (input.unitId) {
      const unit = await findUnitInScope(tx, ctx.actor, input.unitId);
      if (!unit) throw notFound('责任单位', { unitId: input.unitId });
      if (!unit.active) throw new DomainError('UNIT_INACTIVE', `${unit.name}已停用，不能作为责任单位`);
      responsible = unit.name;
    }
    const [task] = await addTasks(tx, notifier, ctx, subject, [{ ...input, responsible }], access.origin ?? null);
    return presentTask(task!, standingOf(ctx, task!, access));
  });
}

// ---- complete and reopen on the one engine ----
type Loaded = { task: repo.TaskRow; info: SubjectInfo; access: SubjectAccess | null };

const machine: Machine<Loaded, FollowUpState, FollowUpAction, FollowUpParty, never, FollowUpStep, FollowUpActionInput> = {
  workflow: followUpWorkflow,
  entity: 'follow_up_task',
  async load(tx, ctx, id) {
    const task = await repo.getTask(tx, id, true);
    if (!task) throw notFound('落实任务', { id });
    const subject = { subjectType: task.subjectType as FollowUpSubject['subjectType'], subjectId: task.subjectId };
    const access = await subjectSource(subject.subjectType).access(tx, ctx, task.subjectId);
    // The responsible unit reaches its own task even where it does not see the item.
    if (!access && (!ownUnit(ctx) || ownUnit(ctx) !== task.unitId)) throw notFound('落实任务', { id });
    return { task, info: await requireInfo(tx, subject), access };
  },
  stateOf: (l) => l.task.state as FollowUpState,
  bodyOf: (l) => l.task.bodyId,
  standing: async (_tx, ctx, l) => standingOf(ctx, l.task, l.access),
  effects: {
    complete: async ({ tx, ctx, item, input, now }) => ({
      patch: {
        task: {
          ...item.task,
          evidence: input.evidence!,
          doneAt: now,
          doneBy: ctx.actor.id,
          doneByName: ctx.actor.displayName,
          returnReason: null,
        },
      },
      detail: { evidence: input.evidence },
      notices: [
        {
          userIds: ctx.actor.role === 'handling_unit' ? ids(await staffOfBody(tx, item.task.bodyId)) : [],
          title: '落实任务已报告',
          body: `${item.task.responsible}报告《${item.info.title}》的任务“${item.task.title}”已落实：${input.evidence}`,
        },
      ],
    }),
    reopen: async ({ tx, item, input, now }) => {
      if (input.dueOn && input.dueOn < chinaDate(now))
        throw new DomainError('FOLLOW_UP_DUE_PAST', '完成期限不能早于今天', {
          fields: [{ path: 'dueOn', message: '完成期限不能早于今天' }],
        });
      const dueOn = input.dueOn ?? item.task.dueOn;
      return {
        patch: {
          task: {
            ...item.task,
            dueOn,
            // A named new date is no longer counted in working days.
            dueWorkingDays: input.dueOn ? null : item.task.dueWorkingDays,
            dueNamed: input.dueOn ? true : item.task.dueNamed,
            doneAt: null,
            doneBy: null,
            doneByName: null,
            returnReason: input.reason!,
            overdueNotifiedAt: null,
          },
        },
        detail: { reason: input.reason, dueOn },
        notices: [
          {
            userIds: item.task.unitId ? ids(await usersOfUnit(tx, item.task.unitId)) : [],
            title: '落实任务被退回',
            body: `《${item.info.title}》的任务“${item.task.title}”被退回：${input.reason}。请于 ${dueOn} 前重新落实并报告。`,
          },
        ],
      };
    },
  },
  async save(tx, item, to, patch) {
    const { id, ...columns } = { ...(patch.task ?? item.task), state: to };
    return { ...item, task: await repo.updateTask(tx, id, columns) };
  },
  link: (l) => l.info.link,
};

export async function act(db: Db, notifier: Notifier, ctx: ActorContext, id: string, action: FollowUpAction, input: FollowUpActionInput) {
  return db.transaction(async (tx) => {
    const { after } = await applyAction(tx, notifier, machine, ctx, id, action, input);
    return presentTask(after.task, standingOf(ctx, after.task, after.access));
  });
}
