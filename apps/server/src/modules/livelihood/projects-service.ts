import {
  livelihoodCategoryLabel,
  projectStateLabel,
  type CandidateInput,
  type CandidateUpdate,
  type GroupInput,
  type InspectionInput,
  type LivelihoodCategory,
  type MilestoneInput,
  type Page,
  type Project,
  type ProjectAction,
  type ProjectActionInput,
  type ProjectDetail,
  type ProjectQuery,
  type ProjectState,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext, RequestContext } from '../../platform/context.js';
import { workbook } from '../../platform/documents.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { pageResult } from '../../platform/pagination.js';
import { staffOfBody, usersOfUnit } from '../../platform/recipients.js';
import { findUnitInScope } from '../../platform/scope.js';
import { applyAction, type ActingRole, type Effect, type Machine, type Notice, type Standing } from '../../platform/workflow.js';
import { addFollowUps, type FollowUpSubjectSource } from '../followups/index.js';
import * as repo from './repository.js';
import { proposalMachine } from './proposals-service.js';
import { followUpDeadline, quarterOf } from './rules.js';
import { requireCycle, today } from './service.js';
import { projectWorkflow } from './workflow.js';

/** A handling unit sees and acts only on the projects it carries out. */
export const ownProjects = (ctx: RequestContext): repo.OwnProjects =>
  ctx.actor?.role === 'handling_unit' ? { unitId: ctx.actor.handlingUnitId ?? '00000000-0000-0000-0000-000000000000' } : {};

export function presentProject(r: repo.ProjectListRow, ctx: RequestContext): Project {
  const p = r.project;
  const state = p.state as ProjectState;
  return {
    id: p.id,
    cycleId: p.cycleId,
    bodyId: p.bodyId,
    bodyName: r.bodyName,
    year: r.year,
    name: p.name,
    content: p.content,
    location: p.location,
    regionCode: p.regionCode,
    regionName: r.regionName,
    budget: p.budget,
    unitId: p.unitId,
    unitName: r.unitName,
    target: p.target,
    dueOn: p.dueOn,
    category: p.category as LivelihoodCategory,
    state,
    stateLabel: projectStateLabel[state],
    votes: p.votes,
    rank: p.rank,
    progress: p.progress,
    satisfaction: p.satisfaction,
    completedOn: p.completedOn,
    allowedActions: ctx.actor ? projectWorkflow.allowedActions(state, standingOf(ctx, p)) : [],
  };
}

function standingOf(ctx: RequestContext, p: repo.ProjectRow): Standing<'responsible', never> {
  const role: ActingRole = ctx.actor?.role ?? 'citizen';
  return { role, party: role === 'handling_unit' && ctx.actor?.handlingUnitId === p.unitId ? ('responsible' as const) : null };
}

export async function pageProjects(db: Db, ctx: ActorContext, q: ProjectQuery): Promise<Page<Project>> {
  const { rows, total } = await repo.pageProjects(db, ctx.actor, ownProjects(ctx), q);
  return pageResult(
    rows.map((r) => presentProject(r, ctx)),
    total,
    q,
  );
}

export async function exportProjects(db: Db, ctx: ActorContext, q: Omit<ProjectQuery, 'page' | 'pageSize'>) {
  const { rows } = await repo.pageProjects(db, ctx.actor, ownProjects(ctx), { ...q, page: 1, pageSize: 200 }, true);
  const items = rows.map((r) => presentProject(r, ctx));
  return workbook(
    '民生实事项目',
    [
      { header: '人大', key: 'body', width: 24, value: (p: Project) => p.bodyName },
      { header: '年度', key: 'year', width: 8, value: (p: Project) => p.year },
      { header: '项目名称', key: 'name', width: 32, value: (p: Project) => p.name },
      { header: '类别', key: 'category', width: 12, value: (p: Project) => livelihoodCategoryLabel[p.category] },
      { header: '实施地点', key: 'location', width: 24, value: (p: Project) => p.location },
      { header: '预算（万元）', key: 'budget', width: 12, value: (p: Project) => p.budget },
      { header: '责任单位', key: 'unit', width: 24, value: (p: Project) => p.unitName },
      { header: '完成目标', key: 'target', width: 40, value: (p: Project) => p.target },
      { header: '完成时限', key: 'dueOn', width: 12, value: (p: Project) => p.dueOn },
      { header: '状态', key: 'state', width: 16, value: (p: Project) => p.stateLabel },
      { header: '得票', key: 'votes', width: 8, value: (p: Project) => p.votes ?? '' },
      { header: '进度（%）', key: 'progress', width: 10, value: (p: Project) => p.progress },
      { header: '满意度（%）', key: 'satisfaction', width: 12, value: (p: Project) => p.satisfaction ?? '' },
    ],
    items,
  );
}

async function requireProject(db: Executor, ctx: RequestContext, id: string, forUpdate = false) {
  const row = ctx.actor
    ? await repo.getProject(db, ctx.actor, ownProjects(ctx), id, forUpdate)
    : await repo.getProject(db, { bodyPath: '/' }, {}, id, forUpdate);
  if (!row) throw notFound('民生实事项目', { id });
  return row;
}

/** A project chosen by the vote and not yet through its evaluation: inspected, with follow-up tasks. */
const isUnderWay = (state: string) => ['chosen', 'completed', 'rectifying'].includes(state);

export const forbiddenStep = () => forbidden('只有工作人员或责任单位可以登记节点完成');

/** Staff, or a deputy of the project's supervision group (一件一小组), record inspections. */
async function mayInspect(db: Executor, ctx: ActorContext, group: { deputyId: string; userId: string | null }[]) {
  if (ctx.actor.role === 'staff') return true;
  if (ctx.actor.role !== 'deputy') return false;
  return group.some((m) => m.userId === ctx.actor.id);
}

export async function getProject(db: Executor, ctx: ActorContext, id: string): Promise<ProjectDetail> {
  const row = await requireProject(db, ctx, id);
  const [group, milestones, inspections, proposals] = await Promise.all([
    repo.groupOf(db, id),
    repo.milestonesOf(db, id),
    repo.inspectionsOf(db, id),
    repo.proposalsOfProject(db, id),
  ]);
  const inspectable = isUnderWay(row.project.state);
  return {
    ...presentProject(row, ctx),
    group: group.map(({ deputyId, name, leader }) => ({ deputyId, name, leader })),
    milestones: milestones.map(({ id: mid, title, dueOn, doneOn }) => ({ id: mid, title, dueOn, doneOn })),
    inspections: inspections.map((i) => ({
      id: i.id,
      quarter: i.quarter,
      inspectedOn: i.inspectedOn,
      progress: i.progress,
      findings: i.findings,
      problems: i.problems,
      recordedByName: null,
    })),
    completionReport: row.project.completionReport,
    proposals: proposals.map((p) => ({ id: p.id, title: p.title, sourceLabel: p.source })),
    canInspect: inspectable && (await mayInspect(db, ctx, group)),
    canManage: ctx.actor.role === 'staff',
  };
}

// ---- the candidate list (screening) ----
function requireScreening(cycle: repo.CycleListRow) {
  if (cycle.cycle.state !== 'screening')
    throw new DomainError('LIVELIHOOD_NOT_SCREENING', '只有在筛选阶段才能调整候选项目（候选项目确定后不再变动）', undefined, 409);
}

async function requireUnit(db: Executor, ctx: ActorContext, unitId: string) {
  const unit = await findUnitInScope(db, ctx.actor, unitId);
  if (!unit) throw notFound('责任单位', { unitId });
  if (!unit.active) throw new DomainError('UNIT_INACTIVE', `${unit.name}已停用，不能作为责任单位`);
  return unit;
}

export async function createCandidate(db: Db, notifier: Notifier, ctx: ActorContext, input: CandidateInput) {
  return db.transaction(async (tx) => {
    const cycle = await requireCycle(tx, ctx, input.cycleId);
    requireScreening(cycle);
    await requireUnit(tx, ctx, input.unitId);
    const { proposalIds, ...fields } = input;
    const id = await repo.insertProject(tx, { ...fields, bodyId: cycle.cycle.bodyId, state: 'candidate', createdAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'livelihood_project', entityId: id, bodyId: cycle.cycle.bodyId, action: 'create', after: input });
    for (const proposalId of new Set(proposalIds))
      await applyAction(tx, notifier, proposalMachine, ctx, proposalId, 'adopt', { projectId: id });
    return getProject(tx, ctx, id);
  });
}

export async function updateCandidate(db: Db, ctx: ActorContext, id: string, input: CandidateUpdate) {
  return db.transaction(async (tx) => {
    const row = await requireProject(tx, ctx, id, true);
    requireScreening(await requireCycle(tx, ctx, row.project.cycleId));
    await requireUnit(tx, ctx, input.unitId);
    await repo.updateProject(tx, id, { ...input, updatedAt: clock.now() });
    await recordAudit(tx, ctx, { entity: 'livelihood_project', entityId: id, bodyId: row.project.bodyId, action: 'update', after: input });
    return getProject(tx, ctx, id);
  });
}

/** A candidate taken off the list while screening; its proposals go back to be screened again. */
export async function deleteCandidate(db: Db, ctx: ActorContext, id: string) {
  await db.transaction(async (tx) => {
    const row = await requireProject(tx, ctx, id, true);
    requireScreening(await requireCycle(tx, ctx, row.project.cycleId));
    await repo.deleteProject(tx, id);
    await recordAudit(tx, ctx, {
      entity: 'livelihood_project',
      entityId: id,
      bodyId: row.project.bodyId,
      action: 'delete',
      before: row.project,
    });
  });
}

// ---- implementation: group, milestones, inspections, follow-up tasks ----
const underWay = (row: repo.ProjectListRow) => {
  if (!isUnderWay(row.project.state))
    throw new DomainError('LIVELIHOOD_NOT_UNDER_WAY', '只有票决选中的项目才能组织监督和督查', undefined, 409);
};

/** 一件一小组: staff name the deputies (of the congress that chose the project) who supervise it. */
export async function setGroup(db: Db, ctx: ActorContext, id: string, input: GroupInput) {
  return db.transaction(async (tx) => {
    const row = await requireProject(tx, ctx, id, true);
    underWay(row);
    const found = await repo.deputiesOfBody(tx, row.project.bodyId, input.deputyIds);
    if (found.length !== new Set(input.deputyIds).size)
      throw new DomainError('LIVELIHOOD_GROUP_NOT_DEPUTIES', `监督小组成员须是${row.bodyName}在任代表`, undefined, 400);
    await repo.replaceGroup(
      tx,
      id,
      found.map((d) => ({ deputyId: d.id, leader: d.id === input.leaderId })),
    );
    await recordAudit(tx, ctx, {
      entity: 'livelihood_project',
      entityId: id,
      bodyId: row.project.bodyId,
      action: 'set_group',
      after: input,
    });
    return getProject(tx, ctx, id);
  });
}

export async function addMilestone(db: Db, ctx: ActorContext, id: string, input: MilestoneInput) {
  return db.transaction(async (tx) => {
    const row = await requireProject(tx, ctx, id, true);
    underWay(row);
    const m = await repo.insertMilestone(tx, { projectId: id, ...input, createdAt: clock.now() });
    await recordAudit(tx, ctx, {
      entity: 'livelihood_project',
      entityId: id,
      bodyId: row.project.bodyId,
      action: 'add_milestone',
      after: m,
    });
    return getProject(tx, ctx, id);
  });
}

export async function milestoneDone(db: Db, ctx: ActorContext, milestoneId: string, doneOn: string) {
  return db.transaction(async (tx) => {
    const m = await repo.getMilestone(tx, milestoneId);
    if (!m) throw notFound('实施节点', { milestoneId });
    const row = await requireProject(tx, ctx, m.projectId, true);
    if (doneOn > today()) throw new DomainError('LIVELIHOOD_DATE_FUTURE', '完成日期不能晚于今天');
    await repo.markMilestoneDone(tx, milestoneId, doneOn);
    await recordAudit(tx, ctx, {
      entity: 'livelihood_project',
      entityId: m.projectId,
      bodyId: row.project.bodyId,
      action: 'milestone_done',
      after: { milestoneId, doneOn },
    });
    return getProject(tx, ctx, m.projectId);
  });
}

/**
 * 一季一督查 (seed 003): progress, what was seen, the problems found, and follow-up tasks for the responsible
 * unit, each due by the deadline rule in force (working days on the official calendar).
 */
export async function recordInspection(db: Db, notifier: Notifier, ctx: ActorContext, id: string, input: InspectionInput) {
  return db.transaction(async (tx) => {
    const row = await requireProject(tx, ctx, id, true);
    underWay(row);
    if (!(await mayInspect(tx, ctx, await repo.groupOf(tx, id)))) throw forbidden('只有工作人员或本项目代表监督小组成员可以登记督查');
    if (input.inspectedOn > today()) throw new DomainError('LIVELIHOOD_DATE_FUTURE', '督查日期不能晚于今天');
    const now = clock.now();
    const inspectionId = await repo.insertInspection(tx, {
      projectId: id,
      quarter: quarterOf(input.inspectedOn),
      inspectedOn: input.inspectedOn,
      progress: input.progress,
      findings: input.findings,
      problems: input.problems,
      recordedBy: ctx.actor.id,
      createdAt: now,
    });
    await repo.updateProject(tx, id, { progress: input.progress, updatedAt: now });
    await recordAudit(tx, ctx, {
      entity: 'livelihood_inspection',
      entityId: inspectionId,
      bodyId: row.project.bodyId,
      action: 'inspect',
      after: { projectId: id, ...input },
    });
    // The problems found become the unit's follow-up tasks, due by the body's rule (followUpDeadline).
    await addFollowUps(
      tx,
      notifier,
      ctx,
      { subjectType: 'livelihood_project', subjectId: id },
      input.tasks.map((title) => ({ title, unitId: row.project.unitId, responsible: row.unitName })),
      inspectionId,
    );
    return getProject(tx, ctx, id);
  });
}

/** Attachments (inspection photos) are seen by whoever sees the project. */
export async function inspectionOwner(db: Executor, ctx: ActorContext, inspectionId: string) {
  const projectId = await repo.projectOfInspection(db, inspectionId);
  if (!projectId) return null;
  const row = await repo.getProject(db, ctx.actor, ownProjects(ctx), projectId);
  return row ? { bodyId: row.project.bodyId } : null;
}

/**
 * The project as the follow-up component asks for it: whoever sees the project sees its tasks (a unit only its
 * own projects), staff manage them, and tasks are set only while the project is carried out.
 */
export const projectFollowUps: FollowUpSubjectSource = {
  deadlineRule: followUpDeadline.key,
  async describe(db, id) {
    const row = await repo.getProject(db, { bodyPath: '/' }, {}, id);
    return row && { bodyId: row.project.bodyId, title: row.project.name, link: `/livelihood-projects/projects/${id}` };
  },
  async access(db, ctx, id) {
    const row = await repo.getProject(db, ctx.actor, ownProjects(ctx), id);
    if (!row) return null;
    return { manage: ctx.actor.role === 'staff', addRefusal: isUnderWay(row.project.state) ? null : '只有票决选中的项目才能布置整改任务' };
  },
};

// ---- the project's steps on the one engine ----
type Item = repo.ProjectListRow;
type Step = (typeof projectWorkflow.transitions)[number];
type ProjectEffect = Effect<Item, Step, ProjectAction, ProjectActionInput, RequestContext>;

/** The citizens who proposed the project (directly or through an opinion) and left a phone hear of it by SMS. */
async function proposersSms(tx: Executor, item: Item, what: string): Promise<Notice[]> {
  const phones = (await repo.proposalsOfProject(tx, item.project.id)).map((p) => p.phone).filter((p): p is string => !!p);
  if (!phones.length) return [];
  return [
    {
      userIds: [],
      title: '',
      body: '',
      sms: {
        phones,
        body: `【${item.bodyName}】您提出的民生实事项目建议“${item.project.name}”${what}，感谢您的参与。`,
        bodyId: item.project.bodyId,
      },
    },
  ];
}

const staffNotice = async (tx: Executor, item: Item, body: string): Promise<Notice> => ({
  userIds: (await staffOfBody(tx, item.project.bodyId)).map((u) => u.id),
  title: '民生实事项目',
  body,
});

const report = (item: Item, input: ProjectActionInput) => {
  if (input.completedOn! > today()) throw new DomainError('LIVELIHOOD_DATE_FUTURE', '完成日期不能晚于今天');
  return { ...item.project, completionReport: input.report ?? null, completedOn: input.completedOn ?? null, progress: 100 };
};

const effects: Partial<Record<ProjectAction, ProjectEffect>> = {
  choose: async ({ tx, item }) => ({
    notices: await proposersSms(tx, item, `已经${item.year}年人民代表大会代表票决确定为民生实事项目`),
  }),
  reportCompletion: async ({ tx, item, input }) => ({
    patch: { project: report(item, input) },
    detail: { completedOn: input.completedOn },
    notices: [
      await staffNotice(tx, item, `${item.unitName}报告“${item.project.name}”已完成。`),
      ...(await proposersSms(tx, item, '已完成')),
    ],
  }),
  reportRectified: async ({ tx, item, input }) => ({
    patch: { project: report(item, input) },
    detail: { completedOn: input.completedOn },
    notices: [await staffNotice(tx, item, `${item.unitName}报告“${item.project.name}”测评后整改已完成。`)],
  }),
  rectify: async ({ tx, item }) => ({
    notices: [
      {
        userIds: (await usersOfUnit(tx, item.project.unitId)).map((u) => u.id),
        title: '民生实事项目测评未通过',
        body: `“${item.project.name}”年终满意度测评未通过，请整改后报告整改情况。`,
      },
    ],
  }),
};

export const projectMachine: Machine<Item, ProjectState, ProjectAction, 'responsible', never, Step, ProjectActionInput, RequestContext> = {
  workflow: projectWorkflow,
  entity: 'livelihood_project',
  load: (tx, ctx, id) => requireProject(tx, ctx, id, true),
  stateOf: (p) => p.project.state as ProjectState,
  bodyOf: (p) => p.project.bodyId,
  standing: async (_tx, ctx, item) => standingOf(ctx, item.project),
  effects,
  async save(tx, item, to, patch, now) {
    const project = { ...item.project, ...(patch.project ?? {}), state: to, updatedAt: now };
    const { id: _id, ...columns } = project;
    await repo.updateProject(tx, item.project.id, columns);
    return { ...item, project };
  },
  link: (p) => `/livelihood-projects/projects/${p.project.id}`,
};

export async function actOnProject(
  db: Db,
  notifier: Notifier,
  ctx: ActorContext,
  id: string,
  action: ProjectAction,
  input: ProjectActionInput,
) {
  return db.transaction(async (tx) => {
    await applyAction(tx, notifier, projectMachine, ctx, id, action, input);
    return getProject(tx, ctx, id);
  });
}
