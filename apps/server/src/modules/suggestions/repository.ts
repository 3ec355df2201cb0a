import { and, asc, count, desc, eq, ilike, inArray, like, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { BodyLevel, SuggestionQuery, UnitAssignmentQuery } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import {
  auditEvents,
  bodies,
  deputies,
  handlingUnits,
  keySuggestionReviews,
  keySuggestions,
  suggestionAssignments,
  suggestionContacts,
  suggestionCosigners,
  suggestionExtensions,
  suggestionJointOpinions,
  suggestionRatings,
  suggestionReplies,
  suggestions,
  suggestionSessions,
} from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { offsetOf, readPage } from '../../platform/pagination.js';
import { inScope, likeContains } from '../../platform/scope.js';
import { searchQuery, searchTokens } from '../../platform/text.js';
import { withinChinaDates } from '../../platform/periods.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type SuggestionRow = typeof suggestions.$inferSelect;
export type AssignmentRow = typeof suggestionAssignments.$inferSelect;
type Who = Pick<Actor, 'id' | 'role' | 'bodyPath' | 'handlingUnitId'>;

/** Open states in which a unit still owes an answer: reminders and overdue lists look at these. */
export const OPEN_STATES = ['assigned', 'reassignment_requested', 'handling', 'rehandling'] as const;

/**
 * What an actor may see: staff, leaders and admins their bodies' items; a deputy the items they
 * lead or were asked to co-sign; a handling unit the items assigned to it.
 */
export function visibleTo(actor: Who): SQL {
  if (actor.role === 'deputy')
    return sql`(${suggestions.leadDeputyId} IN (SELECT ${deputies.id} FROM ${deputies} WHERE ${deputies.userId} = ${actor.id})
      OR ${suggestions.id} IN (SELECT ${suggestionCosigners.suggestionId} FROM ${suggestionCosigners}
        JOIN ${deputies} ON ${deputies.id} = ${suggestionCosigners.deputyId} WHERE ${deputies.userId} = ${actor.id}))`;
  if (actor.role === 'handling_unit')
    return sql`${suggestions.id} IN (SELECT ${suggestionAssignments.suggestionId} FROM ${suggestionAssignments}
      WHERE ${suggestionAssignments.unitId} = ${actor.handlingUnitId ?? '00000000-0000-0000-0000-000000000000'} AND ${suggestionAssignments.state} <> 'withdrawn')`;
  // Drafts belong to their deputies until submitted.
  return and(inScope(suggestions.bodyId, actor), ne(suggestions.state, 'draft'))!;
}

const leadUnit = sql<
  string | null
>`(SELECT ${handlingUnits.name} FROM ${handlingUnits} WHERE ${handlingUnits.id} = ${suggestions.leadUnitId})`;
export const listColumns = {
  s: suggestions,
  bodyName: bodies.name,
  sessionName: suggestionSessions.name,
  leadDeputyName: deputies.name,
  leadUnitName: leadUnit,
  cosignerCount: sql<number>`(SELECT count(*)::int FROM ${suggestionCosigners} WHERE ${suggestionCosigners.suggestionId} = ${suggestions.id} AND ${suggestionCosigners.confirmedAt} IS NOT NULL)`,
};
export type ListRow = {
  s: SuggestionRow;
  bodyName: string;
  sessionName: string | null;
  leadDeputyName: string;
  leadUnitName: string | null;
  cosignerCount: number;
};

/**
 * `column` contains `text`. A keyword without letters that have a case (Chinese, digits) is matched
 * with LIKE: ILIKE folds every character and made counting a session's titles three times slower.
 * LIKE's wildcards typed by the user are taken literally.
 */
export function contains(column: AnyColumn, text: string): SQL {
  const pattern = likeContains(text);
  return text.toLowerCase() === text.toUpperCase() ? like(column, pattern) : ilike(column, pattern);
}

/**
 * The keyword filter: every word of the keyword in the title or content (jieba tokens, GIN index
 * `suggestions_search_tokens_idx`), or the keyword inside the lead deputy's name. The deputies are
 * looked up first (a small table) and named by id, so the planner knows how many items they lead: with
 * a sub-select it guessed 40 % of the table and scanned it whole (bench/suggestions-list.ts). A keyword
 * without words (only punctuation or function words) falls back to a substring of the title.
 */
async function keywordFilter(db: Executor, q: string | undefined): Promise<SQL | undefined> {
  if (!q) return undefined;
  const query = searchQuery(q);
  const named = await db.select({ id: deputies.id }).from(deputies).where(contains(deputies.name, q)).limit(100);
  return or(
    query ? sql`${suggestions.searchTokens} @@ ${query}::tsquery` : contains(suggestions.title, q),
    named.length
      ? inArray(
          suggestions.leadDeputyId,
          named.map((d) => d.id),
        )
      : undefined,
  );
}

/** The search tokens of a suggestion's texts (platform/text.ts), kept with every write of its title or content. */
function withSearchTokens<T extends Partial<typeof suggestions.$inferInsert>>(row: T): T {
  if (row.title === undefined && row.content === undefined) return row;
  if (row.title === undefined || row.content === undefined) throw new Error('the title and content are written together');
  return { ...row, searchTokens: searchTokens(row.title, row.content) };
}

function filterWhere(actor: Who, f: Partial<SuggestionQuery>, now: Date, keyword: SQL | undefined): SQL | undefined {
  return and(
    visibleTo(actor),
    keyword,
    f.state ? eq(suggestions.state, f.state) : undefined,
    f.kind ? eq(suggestions.kind, f.kind) : undefined,
    f.period ? eq(suggestions.period, f.period) : undefined,
    f.sessionId ? eq(suggestions.sessionId, f.sessionId) : undefined,
    f.bodyId ? eq(suggestions.bodyId, f.bodyId) : undefined,
    // The unit leads it (the item's current lead unit, kept on the item) or handles it jointly.
    f.unitId
      ? or(
          eq(suggestions.leadUnitId, f.unitId),
          sql`${suggestions.id} IN (SELECT ${suggestionAssignments.suggestionId} FROM ${suggestionAssignments}
            WHERE ${suggestionAssignments.unitId} = ${f.unitId} AND ${suggestionAssignments.role} = 'joint' AND ${suggestionAssignments.state} <> 'withdrawn')`,
        )
      : undefined,
    f.field ? eq(suggestions.field, f.field) : undefined,
    f.isKey ? eq(suggestions.isKey, f.isKey === 'true') : undefined,
    f.replyCategory ? eq(suggestions.replyCategory, f.replyCategory) : undefined,
    f.overdue === 'true' ? overdueWhere(now) : undefined,
    f.supervisedByMe === 'true' ? supervisedBy(actor.id) : undefined,
    f.awaiting ? awaitingWhere(actor.id, f.awaiting) : undefined,
    withinChinaDates(suggestions.submittedAt, f.from, f.to),
  );
}

/** The deputies the user is (a deputy's login). */
const ownDeputies = (userId: string) => sql`(SELECT ${deputies.id} FROM ${deputies} WHERE ${deputies.userId} = ${userId})`;

/**
 * What waits on someone: a unit's reassignment request or an extension request for the office to
 * decide, a co-sign invitation the deputy has not answered, a released reply the lead deputy has not rated.
 */
function awaitingWhere(userId: string, awaiting: NonNullable<SuggestionQuery['awaiting']>): SQL {
  switch (awaiting) {
    case 'reassignment':
      return sql`${suggestions.id} IN (SELECT ${suggestionAssignments.suggestionId} FROM ${suggestionAssignments}
        WHERE ${suggestionAssignments.state} = 'reassignment_requested')`;
    case 'extension':
      return sql`${suggestions.id} IN (SELECT ${suggestionExtensions.suggestionId} FROM ${suggestionExtensions}
        WHERE ${suggestionExtensions.state} = 'pending')`;
    case 'cosign':
      return sql`${suggestions.id} IN (SELECT ${suggestionCosigners.suggestionId} FROM ${suggestionCosigners}
        WHERE ${suggestionCosigners.deputyId} IN ${ownDeputies(userId)}
          AND ${suggestionCosigners.confirmedAt} IS NULL AND ${suggestionCosigners.declinedAt} IS NULL)`;
    case 'rating':
      return and(eq(suggestions.state, 'reply_released'), sql`${suggestions.leadDeputyId} IN ${ownDeputies(userId)}`)!;
  }
}

/** Key suggestions the user supervises (督办). */
const supervisedBy = (userId: string) =>
  sql`${suggestions.id} IN (SELECT ${keySuggestions.suggestionId} FROM ${keySuggestions} WHERE ${keySuggestions.supervisorUserId} = ${userId})`;

export function overdueWhere(now: Date): SQL {
  return and(inArray(suggestions.state, [...OPEN_STATES]), sql`${suggestions.dueAt} < ${now}`)!;
}

function baseList(db: Executor) {
  return db
    .select(listColumns)
    .from(suggestions)
    .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .leftJoin(suggestionSessions, eq(suggestionSessions.id, suggestions.sessionId));
}

/**
 * Newest first, in one of two spellings of the same order (both columns are NOT NULL). PostgreSQL walks
 * an index in ORDER BY order only when the null order matches, so the spelling picks the index: NULLS
 * LAST for one session (its own index, tables.ts), NULLS FIRST otherwise (the index over all dates).
 * With one spelling for both, the planner at times walked the dates of all sessions to find an old
 * session's page (bench/suggestions-list.ts: 400 ms instead of 2 ms).
 */
const newestFirst = (oneSession: boolean) =>
  oneSession
    ? [sql`${suggestions.updatedAt} DESC NULLS LAST`, sql`${suggestions.id} DESC NULLS LAST`]
    : [sql`${suggestions.updatedAt} DESC NULLS FIRST`, sql`${suggestions.id} DESC NULLS FIRST`];

/**
 * 按编号, the register's order: within one session its numbers; across sessions the newest year first,
 * each year's session items before those between sessions, each body's series in number order, items
 * not yet numbered (drafts) last. Each spelling has its index (tables.ts).
 */
const byNumber = (oneSession: boolean) =>
  oneSession
    ? [sql`${suggestions.number} ASC NULLS LAST`, asc(suggestions.id)]
    : [
        desc(suggestions.year),
        desc(suggestions.period),
        asc(suggestions.bodyId),
        sql`${suggestions.number} ASC NULLS LAST`,
        asc(suggestions.id),
      ];

/**
 * One page in two steps: the page's ids first, from the suggestions table alone (an index-only scan
 * for the usual filters), then the full rows and their joins for those ids only. Joining and
 * sorting every matching row before the LIMIT is what made large sessions slow (bench/suggestions-list.ts).
 */
export async function pageSuggestions(db: Executor, actor: Who, f: SuggestionQuery, now: Date) {
  const where = filterWhere(actor, f, now, await keywordFilter(db, f.q));
  const order = (f.sort === 'number' ? byNumber : newestFirst)(!!f.sessionId);
  const pageIds = db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset(offsetOf(f));
  const [rows, { total, capped }] = await Promise.all([
    baseList(db)
      .where(inArray(suggestions.id, pageIds))
      .orderBy(...order),
    f.q
      ? countUpTo(db, where, SEARCH_COUNT_CAP)
      : db
          .select({ total: count() })
          .from(suggestions)
          .where(where)
          .then(([r]) => ({ total: r?.total ?? 0, capped: false })),
  ]);
  // A page beyond the counted matches still shows its rows: the total is then at least what they reach.
  return { rows: rows as ListRow[], total: rows.length ? Math.max(total, offsetOf(f) + rows.length) : total, capped };
}

/**
 * A keyword search counts its matches up to this many (`totalIsLowerBound` beyond). The word index
 * (GIN) has no index-only scans: counting every match reads a table page per matching row (a common
 * word across ten sessions is some 25,000 pages, seconds under load), while a page needs only the
 * newest few (bench/suggestions-list.ts, docs/benchmarks.md).
 */
export const SEARCH_COUNT_CAP = 1000;

async function countUpTo(db: Executor, where: SQL | undefined, cap: number) {
  const counted = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${suggestions} WHERE ${where ?? sql`true`} LIMIT ${cap + 1}) capped`,
  );
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return { total: Math.min(n, cap), capped: n > cap };
}

/** Assignment states in which the unit still owes something: a sign-for, an answer, or a decision on its request. */
export const PENDING_ASSIGNMENT_STATES = ['assigned', 'signed_for', 'reassignment_requested'] as const;

/** A handling unit's own assignments (its 承办件), newest first, with the item each belongs to. */
export async function pageUnitAssignments(db: Executor, actor: Who, f: UnitAssignmentQuery, now: Date) {
  const a = suggestionAssignments;
  const pending = inArray(a.state, [...PENDING_ASSIGNMENT_STATES]);
  const where = and(
    eq(a.unitId, actor.handlingUnitId ?? '00000000-0000-0000-0000-000000000000'),
    ne(a.state, 'withdrawn'),
    await keywordFilter(db, f.q),
    f.pending === 'true' ? pending : undefined,
    f.role ? eq(a.role, f.role) : undefined,
    f.sessionId ? eq(suggestions.sessionId, f.sessionId) : undefined,
    f.overdue === 'true' ? and(pending, sql`${a.dueAt} < ${now}`) : undefined,
    f.state ? eq(a.state, f.state) : undefined,
  );
  const { rows, total } = await readPage(
    db
      .select({ ...listColumns, a })
      .from(a)
      .innerJoin(suggestions, eq(suggestions.id, a.suggestionId))
      .innerJoin(bodies, eq(bodies.id, suggestions.bodyId))
      .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
      .leftJoin(suggestionSessions, eq(suggestionSessions.id, suggestions.sessionId))
      .where(where)
      .orderBy(...(f.sort === 'due' ? [asc(a.dueAt), asc(a.id)] : [desc(a.assignedAt), desc(a.id)])),
    db
      .select({ total: count() })
      .from(a)
      .innerJoin(suggestions, eq(suggestions.id, a.suggestionId))
      .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
      .where(where),
    f,
  );
  return { rows: rows as (ListRow & { a: AssignmentRow })[], total: total };
}

/** Deputies in office in the body, except the lead: those a lead deputy may invite to co-sign. */
export function cosignerCandidates(db: Executor, bodyId: string, leadDeputyId: string) {
  return db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.bodyId, bodyId), eq(deputies.status, 'in_office'), ne(deputies.id, leadDeputyId)))
    .orderBy(asc(deputies.name))
    .limit(2000);
}

/** Every row matching the filter, for the Excel export (capped). */
export async function listForExport(db: Executor, actor: Who, f: Partial<SuggestionQuery>, now: Date, limit = 10_000) {
  return (await baseList(db)
    .where(filterWhere(actor, f, now, await keywordFilter(db, f.q)))
    .orderBy(...byNumber(!!f.sessionId))
    .limit(limit)) as ListRow[];
}

export async function getListRow(db: Executor, actor: Who, id: string) {
  const [row] = await baseList(db).where(and(eq(suggestions.id, id), visibleTo(actor)));
  return row as ListRow | undefined;
}

/** Locks the item for a change; invisible items are as good as absent. */
export async function getForUpdate(tx: Executor, actor: Who, id: string): Promise<SuggestionRow | undefined> {
  const [row] = await tx
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.id, id), visibleTo(actor)))
    .for('update');
  return row;
}

export async function bodyLevelOf(db: Executor, bodyId: string): Promise<BodyLevel> {
  const [row] = await db.select({ level: bodies.level }).from(bodies).where(eq(bodies.id, bodyId));
  return row!.level as BodyLevel;
}

export async function bodyPathOf(db: Executor, bodyId: string): Promise<string> {
  const [row] = await db.select({ path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return row!.path;
}

export async function insertSuggestion(db: Executor, row: typeof suggestions.$inferInsert) {
  const [created] = await db.insert(suggestions).values(withSearchTokens(row)).returning();
  return created!;
}

export async function updateSuggestion(db: Executor, id: string, patch: Partial<typeof suggestions.$inferInsert>) {
  const [updated] = await db.update(suggestions).set(withSearchTokens(patch)).where(eq(suggestions.id, id)).returning();
  return updated!;
}

/** The next number in a series (a session, or a year between sessions); the row lock on the item serialises writers of one item, the unique index the rest. */
export async function nextNumber(db: Executor, bodyId: string, series: string): Promise<number> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${bodyId + ':' + series}))`);
  const [row] = await db
    .select({ max: sql<number | null>`max(${suggestions.number})` })
    .from(suggestions)
    .where(and(eq(suggestions.bodyId, bodyId), eq(suggestions.numberSeries, series)));
  return (row?.max ?? 0) + 1;
}

// ---- deputies (read only: the deputies module owns the table) ----
export async function deputiesOfUser(db: Executor, userId: string) {
  return db.select().from(deputies).where(eq(deputies.userId, userId));
}

export async function deputiesByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(deputies).where(inArray(deputies.id, ids));
}

export async function getDeputy(db: Executor, id: string) {
  const [row] = await db.select().from(deputies).where(eq(deputies.id, id));
  return row;
}

// ---- sessions ----
export async function listSessions(db: Executor, actor: Who) {
  return db.select().from(suggestionSessions).where(inScope(suggestionSessions.bodyId, actor)).orderBy(desc(suggestionSessions.startsOn));
}

export async function getSession(db: Executor, id: string) {
  const [row] = await db.select().from(suggestionSessions).where(eq(suggestionSessions.id, id));
  return row;
}

export async function insertSession(db: Executor, row: typeof suggestionSessions.$inferInsert) {
  const [created] = await db.insert(suggestionSessions).values(row).returning();
  return created!;
}

/**
 * Items merged into this one (并案), for a reader of this item: staff, leaders and the units answering it
 * see every one (the unit answers each item's deputies), a deputy only those they may open. Each with its
 * lead deputy and confirmed co-signers, and whether the reader may open it.
 */
export async function mergedInto(db: Executor, actor: Who, suggestionId: string) {
  const rows = await db
    .select({
      id: suggestions.id,
      title: suggestions.title,
      confidential: suggestions.confidential,
      leadDeputyName: deputies.name,
      visible: sql<boolean>`(${visibleTo(actor)})`,
    })
    .from(suggestions)
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .where(and(eq(suggestions.mergedIntoId, suggestionId), actor.role === 'deputy' ? visibleTo(actor) : undefined))
    .orderBy(asc(suggestions.submittedAt));
  const cosigners = rows.length
    ? await db
        .select({ suggestionId: suggestionCosigners.suggestionId, name: deputies.name })
        .from(suggestionCosigners)
        .innerJoin(deputies, eq(deputies.id, suggestionCosigners.deputyId))
        .where(
          and(
            inArray(
              suggestionCosigners.suggestionId,
              rows.map((r) => r.id),
            ),
            sql`${suggestionCosigners.confirmedAt} IS NOT NULL`,
          ),
        )
        .orderBy(asc(deputies.name))
    : [];
  return rows.map((r) => ({ ...r, cosignerNames: cosigners.filter((c) => c.suggestionId === r.id).map((c) => c.name) }));
}

/** Items merged into this one that wait for its reply: never answered yet, or re-handled after their deputy's dissatisfaction. */
export async function mergedAwaitingReply(db: Executor, suggestionId: string) {
  const rows = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(and(eq(suggestions.mergedIntoId, suggestionId), inArray(suggestions.state, ['merged', 'rehandling'])))
    .orderBy(asc(suggestions.submittedAt));
  return rows.map((r) => r.id);
}

// ---- co-signers ----
export function cosignersOf(db: Executor, suggestionId: string) {
  return db
    .select({ c: suggestionCosigners, name: deputies.name, userId: deputies.userId })
    .from(suggestionCosigners)
    .innerJoin(deputies, eq(deputies.id, suggestionCosigners.deputyId))
    .where(eq(suggestionCosigners.suggestionId, suggestionId))
    .orderBy(asc(deputies.name));
}

export async function replaceCosigners(db: Executor, suggestionId: string, deputyIds: string[], at: Date) {
  await db.delete(suggestionCosigners).where(eq(suggestionCosigners.suggestionId, suggestionId));
  if (deputyIds.length)
    await db.insert(suggestionCosigners).values(deputyIds.map((deputyId) => ({ suggestionId, deputyId, invitedAt: at })));
}

export async function setCosignerAnswer(
  db: Executor,
  suggestionId: string,
  deputyId: string,
  patch: { confirmedAt: Date | null; declinedAt: Date | null },
) {
  await db
    .update(suggestionCosigners)
    .set(patch)
    .where(and(eq(suggestionCosigners.suggestionId, suggestionId), eq(suggestionCosigners.deputyId, deputyId)));
}

// ---- assignments ----
export function assignmentsOf(db: Executor, suggestionId: string) {
  return db
    .select({ a: suggestionAssignments, unitName: handlingUnits.name })
    .from(suggestionAssignments)
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionAssignments.unitId))
    .where(eq(suggestionAssignments.suggestionId, suggestionId))
    .orderBy(asc(suggestionAssignments.assignedAt), asc(suggestionAssignments.role));
}

export async function insertAssignments(db: Executor, rows: (typeof suggestionAssignments.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(suggestionAssignments).values(rows).returning();
}

export async function updateAssignment(db: Executor, id: string, patch: Partial<typeof suggestionAssignments.$inferInsert>) {
  const [row] = await db.update(suggestionAssignments).set(patch).where(eq(suggestionAssignments.id, id)).returning();
  return row!;
}

export async function unitsByIds(db: Executor, actor: Who, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(handlingUnits)
    .where(and(inArray(handlingUnits.id, ids), inScope(handlingUnits.bodyId, actor)));
}

// ---- records ----
export async function insertContact(db: Executor, row: typeof suggestionContacts.$inferInsert) {
  const [r] = await db.insert(suggestionContacts).values(row).returning();
  return r!;
}
export function contactsOf(db: Executor, suggestionId: string) {
  return db
    .select({ c: suggestionContacts, unitName: handlingUnits.name })
    .from(suggestionContacts)
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionContacts.unitId))
    .where(eq(suggestionContacts.suggestionId, suggestionId))
    .orderBy(asc(suggestionContacts.contactedOn), asc(suggestionContacts.createdAt));
}

export async function insertJointOpinion(db: Executor, row: typeof suggestionJointOpinions.$inferInsert) {
  const [r] = await db.insert(suggestionJointOpinions).values(row).returning();
  return r!;
}
export function jointOpinionsOf(db: Executor, suggestionId: string) {
  return db
    .select({ o: suggestionJointOpinions, unitName: handlingUnits.name })
    .from(suggestionJointOpinions)
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionJointOpinions.unitId))
    .where(eq(suggestionJointOpinions.suggestionId, suggestionId))
    .orderBy(asc(suggestionJointOpinions.createdAt));
}

export async function insertReply(db: Executor, row: typeof suggestionReplies.$inferInsert) {
  const [r] = await db.insert(suggestionReplies).values(row).returning();
  return r!;
}
export async function updateReply(db: Executor, id: string, patch: Partial<typeof suggestionReplies.$inferInsert>) {
  const [r] = await db.update(suggestionReplies).set(patch).where(eq(suggestionReplies.id, id)).returning();
  return r!;
}
export function repliesOf(db: Executor, suggestionId: string) {
  return db
    .select({ r: suggestionReplies, unitName: handlingUnits.name })
    .from(suggestionReplies)
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionReplies.unitId))
    .where(eq(suggestionReplies.suggestionId, suggestionId))
    .orderBy(asc(suggestionReplies.createdAt));
}

export async function insertRating(db: Executor, row: typeof suggestionRatings.$inferInsert) {
  const [r] = await db.insert(suggestionRatings).values(row).returning();
  return r!;
}
export function ratingsOf(db: Executor, suggestionId: string) {
  return db
    .select()
    .from(suggestionRatings)
    .where(eq(suggestionRatings.suggestionId, suggestionId))
    .orderBy(asc(suggestionRatings.createdAt));
}

export async function insertExtension(db: Executor, row: typeof suggestionExtensions.$inferInsert) {
  const [r] = await db.insert(suggestionExtensions).values(row).returning();
  return r!;
}
export async function updateExtension(db: Executor, id: string, patch: Partial<typeof suggestionExtensions.$inferInsert>) {
  const [r] = await db.update(suggestionExtensions).set(patch).where(eq(suggestionExtensions.id, id)).returning();
  return r!;
}
/**
 * A unit's request for more time lapses when it answers before staff decide: once the item has moved on
 * from handling, no one could decide it, and it would wait for ever.
 */
export async function lapsePendingExtensions(db: Executor, suggestionId: string, unitId: string, at: Date) {
  await db
    .update(suggestionExtensions)
    .set({ state: 'lapsed', decidedAt: at, decisionNote: '承办单位已在审批前答复' })
    .where(
      and(
        eq(suggestionExtensions.suggestionId, suggestionId),
        eq(suggestionExtensions.state, 'pending'),
        inArray(
          suggestionExtensions.assignmentId,
          db
            .select({ id: suggestionAssignments.id })
            .from(suggestionAssignments)
            .where(and(eq(suggestionAssignments.suggestionId, suggestionId), eq(suggestionAssignments.unitId, unitId))),
        ),
      ),
    );
}
export function extensionsOf(db: Executor, suggestionId: string) {
  return db
    .select({ e: suggestionExtensions, unitName: handlingUnits.name })
    .from(suggestionExtensions)
    .innerJoin(suggestionAssignments, eq(suggestionAssignments.id, suggestionExtensions.assignmentId))
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionAssignments.unitId))
    .where(eq(suggestionExtensions.suggestionId, suggestionId))
    .orderBy(asc(suggestionExtensions.createdAt));
}

export async function getKey(db: Executor, suggestionId: string) {
  const [row] = await db.select().from(keySuggestions).where(eq(keySuggestions.suggestionId, suggestionId));
  return row;
}
export async function upsertKey(db: Executor, row: typeof keySuggestions.$inferInsert) {
  const { suggestionId: _id, ...set } = row;
  await db.insert(keySuggestions).values(row).onConflictDoUpdate({ target: keySuggestions.suggestionId, set });
}
export async function updateKey(db: Executor, suggestionId: string, patch: Partial<typeof keySuggestions.$inferInsert>) {
  await db.update(keySuggestions).set(patch).where(eq(keySuggestions.suggestionId, suggestionId));
}
export async function insertKeyReview(db: Executor, row: typeof keySuggestionReviews.$inferInsert) {
  const [r] = await db.insert(keySuggestionReviews).values(row).returning();
  return r!;
}
export function keyReviewsOf(db: Executor, suggestionId: string) {
  return db
    .select()
    .from(keySuggestionReviews)
    .where(eq(keySuggestionReviews.suggestionId, suggestionId))
    .orderBy(asc(keySuggestionReviews.heldOn));
}

/** The item's trail from the audit log (全流程留痕). */
export function timelineOf(db: Executor, suggestionId: string) {
  return db
    .select({ at: auditEvents.at, actorName: auditEvents.actorName, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'suggestion'), eq(auditEvents.entityId, suggestionId)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
}

export async function getReply(db: Executor, id: string) {
  const [row] = await db.select().from(suggestionReplies).where(eq(suggestionReplies.id, id));
  return row;
}

/** Not scoped: for links the caller already holds. */
/** Items by id with their session's name (for their numbers). */
export function findByIds(db: Executor, ids: string[]) {
  return db
    .select({ s: suggestions, sessionName: suggestionSessions.name })
    .from(suggestions)
    .leftJoin(suggestionSessions, eq(suggestionSessions.id, suggestions.sessionId))
    .where(inArray(suggestions.id, ids));
}

/** Suggestions a deputy led or co-signed (confirmed) that were submitted within [from, to] (China dates). */
export function submittedByDeputy(deputyId: string, from: string, to: string) {
  return and(
    withinChinaDates(suggestions.submittedAt, from, to),
    or(
      eq(suggestions.leadDeputyId, deputyId),
      sql`EXISTS (SELECT 1 FROM ${suggestionCosigners} c WHERE c.suggestion_id = ${suggestions.id} AND c.deputy_id = ${deputyId} AND c.confirmed_at IS NOT NULL)`,
    ),
  );
}

/** The "one valuable suggestion" of the seven ones. */
export async function countSubmittedByDeputy(db: Executor, deputyId: string, from: string, to: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(suggestions)
    .where(submittedByDeputy(deputyId, from, to));
  return row?.n ?? 0;
}

/** The deputy's public card (代表码): of those suggestions, how many they led, co-signed, and how many were answered (reply released). */
export async function cardCountsOfDeputy(db: Executor, deputyId: string, from: string, to: string) {
  const [row] = await db
    .select({
      led: sql<number>`count(*) FILTER (WHERE ${suggestions.leadDeputyId} = ${deputyId})::int`,
      cosigned: sql<number>`count(*) FILTER (WHERE ${suggestions.leadDeputyId} <> ${deputyId})::int`,
      answered: sql<number>`count(${suggestions.releasedAt})::int`,
    })
    .from(suggestions)
    .where(submittedByDeputy(deputyId, from, to));
  return { led: row?.led ?? 0, cosigned: row?.cosigned ?? 0, answered: row?.answered ?? 0 };
}

/** The same suggestions for the performance file, oldest first, with the lead unit. */
export async function listSubmittedByDeputy(db: Executor, deputyId: string, from: string, to: string) {
  return db
    .select({ s: suggestions, sessionName: suggestionSessions.name, leadUnitName: leadUnit })
    .from(suggestions)
    .leftJoin(suggestionSessions, eq(suggestionSessions.id, suggestions.sessionId))
    .where(submittedByDeputy(deputyId, from, to))
    .orderBy(asc(suggestions.submittedAt));
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  suggestion: titleColumn(suggestions.id, suggestions.title),
  suggestion_session: titleColumn(suggestionSessions.id, suggestionSessions.name),
};
