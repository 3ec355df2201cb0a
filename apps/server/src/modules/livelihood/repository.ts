import { and, asc, count, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { CycleQuery, ProjectQuery, ProposalQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { bodies, handlingUnits, regions } from '../../db/schema.js';
import { offsetOf } from '../../platform/pagination.js';
import { bodyAndAncestors, inScope, likeContains, pathInScope, type Scope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import {
  livelihoodCycles as cycles,
  livelihoodGroupMembers as groupMembers,
  livelihoodInspections as inspections,
  livelihoodMilestones as milestones,
  livelihoodProjects as projects,
  livelihoodProposals as proposals,
  livelihoodSettings as settings,
  livelihoodProjects,
  livelihoodProposals,
} from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type CycleRow = typeof cycles.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;

// ---- cycles ----
const cycleFigures = {
  proposalCount: sql<number>`(SELECT count(*)::int FROM ${proposals} WHERE ${proposals.cycleId} = ${cycles.id})`,
  candidateCount: sql<number>`(SELECT count(*)::int FROM ${projects} WHERE ${projects.cycleId} = ${cycles.id})`,
  chosenCount: sql<number>`(SELECT count(*)::int FROM ${projects} WHERE ${projects.cycleId} = ${cycles.id} AND ${projects.votes} IS NOT NULL AND ${projects.state} NOT IN ('candidate','not_chosen'))`,
  completedCount: sql<number>`(SELECT count(*)::int FROM ${projects} WHERE ${projects.cycleId} = ${cycles.id} AND ${projects.state} IN ('completed','satisfied'))`,
  budget: sql<number>`(SELECT coalesce(sum(${projects.budget}), 0)::float FROM ${projects} WHERE ${projects.cycleId} = ${cycles.id} AND ${projects.state} NOT IN ('candidate','not_chosen'))`,
};
const cycleColumns = {
  cycle: cycles,
  bodyName: bodies.name,
  bodyLevel: bodies.level,
  bodyPath: bodies.path,
  regionCode: bodies.regionCode,
  ...cycleFigures,
};
export type CycleListRow = {
  cycle: CycleRow;
  bodyName: string;
  bodyLevel: string;
  bodyPath: string;
  regionCode: string;
  proposalCount: number;
  candidateCount: number;
  chosenCount: number;
  completedCount: number;
  budget: number;
};
const cycleSelect = (db: Executor) => db.select(cycleColumns).from(cycles).innerJoin(bodies, eq(bodies.id, cycles.bodyId));

export async function pageCycles(db: Executor, scope: Scope, q: CycleQuery) {
  const where = and(
    inScope(cycles.bodyId, scope),
    q.year ? eq(cycles.year, q.year) : undefined,
    q.bodyId ? eq(cycles.bodyId, q.bodyId) : undefined,
    q.state ? eq(cycles.state, q.state) : undefined,
  );
  const rows = await cycleSelect(db).where(where).orderBy(desc(cycles.year), asc(bodies.path)).limit(q.pageSize).offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(cycles).where(where);
  return { rows: rows as CycleListRow[], total: total?.n ?? 0 };
}

/** A cycle in the actor's scope (locked for a step), or undefined. */
export async function getCycle(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<CycleListRow | undefined> {
  if (forUpdate) await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, id)).for('update');
  const [row] = await cycleSelect(db).where(and(eq(cycles.id, id), inScope(cycles.bodyId, scope)));
  return row as CycleListRow | undefined;
}

/** Public data only: a cycle by the code of its QR, or by id for the portal. */
export async function findPublicCycle(db: Executor, by: { publicCode?: string; id?: string }): Promise<CycleListRow | undefined> {
  const [row] = await cycleSelect(db).where(by.publicCode ? eq(cycles.publicCode, by.publicCode) : eq(cycles.id, by.id!));
  return row as CycleListRow | undefined;
}

/** The cycle a vote belongs to (its candidate vote, run-off or evaluation), found by the vote itself. */
export async function findCycleOfVote(db: Executor, voteId: string): Promise<CycleListRow | undefined> {
  const [row] = await cycleSelect(db).where(
    or(eq(cycles.voteId, voteId), eq(cycles.runoffVoteId, voteId), eq(cycles.evaluationVoteId, voteId)),
  );
  return row as CycleListRow | undefined;
}

export async function findPublicCycles(db: Executor, year: number) {
  return (await cycleSelect(db).where(eq(cycles.year, year)).orderBy(asc(bodies.path))) as CycleListRow[];
}

export async function findCycleOfBody(db: Executor, bodyId: string, year: number) {
  const [row] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.bodyId, bodyId), eq(cycles.year, year)));
  return row;
}

export async function insertCycle(db: Executor, row: typeof cycles.$inferInsert) {
  const [created] = await db.insert(cycles).values(row).returning({ id: cycles.id });
  return created!.id;
}

export async function updateCycle(db: Executor, id: string, patch: Partial<CycleRow>) {
  await db.update(cycles).set(patch).where(eq(cycles.id, id));
}

// ---- settings ----
/** The settings in force for a body: its own row, else the nearest ancestor's; undefined for the default. */
export async function settingsInForce(db: Executor, bodyPath: string) {
  const ancestors = bodyAndAncestors(bodyPath).reverse();
  const rows = await db
    .select({ s: settings, bodyName: bodies.name })
    .from(settings)
    .innerJoin(bodies, eq(bodies.id, settings.bodyId))
    .where(inArray(settings.bodyId, ancestors));
  for (const id of ancestors) {
    const row = rows.find((r) => r.s.bodyId === id);
    if (row) return row;
  }
  return undefined;
}

export async function upsertSettings(db: Executor, row: typeof settings.$inferInsert) {
  await db.insert(settings).values(row).onConflictDoUpdate({ target: settings.bodyId, set: row });
}

// ---- proposals ----
const proposalColumns = {
  proposal: proposals,
  bodyName: bodies.name,
  year: cycles.year,
  projectName: projects.name,
};
export type ProposalListRow = { proposal: ProposalRow; bodyName: string; year: number; projectName: string | null };
const proposalSelect = (db: Executor) =>
  db
    .select(proposalColumns)
    .from(proposals)
    .innerJoin(cycles, eq(cycles.id, proposals.cycleId))
    .innerJoin(bodies, eq(bodies.id, proposals.bodyId))
    .leftJoin(projects, eq(projects.id, proposals.projectId));

/** Who proposes sees their own proposals; staff and leaders all of their scope. */
export interface OwnProposals {
  submittedBy?: string;
}

export async function pageProposals(db: Executor, scope: Scope, own: OwnProposals, q: ProposalQuery) {
  const where = and(
    inScope(proposals.bodyId, scope),
    own.submittedBy ? eq(proposals.submittedBy, own.submittedBy) : undefined,
    q.cycleId ? eq(proposals.cycleId, q.cycleId) : undefined,
    q.state ? eq(proposals.state, q.state) : undefined,
    q.source ? eq(proposals.source, q.source) : undefined,
    q.category ? eq(proposals.category, q.category) : undefined,
    q.q ? or(like(proposals.title, likeContains(q.q)), like(proposals.content, likeContains(q.q))) : undefined,
  );
  const rows = await proposalSelect(db).where(where).orderBy(desc(proposals.createdAt)).limit(q.pageSize).offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(proposals).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function getProposal(db: Executor, scope: Scope, id: string, forUpdate = false) {
  if (forUpdate) await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, id)).for('update');
  const [row] = await proposalSelect(db).where(and(eq(proposals.id, id), inScope(proposals.bodyId, scope)));
  return row;
}

export async function insertProposal(db: Executor, row: typeof proposals.$inferInsert) {
  const [created] = await db.insert(proposals).values(row).onConflictDoNothing().returning({ id: proposals.id });
  return created?.id;
}

export async function findByClientToken(db: Executor, cycleId: string, clientToken: string) {
  const [row] = await db
    .select({ trackingCode: proposals.trackingCode, createdAt: proposals.createdAt })
    .from(proposals)
    .where(and(eq(proposals.cycleId, cycleId), eq(proposals.clientToken, clientToken)));
  return row;
}

export async function updateProposal(db: Executor, id: string, patch: Partial<ProposalRow>) {
  await db.update(proposals).set(patch).where(eq(proposals.id, id));
}

/** Proposals merged into one follow it into the candidate it becomes. */
export async function followMerged(db: Executor, intoId: string, projectId: string) {
  await db.update(proposals).set({ projectId }).where(eq(proposals.mergedIntoId, intoId));
}

export async function proposalsOfProject(db: Executor, projectId: string) {
  return db
    .select({ id: proposals.id, title: proposals.title, source: proposals.source, phone: proposals.proposerPhone })
    .from(proposals)
    .where(eq(proposals.projectId, projectId))
    .orderBy(asc(proposals.createdAt));
}

/** Public data only: a citizen's proposal by its tracking code. */
export async function findProposalByTracking(db: Executor, code: string) {
  const [row] = await proposalSelect(db).where(eq(proposals.trackingCode, code));
  return row;
}

export async function opinionAlreadyProposed(db: Executor, cycleId: string, opinionId: string) {
  const [row] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.cycleId, cycleId), eq(proposals.opinionId, opinionId)));
  return row;
}

// ---- projects ----
const projectColumns = {
  project: projects,
  bodyName: bodies.name,
  year: cycles.year,
  unitName: handlingUnits.name,
  regionName: regions.name,
};
export type ProjectListRow = { project: ProjectRow; bodyName: string; year: number; unitName: string; regionName: string | null };
const projectSelect = (db: Executor) =>
  db
    .select(projectColumns)
    .from(projects)
    .innerJoin(cycles, eq(cycles.id, projects.cycleId))
    .innerJoin(bodies, eq(bodies.id, projects.bodyId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, projects.unitId))
    .leftJoin(regions, eq(regions.code, projects.regionCode));

/** A handling unit sees only the projects it carries out. */
export interface OwnProjects {
  unitId?: string | null;
}

const projectSortColumn = {
  name: projects.name,
  budget: projects.budget,
  progress: projects.progress,
  votes: projects.votes,
  dueOn: projects.dueOn,
} as const;

function projectWhere(scope: Scope, own: OwnProjects, q: Omit<ProjectQuery, 'page' | 'pageSize' | 'order'>): SQL | undefined {
  return and(
    inScope(projects.bodyId, scope),
    own.unitId ? eq(projects.unitId, own.unitId) : undefined,
    q.cycleId ? eq(projects.cycleId, q.cycleId) : undefined,
    q.year ? eq(cycles.year, q.year) : undefined,
    q.bodyId ? eq(projects.bodyId, q.bodyId) : undefined,
    q.state ? eq(projects.state, q.state) : undefined,
    q.chosen === true ? sql`${projects.state} NOT IN ('candidate','not_chosen')` : undefined,
    q.chosen === false ? sql`${projects.state} IN ('candidate','not_chosen')` : undefined,
    q.category ? eq(projects.category, q.category) : undefined,
    q.q ? or(like(projects.name, likeContains(q.q)), like(projects.location, likeContains(q.q))) : undefined,
  );
}

export async function pageProjects(db: Executor, scope: Scope, own: OwnProjects, q: ProjectQuery, all = false) {
  const where = projectWhere(scope, own, q);
  const column = projectSortColumn[q.sort ?? 'votes'];
  const order = q.order === 'asc' ? sql`${column} ASC NULLS LAST` : sql`${column} DESC NULLS LAST`;
  const base = projectSelect(db).where(where).orderBy(order, asc(projects.name), asc(projects.id));
  const rows = all ? await base : await base.limit(q.pageSize).offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(projects).innerJoin(cycles, eq(cycles.id, projects.cycleId)).where(where);
  return { rows: rows as ProjectListRow[], total: total?.n ?? 0 };
}

export async function getProject(db: Executor, scope: Scope, own: OwnProjects, id: string, forUpdate = false) {
  if (forUpdate) await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).for('update');
  const [row] = await projectSelect(db).where(and(eq(projects.id, id), projectWhere(scope, own, {})));
  return row as ProjectListRow | undefined;
}

/** Public data only: a project's name and state for a citizen's tracking page. */
export async function findPublicProject(db: Executor, id: string) {
  const [row] = await db.select({ name: projects.name, state: projects.state }).from(projects).where(eq(projects.id, id));
  return row;
}

export async function projectsOfCycle(db: Executor, cycleId: string) {
  return (await projectSelect(db)
    .where(eq(projects.cycleId, cycleId))
    .orderBy(sql`${projects.rank} ASC NULLS LAST`, desc(projects.votes), asc(projects.name))) as ProjectListRow[];
}

export async function insertProject(db: Executor, row: typeof projects.$inferInsert) {
  const [created] = await db.insert(projects).values(row).returning({ id: projects.id });
  return created!.id;
}

export async function updateProject(db: Executor, id: string, patch: Partial<ProjectRow>) {
  await db.update(projects).set(patch).where(eq(projects.id, id));
}

export async function deleteProject(db: Executor, id: string) {
  await db.update(proposals).set({ projectId: null, state: 'submitted' }).where(eq(proposals.projectId, id));
  await db.delete(projects).where(eq(projects.id, id));
}

// ---- group, milestones, inspections ----
export async function groupOf(db: Executor, projectId: string) {
  return db
    .select({ deputyId: groupMembers.deputyId, name: deputies.name, leader: groupMembers.leader, userId: deputies.userId })
    .from(groupMembers)
    .innerJoin(deputies, eq(deputies.id, groupMembers.deputyId))
    .where(eq(groupMembers.projectId, projectId))
    .orderBy(desc(groupMembers.leader), asc(deputies.name));
}

export async function replaceGroup(db: Executor, projectId: string, members: { deputyId: string; leader: boolean }[]) {
  await db.delete(groupMembers).where(eq(groupMembers.projectId, projectId));
  if (members.length) await db.insert(groupMembers).values(members.map((m) => ({ projectId, ...m })));
}

/** Deputies in office of the body (the project's group is drawn from the congress that chose it). */
export async function deputiesOfBody(db: Executor, bodyId: string, ids: string[]) {
  return db
    .select({ id: deputies.id, name: deputies.name, userId: deputies.userId })
    .from(deputies)
    .where(and(eq(deputies.bodyId, bodyId), inArray(deputies.id, ids), eq(deputies.status, 'in_office')));
}

/** The deputy records of a user account (a person may sit in several congresses). */
export async function deputyIdsOfUser(db: Executor, userId: string) {
  return (await db.select({ id: deputies.id }).from(deputies).where(eq(deputies.userId, userId))).map((d) => d.id);
}

/** Chosen projects without a supervision group. */
export async function projectsWithoutGroup(db: Executor, cycleId: string) {
  return db
    .select({ name: projects.name })
    .from(projects)
    .where(
      and(
        eq(projects.cycleId, cycleId),
        eq(projects.state, 'chosen'),
        sql`NOT EXISTS (SELECT 1 FROM ${groupMembers} WHERE ${groupMembers.projectId} = ${projects.id})`,
      ),
    );
}

export async function milestonesOf(db: Executor, projectId: string) {
  return db.select().from(milestones).where(eq(milestones.projectId, projectId)).orderBy(asc(milestones.dueOn));
}

export async function insertMilestone(db: Executor, row: typeof milestones.$inferInsert) {
  const [created] = await db.insert(milestones).values(row).returning();
  return created!;
}

export async function getMilestone(db: Executor, id: string) {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, id));
  return row;
}

export async function markMilestoneDone(db: Executor, id: string, doneOn: string) {
  await db.update(milestones).set({ doneOn }).where(eq(milestones.id, id));
}

export async function inspectionsOf(db: Executor, projectId: string) {
  return db.select().from(inspections).where(eq(inspections.projectId, projectId)).orderBy(desc(inspections.inspectedOn));
}

export async function insertInspection(db: Executor, row: typeof inspections.$inferInsert) {
  const [created] = await db.insert(inspections).values(row).returning({ id: inspections.id });
  return created!.id;
}

/** The project an inspection belongs to, for attachments' access check. */
export async function projectOfInspection(db: Executor, inspectionId: string) {
  const [row] = await db.select({ projectId: inspections.projectId }).from(inspections).where(eq(inspections.id, inspectionId));
  return row?.projectId;
}

export async function lastInspections(db: Executor, projectIds: string[]) {
  if (!projectIds.length) return new Map<string, string>();
  const rows = await db
    .select({ projectId: inspections.projectId, last: sql<string>`max(${inspections.inspectedOn})::text` })
    .from(inspections)
    .where(inArray(inspections.projectId, projectIds))
    .groupBy(inspections.projectId);
  return new Map(rows.map((r) => [r.projectId, r.last]));
}

// ---- figures ----
export async function figuresByBody(db: Executor, scope: Scope, year: number) {
  return db
    .select({
      bodyId: bodies.id,
      bodyName: bodies.name,
      level: bodies.level,
      state: cycles.state,
      candidates: sql<number>`count(${projects.id})::int`,
      chosen: sql<number>`count(${projects.id}) FILTER (WHERE ${projects.state} NOT IN ('candidate','not_chosen'))::int`,
      completed: sql<number>`count(${projects.id}) FILTER (WHERE ${projects.state} IN ('completed','satisfied'))::int`,
      budget: sql<number>`coalesce(sum(${projects.budget}) FILTER (WHERE ${projects.state} NOT IN ('candidate','not_chosen')), 0)::float`,
      averageProgress: sql<number>`coalesce(avg(${projects.progress}) FILTER (WHERE ${projects.state} NOT IN ('candidate','not_chosen')), 0)::float`,
      passed: sql<number>`count(${projects.id}) FILTER (WHERE ${projects.state} = 'satisfied')::int`,
      rectifying: sql<number>`count(${projects.id}) FILTER (WHERE ${projects.state} = 'rectifying')::int`,
    })
    .from(cycles)
    .innerJoin(bodies, eq(bodies.id, cycles.bodyId))
    .leftJoin(projects, eq(projects.cycleId, cycles.id))
    .where(and(eq(cycles.year, year), pathInScope(bodies.path, scope)))
    .groupBy(bodies.id, bodies.name, bodies.level, bodies.path, cycles.state)
    .orderBy(asc(bodies.path));
}

/** Townships and sub-districts in scope (区镇全覆盖), and how many of them run a cycle in the year. */
export async function townshipCoverage(db: Executor, scope: Scope, year: number) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      running: sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${cycles} WHERE ${cycles.bodyId} = ${bodies.id} AND ${cycles.year} = ${year}))::int`,
    })
    .from(bodies)
    .where(and(pathInScope(bodies.path, scope), inArray(bodies.level, ['township', 'subdistrict'])));
  return row ?? { total: 0, running: 0 };
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  livelihood_project: titleColumn(livelihoodProjects.id, livelihoodProjects.name),
  livelihood_proposal: titleColumn(livelihoodProposals.id, livelihoodProposals.title),
};
