import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { readPage } from '../../platform/pagination.js';
import { inScope, likeContains, type Scope } from '../../platform/scope.js';
import { legislationArticles, legislationComments, legislationContactPoints, legislationDrafts, legislationVersions } from './tables.js';

/** Comments on drafts: this module's SQL for them. */

export type CommentRecord = typeof legislationComments.$inferSelect;
export type CommentRow = {
  comment: CommentRecord;
  draftBodyId: string;
  draftState: string;
  versionNumber: number;
  articleLabel: string | null;
  articleNumber: number | null;
  contactPointName: string | null;
};

const c = legislationComments;

const commentSelect = (db: Executor) =>
  db
    .select({
      comment: c,
      draftBodyId: legislationDrafts.bodyId,
      draftState: legislationDrafts.state,
      versionNumber: legislationVersions.number,
      articleLabel: legislationArticles.label,
      articleNumber: legislationArticles.number,
      contactPointName: legislationContactPoints.name,
    })
    .from(c)
    .innerJoin(legislationDrafts, eq(legislationDrafts.id, c.draftId))
    .innerJoin(legislationVersions, eq(legislationVersions.id, c.versionId))
    .leftJoin(legislationArticles, eq(legislationArticles.id, c.articleId))
    .leftJoin(legislationContactPoints, eq(legislationContactPoints.id, c.contactPointId));

export interface CommentFilters {
  articleId?: string | undefined;
  wholeDraft?: 'true' | 'false' | undefined;
  state?: string | undefined;
  adoption?: string | undefined;
  source?: string | undefined;
  contactPointId?: string | undefined;
  keyword?: string | undefined;
}

const commentWhere = (draftId: string, f: CommentFilters) =>
  and(
    eq(c.draftId, draftId),
    f.articleId ? eq(c.articleId, f.articleId) : undefined,
    f.wholeDraft === 'true' ? isNull(c.articleId) : f.wholeDraft === 'false' ? isNotNull(c.articleId) : undefined,
    f.state ? eq(c.state, f.state) : undefined,
    f.adoption === 'unmarked' ? and(eq(c.state, 'approved'), isNull(c.adoption)) : f.adoption ? eq(c.adoption, f.adoption) : undefined,
    f.source ? eq(c.source, f.source) : undefined,
    f.contactPointId ? eq(c.contactPointId, f.contactPointId) : undefined,
    f.keyword ? ilike(c.content, likeContains(f.keyword)) : undefined,
  );

/** In article order (the draft as a whole first), then oldest first: the order of the summary report. */
const commentOrder = [sql`${legislationArticles.number} ASC NULLS FIRST`, asc(c.createdAt), asc(c.id)];

export async function pageComments(db: Executor, draftId: string, f: CommentFilters & { page: number; pageSize: number }) {
  const where = commentWhere(draftId, f);
  const { rows, total } = await readPage(
    commentSelect(db)
      .where(where)
      .orderBy(...commentOrder),
    db.select({ total: count() }).from(c).where(where),
    f,
  );
  return { rows: rows as CommentRow[], total };
}

export async function listComments(db: Executor, draftId: string, f: CommentFilters, limit: number) {
  return (await commentSelect(db)
    .where(commentWhere(draftId, f))
    .orderBy(...commentOrder)
    .limit(limit)) as CommentRow[];
}

/** A comment whose draft lies in the actor's scope. */
export async function getComment(db: Executor, scope: Scope, id: string, forUpdate = false): Promise<CommentRow | undefined> {
  const query = commentSelect(db).where(and(eq(c.id, id), inScope(legislationDrafts.bodyId, scope)));
  const [row] = forUpdate ? await query.for('update', { of: c }) : await query;
  return row as CommentRow | undefined;
}

/** A comment just written by its caller, who has checked access (a contact point's member may be outside the draft's scope). */
export async function getCommentById(db: Executor, id: string): Promise<CommentRow | undefined> {
  const [row] = await commentSelect(db).where(eq(c.id, id));
  return row as CommentRow | undefined;
}

export async function insertComments(db: Executor, rows: (typeof c.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(c).values(rows).returning({ id: c.id });
}

export async function updateComment(db: Executor, id: string, patch: Partial<typeof c.$inferInsert>) {
  const [updated] = await db.update(c).set(patch).where(eq(c.id, id)).returning();
  return updated!;
}

/** Public data only: a draft's approved comments, newest first, without names or phones. */
export async function publishedComments(db: Executor, draftId: string, limit: number) {
  return db
    .select({
      articleLabel: legislationArticles.label,
      quote: c.quote,
      content: c.content,
      source: c.source,
      createdAt: c.createdAt,
    })
    .from(c)
    .leftJoin(legislationArticles, eq(legislationArticles.id, c.articleId))
    .where(and(eq(c.draftId, draftId), eq(c.state, 'approved')))
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(limit);
}

/** A phone's public comments since a time (the abuse limit). */
export async function commentsOfPhoneSince(db: Executor, phone: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(c)
    .where(and(eq(c.phone, phone), eq(c.source, 'public'), gte(c.createdAt, since)));
  return row?.n ?? 0;
}

/** Approved comments marked adopted or partly adopted whose contributor has not been told yet. */
export async function adoptedUntold(db: Executor, draftId: string) {
  return db
    .select()
    .from(c)
    .where(and(eq(c.draftId, draftId), eq(c.state, 'approved'), inArray(c.adoption, ['adopted', 'partly']), isNull(c.notifiedAt)));
}

export async function markNotified(db: Executor, ids: string[], at: Date) {
  if (ids.length) await db.update(c).set({ notifiedAt: at }).where(inArray(c.id, ids));
}
