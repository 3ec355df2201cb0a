import { and, asc, count, desc, eq, ilike, inArray, max, ne, sql, sum } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bodies } from '../../db/schema.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likeContains, type Scope } from '../../platform/scope.js';
import {
  legislationArticles,
  legislationComments,
  legislationContactPoints,
  legislationDraftPoints,
  legislationDrafts,
  legislationVersions,
} from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

/** 法规草案, its versions and articles: this module's SQL for drafts. */

export type DraftRecord = typeof legislationDrafts.$inferSelect;
export type DraftRow = { draft: DraftRecord; bodyName: string };
export type ArticleRecord = typeof legislationArticles.$inferSelect;
export type VersionRecord = typeof legislationVersions.$inferSelect;

const draftSelect = (db: Executor) =>
  db
    .select({ draft: legislationDrafts, bodyName: bodies.name })
    .from(legislationDrafts)
    .innerJoin(bodies, eq(bodies.id, legislationDrafts.bodyId));

export interface DraftFilters {
  state?: string | undefined;
  keyword?: string | undefined;
  sort: 'createdAt' | 'commentTo' | 'comments';
  order: 'asc' | 'desc';
}

const commentCount = sql<number>`(SELECT count(*) FROM ${legislationComments} WHERE ${legislationComments.draftId} = ${legislationDrafts.id} AND ${legislationComments.state} <> 'rejected')`;

const draftWhere = (scope: Scope, f: DraftFilters) =>
  and(
    inScope(legislationDrafts.bodyId, scope),
    f.state ? eq(legislationDrafts.state, f.state) : undefined,
    f.keyword ? ilike(legislationDrafts.title, likeContains(f.keyword)) : undefined,
  );

function draftOrder(f: DraftFilters) {
  const by = f.sort === 'commentTo' ? legislationDrafts.commentTo : f.sort === 'comments' ? commentCount : legislationDrafts.createdAt;
  return f.order === 'asc' ? [asc(by), asc(legislationDrafts.id)] : [desc(by), desc(legislationDrafts.id)];
}

export async function pageDrafts(db: Executor, scope: Scope, f: DraftFilters & { page: number; pageSize: number }) {
  const where = draftWhere(scope, f);
  const { rows, total } = await readPage(
    draftSelect(db)
      .where(where)
      .orderBy(...draftOrder(f)),
    db.select({ total: count() }).from(legislationDrafts).where(where),
    f,
  );
  return { rows: rows as DraftRow[], total };
}

export async function listDrafts(db: Executor, scope: Scope, f: DraftFilters, limit: number) {
  return (await draftSelect(db)
    .where(draftWhere(scope, f))
    .orderBy(...draftOrder(f))
    .limit(limit)) as DraftRow[];
}

export async function getDraft(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<DraftRow | undefined> {
  const query = draftSelect(db).where(and(eq(legislationDrafts.id, id), inScope(legislationDrafts.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: legislationDrafts }) : await query;
  return row as DraftRow | undefined;
}

/** Any draft by id, whatever the caller: for a contact point's member, whose access the service checks by the point. */
export async function getDraftUnscoped(db: Executor, id: string): Promise<DraftRow | undefined> {
  const [row] = await draftSelect(db).where(eq(legislationDrafts.id, id));
  return row as DraftRow | undefined;
}

/** Public data only: the draft behind a public page's code. */
export async function findDraftByPublicCode(db: Executor, code: string, forUpdate = false): Promise<DraftRow | undefined> {
  const query = draftSelect(db).where(eq(legislationDrafts.publicCode, code));
  const [row] = forUpdate ? await query.for('update', { of: legislationDrafts }) : await query;
  return row as DraftRow | undefined;
}

export async function insertDraft(db: Executor, row: typeof legislationDrafts.$inferInsert) {
  const [created] = await db.insert(legislationDrafts).values(row).returning({ id: legislationDrafts.id });
  return created!.id;
}

export async function updateDraft(db: Executor, id: string, patch: Partial<typeof legislationDrafts.$inferInsert>) {
  const [updated] = await db.update(legislationDrafts).set(patch).where(eq(legislationDrafts.id, id)).returning();
  return updated!;
}

// ---- versions and articles ----

export async function insertVersion(
  db: Executor,
  row: Omit<typeof legislationVersions.$inferInsert, 'number'>,
  articles: Omit<typeof legislationArticles.$inferInsert, 'versionId' | 'position'>[],
) {
  const [last] = await db
    .select({ n: max(legislationVersions.number) })
    .from(legislationVersions)
    .where(eq(legislationVersions.draftId, row.draftId));
  const [created] = await db
    .insert(legislationVersions)
    .values({ ...row, number: (last?.n ?? 0) + 1 })
    .returning();
  if (articles.length)
    await db.insert(legislationArticles).values(articles.map((a, position) => ({ ...a, versionId: created!.id, position })));
  return created!;
}

export async function versionsOf(db: Executor, draftIds: string[]) {
  if (!draftIds.length) return [];
  return db
    .select({ version: legislationVersions, articleCount: count(legislationArticles.id) })
    .from(legislationVersions)
    .leftJoin(legislationArticles, eq(legislationArticles.versionId, legislationVersions.id))
    .where(inArray(legislationVersions.draftId, draftIds))
    .groupBy(legislationVersions.id)
    .orderBy(asc(legislationVersions.number));
}

export async function currentVersion(db: Executor, draftId: string): Promise<VersionRecord> {
  const [row] = await db
    .select()
    .from(legislationVersions)
    .where(eq(legislationVersions.draftId, draftId))
    .orderBy(desc(legislationVersions.number))
    .limit(1);
  return row!;
}

export async function findVersion(db: Executor, draftId: string, versionId: string) {
  const [row] = await db
    .select()
    .from(legislationVersions)
    .where(and(eq(legislationVersions.draftId, draftId), eq(legislationVersions.id, versionId)));
  return row;
}

export async function articlesOf(db: Executor, versionId: string) {
  return db
    .select()
    .from(legislationArticles)
    .where(eq(legislationArticles.versionId, versionId))
    .orderBy(asc(legislationArticles.position));
}

// ---- contact points taking part ----

export async function setDraftPoints(db: Executor, draftId: string, pointIds: string[]) {
  await db.delete(legislationDraftPoints).where(eq(legislationDraftPoints.draftId, draftId));
  if (pointIds.length) await db.insert(legislationDraftPoints).values(pointIds.map((contactPointId) => ({ draftId, contactPointId })));
}

export async function pointsOfDrafts(db: Executor, draftIds: string[]) {
  if (!draftIds.length) return [];
  return db
    .select({
      draftId: legislationDraftPoints.draftId,
      id: legislationContactPoints.id,
      name: legislationContactPoints.name,
      address: legislationContactPoints.address,
    })
    .from(legislationDraftPoints)
    .innerJoin(legislationContactPoints, eq(legislationContactPoints.id, legislationDraftPoints.contactPointId))
    .where(inArray(legislationDraftPoints.draftId, draftIds))
    .orderBy(asc(legislationContactPoints.name));
}

export async function draftHasPoint(db: Executor, draftId: string, contactPointId: string) {
  const [row] = await db
    .select({ draftId: legislationDraftPoints.draftId })
    .from(legislationDraftPoints)
    .where(and(eq(legislationDraftPoints.draftId, draftId), eq(legislationDraftPoints.contactPointId, contactPointId)));
  return Boolean(row);
}

/** Drafts a contact point takes part in, open ones first (for its members' list). */
export async function draftsOfPoints(db: Executor, pointIds: string[]) {
  if (!pointIds.length) return [];
  return (await draftSelect(db)
    .innerJoin(legislationDraftPoints, eq(legislationDraftPoints.draftId, legislationDrafts.id))
    .where(and(inArray(legislationDraftPoints.contactPointId, pointIds), ne(legislationDrafts.state, 'drafting')))
    .orderBy(desc(legislationDrafts.commentTo))
    .limit(100)) as DraftRow[];
}

/** Per draft: comments not rejected, awaiting moderation, people who took part, approved ones not yet marked. */
export async function commentCounts(db: Executor, draftIds: string[]) {
  const out = new Map<string, { comments: number; pending: number; participants: number; unmarked: number }>();
  if (!draftIds.length) return out;
  const c = legislationComments;
  const rows = await db
    .select({
      draftId: c.draftId,
      comments: sql<number>`count(*) FILTER (WHERE ${c.state} <> 'rejected')`.mapWith(Number),
      pending: sql<number>`count(*) FILTER (WHERE ${c.state} = 'pending')`.mapWith(Number),
      participants: sql<number>`coalesce(sum(${c.participants}) FILTER (WHERE ${c.state} <> 'rejected'), 0)`.mapWith(Number),
      unmarked: sql<number>`count(*) FILTER (WHERE ${c.state} = 'approved' AND ${c.adoption} IS NULL)`.mapWith(Number),
    })
    .from(c)
    .where(inArray(c.draftId, draftIds))
    .groupBy(c.draftId);
  for (const r of rows) out.set(r.draftId, r);
  return out;
}

/** Per article of a version (null: the draft as a whole): comments and people, rejected ones left out. */
export async function articleCounts(db: Executor, draftId: string, versionId: string, onlyApproved: boolean) {
  const c = legislationComments;
  return db
    .select({ articleId: c.articleId, comments: count(), participants: sum(c.participants).mapWith(Number) })
    .from(c)
    .where(and(eq(c.draftId, draftId), eq(c.versionId, versionId), onlyApproved ? eq(c.state, 'approved') : ne(c.state, 'rejected')))
    .groupBy(c.articleId);
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  legislation_draft: titleColumn(legislationDrafts.id, legislationDrafts.title),
  legislation_contact_point: titleColumn(legislationContactPoints.id, legislationContactPoints.name),
};
