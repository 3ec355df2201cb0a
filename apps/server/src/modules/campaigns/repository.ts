import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ClueQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { bodies, handlingUnits } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likeContains } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import {
  campaignClueEvents,
  campaignClues,
  campaignTeamMembers,
  campaignTeams,
  campaignVisitDeputies,
  campaignVisits,
  campaigns,
} from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type CampaignRow = typeof campaigns.$inferSelect;
export type ClueRow = typeof campaignClues.$inferSelect;
export type NewClueRow = typeof campaignClues.$inferInsert;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// ---- campaigns ----

export async function insertCampaign(db: Executor, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [created] = await db.insert(campaigns).values(row).returning();
  return created!;
}

type CampaignFilter = { q?: string | undefined; bodyId?: string | undefined };

function campaignWhere(actor: Actor, q: CampaignFilter) {
  return and(
    inScope(campaigns.bodyId, actor),
    q.bodyId ? eq(campaigns.bodyId, q.bodyId) : undefined,
    q.q ? or(ilike(campaigns.title, likeContains(q.q)), ilike(campaigns.theme, likeContains(q.q))) : undefined,
  );
}

const latestFirst = [desc(campaigns.startsOn), desc(campaigns.id)];

export async function pageCampaigns(db: Executor, actor: Actor, q: CampaignFilter & { page: number; pageSize: number }) {
  const where = campaignWhere(actor, q);
  const { rows, total } = await readPage(
    db
      .select({ campaign: campaigns, bodyName: bodies.name })
      .from(campaigns)
      .innerJoin(bodies, eq(bodies.id, campaigns.bodyId))
      .where(where)
      .orderBy(...latestFirst),
    db.select({ total: count() }).from(campaigns).where(where),
    q,
  );
  return { rows, total: total };
}

/** The clues found in each of the latest `limit` campaigns of the list (same scope and filters), by kind, and how many are closed. */
export function clueCounts(db: Executor, actor: Actor, q: CampaignFilter, limit: number) {
  const ofKind = (kind: string) => sql<number>`count(${campaignClues.id}) FILTER (WHERE ${campaignClues.kind} = ${kind})::int`;
  return db
    .select({
      campaignId: campaigns.id,
      title: campaigns.title,
      problems: ofKind('problem'),
      suggestions: ofKind('suggestion'),
      closed: sql<number>`count(${campaignClues.id}) FILTER (WHERE ${campaignClues.status} = 'closed')::int`,
    })
    .from(campaigns)
    .leftJoin(campaignClues, eq(campaignClues.campaignId, campaigns.id))
    .where(campaignWhere(actor, q))
    .groupBy(campaigns.id, campaigns.title, campaigns.startsOn)
    .orderBy(...latestFirst)
    .limit(limit);
}

export async function getCampaign(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const query = db
    .select({ campaign: campaigns, bodyName: bodies.name, bodyPath: bodies.path })
    .from(campaigns)
    .innerJoin(bodies, eq(bodies.id, campaigns.bodyId))
    .where(and(eq(campaigns.id, id), inScope(campaigns.bodyId, actor)));
  const [row] = forUpdate ? await query.for('update', { of: campaigns }) : await query;
  return row;
}

export async function updateCampaign(db: Executor, id: string, patch: Partial<typeof campaigns.$inferInsert>) {
  const [row] = await db.update(campaigns).set(patch).where(eq(campaigns.id, id)).returning();
  return row!;
}

/** The first and last dates of the visits and findings already recorded: a new period must still cover them. */
export async function recordedSpan(db: Executor, campaignId: string) {
  const [row] = rowsOf<{ first: string | null; last: string | null }>(
    await db.execute(sql`
      SELECT min(d)::text AS first, max(d)::text AS last FROM (
        SELECT visited_on AS d FROM ${campaignVisits} WHERE campaign_id = ${campaignId}
        UNION ALL SELECT found_on FROM ${campaignClues} WHERE campaign_id = ${campaignId}
      ) dates`),
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}

/** The deputy records of a user (one per congress they sit in). */
export async function deputyIdsOfUser(db: Executor, userId: string) {
  return (await db.select({ id: deputies.id }).from(deputies).where(eq(deputies.userId, userId))).map((d) => d.id);
}

const memberOf = (deputyIds: string[]) =>
  sql`${campaigns.id} IN (SELECT ${campaignTeams.campaignId} FROM ${campaignTeams}
    JOIN ${campaignTeamMembers} ON ${campaignTeamMembers.teamId} = ${campaignTeams.id}
    WHERE ${inArray(campaignTeamMembers.deputyId, deputyIds)})`;

/** Campaigns with one of these deputies on a team, newest first: a deputy's own campaigns, whatever their body. */
export async function campaignsOfDeputies(db: Executor, deputyIds: string[], id?: string, forUpdate = false) {
  if (!deputyIds.length) return [];
  const query = db
    .select({ campaign: campaigns, bodyName: bodies.name, bodyPath: bodies.path })
    .from(campaigns)
    .innerJoin(bodies, eq(bodies.id, campaigns.bodyId))
    .where(and(memberOf(deputyIds), id ? eq(campaigns.id, id) : undefined))
    .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
    .limit(100);
  return forUpdate ? query.for('update', { of: campaigns }) : query;
}

/** Visits of a campaign each deputy went on. */
export async function visitCounts(db: Executor, campaignIds: string[], deputyIds: string[]) {
  if (!campaignIds.length || !deputyIds.length) return new Map<string, number>();
  const rows = await db
    .select({ campaignId: campaignVisits.campaignId, n: sql<number>`count(DISTINCT ${campaignVisits.id})::int` })
    .from(campaignVisits)
    .innerJoin(campaignVisitDeputies, eq(campaignVisitDeputies.visitId, campaignVisits.id))
    .where(and(inArray(campaignVisits.campaignId, campaignIds), inArray(campaignVisitDeputies.deputyId, deputyIds)))
    .groupBy(campaignVisits.campaignId);
  return new Map(rows.map((r) => [r.campaignId, r.n]));
}

// ---- teams ----

export async function insertTeam(db: Executor, row: typeof campaignTeams.$inferInsert, deputyIds: string[]) {
  const [team] = await db.insert(campaignTeams).values(row).returning();
  await db.insert(campaignTeamMembers).values(deputyIds.map((deputyId) => ({ teamId: team!.id, deputyId })));
  return team!;
}

export async function updateTeam(db: Executor, teamId: string, row: { name: string; area: string | null }, deputyIds: string[]) {
  await db.update(campaignTeams).set(row).where(eq(campaignTeams.id, teamId));
  await db.delete(campaignTeamMembers).where(eq(campaignTeamMembers.teamId, teamId));
  await db.insert(campaignTeamMembers).values(deputyIds.map((deputyId) => ({ teamId, deputyId })));
}

export async function deleteTeam(db: Executor, teamId: string) {
  await db.delete(campaignTeamMembers).where(eq(campaignTeamMembers.teamId, teamId));
  await db.delete(campaignTeams).where(eq(campaignTeams.id, teamId));
}

/** Teams (of a campaign) that visits name: they stay, or the visits would lose their team. */
export async function teamsWithVisits(db: Executor, teamIds: string[]) {
  if (!teamIds.length) return new Set<string>();
  const rows = await db
    .selectDistinct({ teamId: campaignVisits.teamId })
    .from(campaignVisits)
    .where(inArray(campaignVisits.teamId, teamIds));
  return new Set(rows.map((r) => r.teamId!));
}

export async function listTeams(db: Executor, campaignId: string) {
  const [teams, members] = await Promise.all([
    db
      .select()
      .from(campaignTeams)
      .where(eq(campaignTeams.campaignId, campaignId))
      .orderBy(asc(campaignTeams.createdAt), asc(campaignTeams.id)),
    db
      .select({ teamId: campaignTeamMembers.teamId, id: deputies.id, name: deputies.name })
      .from(campaignTeamMembers)
      .innerJoin(campaignTeams, eq(campaignTeams.id, campaignTeamMembers.teamId))
      .innerJoin(deputies, eq(deputies.id, campaignTeamMembers.deputyId))
      .where(eq(campaignTeams.campaignId, campaignId))
      .orderBy(asc(deputies.name)),
  ]);
  return teams.map((t) => ({ ...t, deputies: members.filter((m) => m.teamId === t.id).map(({ id, name }) => ({ id, name })) }));
}

export async function findTeam(db: Executor, campaignId: string, teamId: string) {
  const [row] = await db
    .select()
    .from(campaignTeams)
    .where(and(eq(campaignTeams.id, teamId), eq(campaignTeams.campaignId, campaignId)));
  return row;
}

/** The deputies among `ids` that lie in the actor's scope. */
export function deputiesInScope(db: Executor, actor: Actor, ids: string[]) {
  return db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(inArray(deputies.id, ids), inScope(deputies.bodyId, actor)));
}

// ---- visits ----

/** Names of deputies already checked by the caller (in scope, or on the campaign's teams). */
export function findDeputyNames(db: Executor, ids: string[]) {
  return db.select({ id: deputies.id, name: deputies.name }).from(deputies).where(inArray(deputies.id, ids));
}

export async function insertVisit(db: Executor, row: typeof campaignVisits.$inferInsert, deputyIds: string[]) {
  const [visit] = await db.insert(campaignVisits).values(row).returning();
  await db.insert(campaignVisitDeputies).values(deputyIds.map((deputyId) => ({ visitId: visit!.id, deputyId })));
  return visit!;
}

export async function findVisit(db: Executor, campaignId: string, visitId: string) {
  const [row] = await db
    .select()
    .from(campaignVisits)
    .where(and(eq(campaignVisits.id, visitId), eq(campaignVisits.campaignId, campaignId)));
  return row;
}

export async function pageVisits(
  db: Executor,
  campaignId: string,
  q: { teamId?: string | undefined; from?: string; to?: string; deputyIds?: string[]; page: number; pageSize: number },
) {
  const where = and(
    eq(campaignVisits.campaignId, campaignId),
    q.teamId ? eq(campaignVisits.teamId, q.teamId) : undefined,
    q.deputyIds
      ? inArray(
          campaignVisits.id,
          db
            .select({ id: campaignVisitDeputies.visitId })
            .from(campaignVisitDeputies)
            .where(inArray(campaignVisitDeputies.deputyId, q.deputyIds)),
        )
      : undefined,
    q.from && q.to ? sql`${campaignVisits.visitedOn} BETWEEN ${q.from} AND ${q.to}` : undefined,
  );
  const { rows, total } = await readPage(
    db
      .select({
        visit: campaignVisits,
        teamName: campaignTeams.name,
        clueCount: sql<number>`(SELECT count(*)::int FROM ${campaignClues} WHERE ${campaignClues.visitId} = ${campaignVisits.id})`,
      })
      .from(campaignVisits)
      .leftJoin(campaignTeams, eq(campaignTeams.id, campaignVisits.teamId))
      .where(where)
      .orderBy(desc(campaignVisits.visitedOn), desc(campaignVisits.id)),
    db.select({ total: count() }).from(campaignVisits).where(where),
    q,
  );
  const ids = rows.map((r) => r.visit.id);
  const people = ids.length
    ? await db
        .select({ visitId: campaignVisitDeputies.visitId, id: deputies.id, name: deputies.name })
        .from(campaignVisitDeputies)
        .innerJoin(deputies, eq(deputies.id, campaignVisitDeputies.deputyId))
        .where(inArray(campaignVisitDeputies.visitId, ids))
        .orderBy(asc(deputies.name))
    : [];
  return {
    rows: rows.map((r) => ({ ...r, deputies: people.filter((p) => p.visitId === r.visit.id).map(({ id, name }) => ({ id, name })) })),
    total: total,
  };
}

// ---- the clue ledger ----

/** The next ledger number of a campaign; the caller holds the campaign row's lock. */
export async function nextSeq(db: Executor, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${campaignClues.seq})` })
    .from(campaignClues)
    .where(eq(campaignClues.campaignId, campaignId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertClues(db: Executor, rows: NewClueRow[]): Promise<ClueRow[]> {
  if (!rows.length) return [];
  return db.insert(campaignClues).values(rows).returning();
}

export async function updateClue(db: Executor, id: string, patch: Partial<NewClueRow>): Promise<ClueRow> {
  const [row] = await db.update(campaignClues).set(patch).where(eq(campaignClues.id, id)).returning();
  return row!;
}

export async function insertClueEvents(db: Executor, rows: (typeof campaignClueEvents.$inferInsert)[]) {
  if (rows.length) await db.insert(campaignClueEvents).values(rows);
}

export function listClueEvents(db: Executor, clueId: string) {
  return db
    .select()
    .from(campaignClueEvents)
    .where(eq(campaignClueEvents.clueId, clueId))
    .orderBy(asc(campaignClueEvents.at), asc(campaignClueEvents.id));
}

/** Handling units see the clues transferred to them, deputies those of their visits; everyone else the clues of campaigns in scope. */
function cluesVisibleTo(actor: Actor): SQL {
  if (actor.role === 'handling_unit') return actor.handlingUnitId ? eq(campaignClues.handlingUnitId, actor.handlingUnitId) : sql`false`;
  // A deputy sees what was found on the visits they went on.
  if (actor.role === 'deputy')
    return sql`${campaignClues.visitId} IN (SELECT ${campaignVisitDeputies.visitId} FROM ${campaignVisitDeputies}
      JOIN ${deputies} ON ${deputies.id} = ${campaignVisitDeputies.deputyId} WHERE ${deputies.userId} = ${actor.id})`;
  return inScope(campaignClues.bodyId, actor);
}

export function overdueClue(now: Date): SQL {
  return and(eq(campaignClues.status, 'transferred'), lt(campaignClues.dueAt, now))!;
}

const clueColumns = {
  clue: campaignClues,
  campaignTitle: campaigns.title,
  teamName: campaignTeams.name,
  unitName: handlingUnits.name,
};
export type ClueListRow = { clue: ClueRow; campaignTitle: string; teamName: string | null; unitName: string | null };

function clueFrom(db: Executor) {
  return db
    .select(clueColumns)
    .from(campaignClues)
    .innerJoin(campaigns, eq(campaigns.id, campaignClues.campaignId))
    .leftJoin(campaignVisits, eq(campaignVisits.id, campaignClues.visitId))
    .leftJoin(campaignTeams, eq(campaignTeams.id, campaignVisits.teamId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, campaignClues.handlingUnitId));
}

function clueWhere(
  actor: Actor,
  campaignId: string | null,
  q: Omit<ClueQuery, 'page' | 'pageSize'>,
  now: Date,
  month?: { from: string; to: string },
) {
  return and(
    cluesVisibleTo(actor),
    campaignId ? eq(campaignClues.campaignId, campaignId) : undefined,
    q.status ? eq(campaignClues.status, q.status) : undefined,
    q.kind ? eq(campaignClues.kind, q.kind) : undefined,
    q.teamId ? eq(campaignVisits.teamId, q.teamId) : undefined,
    q.handlingUnitId ? eq(campaignClues.handlingUnitId, q.handlingUnitId) : undefined,
    month ? sql`${campaignClues.foundOn} BETWEEN ${month.from} AND ${month.to}` : undefined,
    q.overdue === 'true' ? overdueClue(now) : undefined,
    q.overdue === 'false' ? sql`NOT coalesce(${overdueClue(now)}, false)` : undefined,
    q.q ? or(ilike(campaignClues.content, likeContains(q.q)), ilike(campaignClues.location, likeContains(q.q))) : undefined,
  );
}

export async function pageClues(
  db: Executor,
  actor: Actor,
  campaignId: string | null,
  q: ClueQuery,
  now: Date,
  month?: { from: string; to: string },
) {
  const where = clueWhere(actor, campaignId, q, now, month);
  const { rows, total } = await readPage(
    clueFrom(db).where(where).orderBy(desc(campaignClues.foundOn), desc(campaignClues.seq)),
    db.select({ total: count() }).from(campaignClues).leftJoin(campaignVisits, eq(campaignVisits.id, campaignClues.visitId)).where(where),
    q,
  );
  return { rows: rows as ClueListRow[], total: total };
}

export async function exportClues(
  db: Executor,
  actor: Actor,
  campaignId: string,
  q: Omit<ClueQuery, 'page' | 'pageSize'>,
  now: Date,
  limit: number,
) {
  const rows = await clueFrom(db)
    .where(clueWhere(actor, campaignId, q, now))
    .orderBy(asc(campaignClues.seq))
    .limit(limit);
  return rows as ClueListRow[];
}

export async function getClue(db: Executor, actor: Actor, id: string, forUpdate = false) {
  if (forUpdate) {
    const [locked] = await db
      .select({ id: campaignClues.id })
      .from(campaignClues)
      .where(and(eq(campaignClues.id, id), cluesVisibleTo(actor)))
      .for('update');
    if (!locked) return undefined;
  }
  const [row] = await clueFrom(db).where(and(eq(campaignClues.id, id), cluesVisibleTo(actor)));
  return row as ClueListRow | undefined;
}

/** The clues linked to a suggestion, for the suggestion's page (the caller checked the suggestion is visible). */
export function cluesOfSuggestion(db: Executor, suggestionId: string) {
  return db
    .select({ clue: campaignClues, campaignTitle: campaigns.title })
    .from(campaignClues)
    .innerJoin(campaigns, eq(campaigns.id, campaignClues.campaignId))
    .where(eq(campaignClues.suggestionId, suggestionId))
    .orderBy(asc(campaignClues.campaignId), asc(campaignClues.seq));
}

/** Clues transferred for rectification and due on or after an instant, with their body's path (the calendar's recount). */
export function transferredDueFrom(db: Executor, from: Date) {
  return db
    .select({ clue: campaignClues, bodyPath: bodies.path })
    .from(campaignClues)
    .innerJoin(bodies, eq(bodies.id, campaignClues.bodyId))
    .where(and(eq(campaignClues.status, 'transferred'), gte(campaignClues.dueAt, from)));
}

export async function bodyPathOf(db: Executor, bodyId: string) {
  const [row] = await db.select({ path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return row!.path;
}

// ---- figures for the campaign page and the monthly dispatch report ----

export interface Period {
  /** China calendar dates, both included. */
  from: string;
  to: string;
  /** The instants they span: [fromAt, toAt). */
  fromAt: Date;
  toAt: Date;
  /** Overdue is judged at the period's end, or now if that is earlier. */
  asOf: Date;
}

export interface FigureRow {
  visits: number;
  personTimes: number;
  deputies: number;
  problems: number;
  suggestions: number;
  transferred: number;
  transferredToGovernment: number;
  closed: number;
  open: number;
  overdue: number;
}

export async function figures(db: Executor, campaignId: string, p: Period): Promise<FigureRow> {
  const visits = rowsOf<{ visits: number; person_times: number; deputies: number }>(
    await db.execute(sql`
      SELECT count(DISTINCT v.id)::int AS visits, count(vd.deputy_id)::int AS person_times, count(DISTINCT vd.deputy_id)::int AS deputies
      FROM ${campaignVisits} v LEFT JOIN ${campaignVisitDeputies} vd ON vd.visit_id = v.id
      WHERE v.campaign_id = ${campaignId} AND v.visited_on BETWEEN ${p.from} AND ${p.to}`),
  )[0]!;
  const open = sql`c.found_on <= ${p.to} AND (c.closed_at IS NULL OR c.closed_at >= ${p.toAt.toISOString()})`;
  const clues = rowsOf<Record<string, number>>(
    await db.execute(sql`
      SELECT
        count(*) FILTER (WHERE c.kind = 'problem' AND c.found_on BETWEEN ${p.from} AND ${p.to})::int AS problems,
        count(*) FILTER (WHERE c.kind = 'suggestion' AND c.found_on BETWEEN ${p.from} AND ${p.to})::int AS suggestions,
        count(*) FILTER (WHERE c.first_transferred_at >= ${p.fromAt.toISOString()} AND c.first_transferred_at < ${p.toAt.toISOString()})::int AS transferred,
        count(*) FILTER (WHERE c.first_transferred_at >= ${p.fromAt.toISOString()} AND c.first_transferred_at < ${p.toAt.toISOString()}
                           AND c.transfer_level = 'government')::int AS transferred_to_government,
        count(*) FILTER (WHERE c.status = 'closed' AND c.closed_at >= ${p.fromAt.toISOString()} AND c.closed_at < ${p.toAt.toISOString()})::int AS closed,
        count(*) FILTER (WHERE ${open})::int AS open,
        count(*) FILTER (WHERE ${open} AND c.due_at < ${p.asOf.toISOString()}
                           AND (c.rectified_at IS NULL OR c.rectified_at >= ${p.asOf.toISOString()}))::int AS overdue
      FROM ${campaignClues} c WHERE c.campaign_id = ${campaignId}`),
  )[0]!;
  return {
    visits: visits.visits,
    personTimes: visits.person_times,
    deputies: visits.deputies,
    problems: clues.problems!,
    suggestions: clues.suggestions!,
    transferred: clues.transferred!,
    transferredToGovernment: clues.transferred_to_government!,
    closed: clues.closed!,
    open: clues.open!,
    overdue: clues.overdue!,
  };
}

/** Visits, person-times and findings of each team in a period; findings outside visits count under no team. */
export async function figuresByTeam(db: Executor, campaignId: string, p: Pick<Period, 'from' | 'to'>) {
  return rowsOf<{ team_name: string | null; visits: number; person_times: number; problems: number; suggestions: number }>(
    await db.execute(sql`
      WITH v AS (
        SELECT v.team_id, count(DISTINCT v.id)::int AS visits, count(vd.deputy_id)::int AS person_times
        FROM ${campaignVisits} v LEFT JOIN ${campaignVisitDeputies} vd ON vd.visit_id = v.id
        WHERE v.campaign_id = ${campaignId} AND v.visited_on BETWEEN ${p.from} AND ${p.to}
        GROUP BY v.team_id
      ), c AS (
        SELECT v.team_id,
               count(*) FILTER (WHERE c.kind = 'problem')::int AS problems,
               count(*) FILTER (WHERE c.kind = 'suggestion')::int AS suggestions
        FROM ${campaignClues} c LEFT JOIN ${campaignVisits} v ON v.id = c.visit_id
        WHERE c.campaign_id = ${campaignId} AND c.found_on BETWEEN ${p.from} AND ${p.to}
        GROUP BY v.team_id
      ), teams AS (
        SELECT id, name, created_at FROM ${campaignTeams} WHERE campaign_id = ${campaignId}
        UNION ALL SELECT NULL, NULL, NULL
      )
      SELECT t.name AS team_name, coalesce(v.visits, 0) AS visits, coalesce(v.person_times, 0) AS person_times,
             coalesce(c.problems, 0) AS problems, coalesce(c.suggestions, 0) AS suggestions
      FROM teams t
      LEFT JOIN v ON v.team_id IS NOT DISTINCT FROM t.id
      LEFT JOIN c ON c.team_id IS NOT DISTINCT FROM t.id
      ORDER BY t.created_at NULLS LAST, t.id`),
  );
}

/** Per government or department: transferred, closed and still open at the period's end, since the campaign began. */
export async function figuresByUnit(db: Executor, campaignId: string, p: Pick<Period, 'to' | 'toAt'>) {
  return rowsOf<{ unit_name: string; transferred: number; closed: number; open: number }>(
    await db.execute(sql`
      SELECT u.name AS unit_name,
             count(*) FILTER (WHERE c.first_transferred_at < ${p.toAt.toISOString()})::int AS transferred,
             count(*) FILTER (WHERE c.status = 'closed' AND c.closed_at < ${p.toAt.toISOString()})::int AS closed,
             count(*) FILTER (WHERE c.found_on <= ${p.to} AND c.first_transferred_at < ${p.toAt.toISOString()}
                                AND (c.closed_at IS NULL OR c.closed_at >= ${p.toAt.toISOString()}))::int AS open
      FROM ${campaignClues} c JOIN ${handlingUnits} u ON u.id = c.handling_unit_id
      WHERE c.campaign_id = ${campaignId}
      GROUP BY u.name
      HAVING count(*) FILTER (WHERE c.first_transferred_at < ${p.toAt.toISOString()}) > 0
      ORDER BY transferred DESC, u.name`),
  );
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  campaign: titleColumn(campaigns.id, campaigns.title),
  campaign_team: titleColumn(campaignTeams.id, campaignTeams.name),
};
