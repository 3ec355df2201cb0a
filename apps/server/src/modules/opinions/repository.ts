import { createHash } from 'node:crypto';
import { aliasedTable, and, asc, eq, getTableColumns, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { OpinionQuery } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { attachments, auditEvents, bodies, handlingUnits, outboxMessages, users } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { withinChinaDates } from '../../platform/periods.js';
import { inScope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';
import { opinionCategories, opinionEvents, opinions } from './tables.js';
import { runningStatuses } from './workflow.js';

export type OpinionRow = typeof opinions.$inferSelect;
export type NewOpinionRow = typeof opinions.$inferInsert;

// ---- public look-ups (QR codes and tracking codes are the only keys a citizen has) ----

export interface IntakeLookup {
  /** The submission already stored under this client token (a retry), if any. */
  earlier: { trackingCode: string; createdAt: Date } | null;
  target: {
    kind: 'station' | 'deputy';
    id: string;
    name: string;
    /** A deputy's status (in office or not); null for a station. */
    status: string | null;
    bodyId: string;
    bodyName: string;
    bodyPath: string;
  } | null;
  /** The dictionary of the nearest body (itself or an ancestor) that has one; null when none has. */
  categories: { code: string; label: string; active: boolean }[] | null;
}

const param = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

/**
 * The look-up below as a prepared statement: parsed and planned once per connection. It takes many
 * submissions at once (a JSON array, one element per submission, `ord` its place) and answers one
 * row per element. (Inside a select whose FROM is SQL, drizzle leaves column names unqualified, so
 * this text names its aliases itself.)
 */
function lookupStatement(db: Db) {
  const ancestors = sql`string_to_array(trim(both '/' from b.path), '/')::uuid[]`;
  return db
    .select({
      ord: sql<number>`r.ord`,
      earlier: sql<{ trackingCode: string; createdAt: string } | null>`(
        SELECT json_build_object('trackingCode', o.tracking_code, 'createdAt', o.created_at)
          FROM ${opinions} o WHERE o.client_token = r.client_token)`,
      kind: sql<'station' | 'deputy' | null>`t.kind`,
      id: sql<string | null>`t.id`,
      name: sql<string | null>`t.name`,
      status: sql<string | null>`t.status`,
      bodyId: sql<string | null>`t.body_id`,
      bodyName: sql<string | null>`b.name`,
      bodyPath: sql<string | null>`b.path`,
      categories: sql<IntakeLookup['categories']>`(
        SELECT json_agg(json_build_object('code', c.code, 'label', c.label, 'active', c.active) ORDER BY c.sort_order, c.code)
          FROM ${opinionCategories} c
         WHERE c.body_id = (SELECT own.body_id FROM ${opinionCategories} own
                             WHERE own.body_id = ANY (${ancestors})
                             ORDER BY array_position(${ancestors}, own.body_id) DESC LIMIT 1))`,
    })
    .from(
      sql`jsonb_to_recordset(${param('items', 'jsonb')}) AS r(ord int, station text, deputy text, client_token text)
      LEFT JOIN LATERAL (
        SELECT 'station' AS kind, s.id, s.name, NULL::text AS status, s.body_id
          FROM ${stations} s WHERE s.public_code = r.station AND s.active
        UNION ALL
        SELECT 'deputy', d.id, d.name, d.status::text, d.body_id
          FROM ${deputies} d WHERE d.public_code = r.deputy
        LIMIT 1
      ) AS t ON true
      LEFT JOIN ${bodies} b ON b.id = t.body_id`,
    )
    .prepare('opinion_intake_lookups');
}
const lookupStatements = new WeakMap<Db, ReturnType<typeof lookupStatement>>();

export type IntakeKey = { station: string | null; deputy: string | null; clientToken: string | null };

/**
 * Everything public submissions are checked against, for many of them in one round trip: an earlier
 * submission with the same client token, the QR target and its body, and the category dictionary in
 * force there. (The form page uses it without a token.) Answers in the order asked.
 */
export async function intakeLookups(db: Db, keys: IntakeKey[]): Promise<IntakeLookup[]> {
  let statement = lookupStatements.get(db);
  if (!statement) lookupStatements.set(db, (statement = lookupStatement(db)));
  const rows = await statement.execute({
    items: JSON.stringify(keys.map((k, ord) => ({ ord, station: k.station, deputy: k.deputy, client_token: k.clientToken }))),
  });
  const answers: IntakeLookup[] = new Array(keys.length);
  for (const r of rows)
    answers[Number(r.ord)] = {
      earlier: r.earlier ? { trackingCode: r.earlier.trackingCode, createdAt: new Date(r.earlier.createdAt) } : null,
      target: r.id
        ? { kind: r.kind!, id: r.id, name: r.name!, status: r.status, bodyId: r.bodyId!, bodyName: r.bodyName!, bodyPath: r.bodyPath! }
        : null,
      categories: r.categories ?? null,
    };
  return answers;
}

export interface SubmissionRows {
  opinion: NewOpinionRow & { id: string; createdAt: Date };
  event: typeof opinionEvents.$inferInsert;
  audit: typeof auditEvents.$inferInsert;
  sms: typeof outboxMessages.$inferInsert | null;
}

/** What became of one submission of a batch; the phone's counts include the batch's earlier rows of that phone. */
export interface SubmissionOutcome {
  inserted: boolean;
  phoneLastHour: number;
  phoneLastDay: number;
}

/**
 * Rows of one table as a JSON array for `jsonb_to_recordset`, with the column list that reads them
 * back typed. Columns no row sets are left out and take their SQL default; `ord` ties a row to its
 * submission. (A column with a JavaScript default, e.g. uuidv7 ids, must be set by the caller.)
 */
function recordset(table: PgTable, rows: { ord: number; row: Record<string, unknown> }[], always: string[] = []) {
  const columns = getTableColumns(table);
  const keys = Object.keys(columns).filter((k) => always.includes(k) || rows.some((r) => r.row[k] !== undefined));
  const names = keys.map((k) => columns[k]!.name);
  const json = JSON.stringify(
    rows.map(({ ord, row }) => Object.fromEntries([['ord', ord], ...keys.map((k, i) => [names[i], row[k] ?? null])])),
  );
  const definition = ['ord int', ...keys.map((k, i) => `"${names[i]}" ${columns[k]!.getSQLType().replace(/^bigserial$/, 'bigint')}`)].join(
    ', ',
  );
  return { json, definition, columns: names.map((n) => `"${n}"`).join(', '), read: names.map((n) => `r."${n}"`).join(', ') };
}

/**
 * The write of many submissions as one statement (group commit): for each, the opinion, its first
 * step, its audit event and, with a phone, the SMS. One statement is atomic without BEGIN/COMMIT and
 * commits once for all. In the same statement each phone's submissions of the last hour and day are
 * counted in the table, plus the batch's earlier rows of the same phone; a submission over a limit is
 * not written, and neither is a second one with a client token already stored (a retry). Prepared,
 * one text per set of columns.
 */
function submitStatement(db: Executor, parts: ReturnType<typeof recordset>[]) {
  const [o, e, a, m] = parts as [ReturnType<typeof recordset>, ...ReturnType<typeof recordset>[]];
  const insertParts = (name: string, table: PgTable, p: ReturnType<typeof recordset>, param: string) =>
    db.$with(name, {}).as(
      sql`INSERT INTO ${table} (${sql.raw(p.columns)}) SELECT ${sql.raw(p.read)}
            FROM jsonb_to_recordset(${sql.placeholder(param)}::jsonb) AS r(${sql.raw(p.definition)})
           WHERE r.ord IN (SELECT ord FROM submit_done)`,
    );
  const withs = [
    db.$with('submit_input', {}).as(sql`SELECT * FROM jsonb_to_recordset(${param('opinions', 'jsonb')}) AS r(${sql.raw(o.definition)})`),
    db.$with('submit_counted', {}).as(
      sql`SELECT i.ord, i.id, coalesce(ph.last_hour + batch_rank.before, 0)::int AS last_hour, coalesce(ph.last_day + batch_rank.before, 0)::int AS last_day
            FROM submit_input i
            LEFT JOIN LATERAL (
              SELECT count(*) FILTER (WHERE p.created_at >= i.created_at - interval '1 hour') AS last_hour, count(*) AS last_day
                FROM ${opinions} p WHERE p.citizen_phone = i.citizen_phone AND p.created_at >= i.created_at - interval '1 day'
            ) AS ph ON i.citizen_phone IS NOT NULL
            LEFT JOIN (
              SELECT ord, row_number() OVER (PARTITION BY citizen_phone ORDER BY ord) - 1 AS before
                FROM submit_input WHERE citizen_phone IS NOT NULL
            ) AS batch_rank ON batch_rank.ord = i.ord`,
    ),
    db.$with('submit_opinions', {}).as(
      sql`INSERT INTO ${opinions} (${sql.raw(o.columns)})
          SELECT ${sql.raw(o.read)} FROM submit_input r JOIN submit_counted c ON c.ord = r.ord
           WHERE c.last_hour < ${param('perHour', 'int')} AND c.last_day < ${param('perDay', 'int')}
           ORDER BY r.ord
          ON CONFLICT (client_token) WHERE client_token IS NOT NULL DO NOTHING
          RETURNING id`,
    ),
    db.$with('submit_done', {}).as(sql`SELECT i.ord FROM submit_input i JOIN submit_opinions USING (id)`),
    insertParts('submit_steps', opinionEvents, e!, 'events'),
    insertParts('submit_audit', auditEvents, a!, 'audit'),
    ...(m ? [insertParts('submit_sms', outboxMessages, m, 'sms')] : []),
  ];
  const shape = parts.map((p) => p.definition).join('|');
  return db
    .with(...withs)
    .select({
      ord: sql<number>`c.ord`,
      inserted: sql<boolean>`c.ord IN (SELECT ord FROM submit_done)`,
      lastHour: sql<number>`c.last_hour`,
      lastDay: sql<number>`c.last_day`,
    })
    .from(sql`submit_counted c`)
    .prepare(`opinion_submit_${createHash('sha1').update(shape).digest('hex').slice(0, 12)}`);
}

const submitStatements = new WeakMap<Executor, Map<string, ReturnType<typeof submitStatement>>>();

/** Writes a batch of submissions in one statement (see `submitStatement`); answers in the order given. */
export async function insertSubmissions(
  db: Executor,
  batch: SubmissionRows[],
  limits: { perHour: number; perDay: number },
): Promise<SubmissionOutcome[]> {
  const parts = [
    // The statement reads the phone itself (id and time are always given).
    recordset(
      opinions,
      batch.map((s, ord) => ({ ord, row: s.opinion })),
      ['citizenPhone'],
    ),
    recordset(
      opinionEvents,
      batch.map((s, ord) => ({ ord, row: s.event })),
    ),
    recordset(
      auditEvents,
      batch.map((s, ord) => ({ ord, row: s.audit })),
    ),
  ];
  const sms = batch.flatMap((s, ord) => (s.sms ? [{ ord, row: s.sms }] : []));
  if (sms.length) parts.push(recordset(outboxMessages, sms));
  const shape = parts.map((p) => p.definition).join('|');
  const cache = submitStatements.get(db) ?? new Map<string, ReturnType<typeof submitStatement>>();
  submitStatements.set(db, cache);
  let statement = cache.get(shape);
  if (!statement) cache.set(shape, (statement = submitStatement(db, parts)));
  const rows = await statement.execute({
    opinions: parts[0]!.json,
    events: parts[1]!.json,
    audit: parts[2]!.json,
    ...(sms.length ? { sms: parts[3]!.json } : {}),
    perHour: limits.perHour,
    perDay: limits.perDay,
  });
  const outcomes: SubmissionOutcome[] = new Array(batch.length);
  for (const r of rows)
    outcomes[Number(r.ord)] = { inserted: r.inserted, phoneLastHour: Number(r.lastHour), phoneLastDay: Number(r.lastDay) };
  return outcomes;
}

/** The category dictionary in force for a body: its own, else the nearest ancestor's (empty when none has one). */
export async function categoriesInForce(db: Executor, bodyPath: string) {
  const ancestors = bodyPath.split('/').filter(Boolean).reverse();
  const rows = await db
    .select()
    .from(opinionCategories)
    .where(inArray(opinionCategories.bodyId, ancestors))
    .orderBy(asc(opinionCategories.sortOrder), asc(opinionCategories.code));
  for (const bodyId of ancestors) {
    const own = rows.filter((r) => r.bodyId === bodyId);
    if (own.length) return own;
  }
  return [];
}

export async function replaceCategories(db: Executor, bodyId: string, items: { code: string; label: string; active: boolean }[]) {
  await deleteCategories(db, bodyId);
  await db.insert(opinionCategories).values(items.map((item, i) => ({ ...item, bodyId, sortOrder: i })));
}

/** Drops a body's own dictionary, so it follows the nearest ancestor's (or the built-in one) again. */
export async function deleteCategories(db: Executor, bodyId: string) {
  return db.delete(opinionCategories).where(eq(opinionCategories.bodyId, bodyId)).returning({ code: opinionCategories.code });
}

/**
 * Which of these category codes opinions of the body, or of a body below it, carry. One index probe
 * per code and body (opinions_body_category_created_idx), stopping at the first hit.
 */
export async function usedCategoryCodes(db: Executor, bodyPath: string, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db
    .select({ code: sql<string>`c.code` })
    .from(sql`jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb) AS c(code)`)
    .where(sql`EXISTS (SELECT 1 FROM ${opinions} WHERE ${opinions.categoryCode} = c.code AND ${inScope(opinions.bodyId, { bodyPath })})`);
  return new Set(rows.map((r) => r.code));
}

export async function findPublicByTrackingCode(db: Executor, trackingCode: string) {
  const [row] = await db
    .select({ opinion: opinions, stationName: stations.name, deputyName: deputies.name, unitName: handlingUnits.name })
    .from(opinions)
    .leftJoin(stations, eq(stations.id, opinions.stationId))
    .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(eq(opinions.trackingCode, trackingCode));
  return row;
}

export async function findPublicById(db: Executor, id: string) {
  const [row] = await db
    .select({ opinion: opinions, unitName: handlingUnits.name })
    .from(opinions)
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(eq(opinions.id, id));
  return row;
}

export async function bodyOf(db: Executor, bodyId: string) {
  const [row] = await db.select({ name: bodies.name, path: bodies.path }).from(bodies).where(eq(bodies.id, bodyId));
  return row!;
}

export async function lockByTrackingCode(db: Executor, trackingCode: string) {
  const [row] = await db.select().from(opinions).where(eq(opinions.trackingCode, trackingCode)).for('update');
  return row;
}

export async function insertOpinion(db: Executor, row: NewOpinionRow): Promise<OpinionRow> {
  const [created] = await db.insert(opinions).values(row).returning();
  return created!;
}

export async function insertEvent(db: Executor, row: typeof opinionEvents.$inferInsert) {
  await db.insert(opinionEvents).values(row);
}

export function listEvents(db: Executor, opinionId: string, onlyPublic: boolean) {
  return db
    .select()
    .from(opinionEvents)
    .where(and(eq(opinionEvents.opinionId, opinionId), onlyPublic ? eq(opinionEvents.public, true) : undefined))
    .orderBy(asc(opinionEvents.at), asc(opinionEvents.id));
}

export async function updateOpinion(db: Executor, id: string, patch: Partial<NewOpinionRow>): Promise<OpinionRow> {
  const [updated] = await db.update(opinions).set(patch).where(eq(opinions.id, id)).returning();
  return updated!;
}

// ---- staff and handling-unit side (always within the actor's scope) ----

/** Handling-unit accounts see only what was routed to their unit; everyone else sees their bodies' opinions. */
function visibleTo(actor: Actor): SQL {
  if (actor.role === 'handling_unit') return actor.handlingUnitId ? eq(opinions.handlingUnitId, actor.handlingUnitId) : sql`false`;
  return inScope(opinions.bodyId, actor);
}

export function overdueCondition(now: Date): SQL {
  return and(inArray(opinions.status, [...runningStatuses]), isNotNull(opinions.dueAt), lt(opinions.dueAt, now))!;
}

/**
 * The bodies whose opinions a staff member sees, spelled out: with the ids as a list the planner knows
 * how many opinions are in scope (from the statistics of body_id), where for the subquery of `inScope`
 * it guesses, and walks the newest-first index or not accordingly. Null for a handling unit.
 */
async function scopeBodyIds(db: Executor, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'handling_unit') return null;
  const rows = await db.select({ id: bodies.id }).from(bodies).where(inScope(bodies.id, actor));
  return rows.map((r) => r.id);
}

function inboxWhere(actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date, scope: string[] | null): SQL | undefined {
  const code = f.q?.replace(/[\s-]/g, '').toUpperCase();
  return and(
    scope ? (scope.length ? inArray(opinions.bodyId, scope) : sql`false`) : visibleTo(actor),
    f.status ? eq(opinions.status, f.status) : undefined,
    f.category ? eq(opinions.categoryCode, f.category) : undefined,
    f.stationId ? eq(opinions.stationId, f.stationId) : undefined,
    f.deputyId ? or(eq(opinions.deputyId, f.deputyId), eq(opinions.takenByDeputyId, f.deputyId)) : undefined,
    f.handlingUnitId ? eq(opinions.handlingUnitId, f.handlingUnitId) : undefined,
    f.bodyId ? eq(opinions.bodyId, f.bodyId) : undefined,
    f.overdue === 'true' ? overdueCondition(now) : undefined,
    f.overdue === 'false' ? sql`NOT (${overdueCondition(now)})` : undefined,
    f.q
      ? or(eq(opinions.trackingCode, code ?? ''), sql`${opinions.content} ILIKE ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'}`)
      : undefined,
  );
}

const listColumns = {
  opinion: {
    id: opinions.id,
    trackingCode: opinions.trackingCode,
    bodyId: opinions.bodyId,
    status: opinions.status,
    channel: opinions.channel,
    categoryCode: opinions.categoryCode,
    categoryLabel: opinions.categoryLabel,
    summary: sql<string>`left(${opinions.content}, 80)`,
    stationId: opinions.stationId,
    deputyId: opinions.deputyId,
    handlingUnitId: opinions.handlingUnitId,
    dueAt: opinions.dueAt,
    createdAt: opinions.createdAt,
  },
  bodyName: bodies.name,
  stationName: stations.name,
  deputyName: deputies.name,
  unitName: handlingUnits.name,
};
export type OpinionListRow = {
  opinion: {
    id: string;
    trackingCode: string;
    bodyId: string;
    status: string;
    channel: string;
    categoryCode: string;
    categoryLabel: string;
    summary: string;
    stationId: string | null;
    deputyId: string | null;
    handlingUnitId: string | null;
    dueAt: Date | null;
    createdAt: Date;
  };
  bodyName: string;
  stationName: string | null;
  deputyName: string | null;
  unitName: string | null;
};

/**
 * Newest first, in the order the indexes are built (drizzle's `.desc()` makes them DESC NULLS LAST,
 * while a bare DESC means NULLS FIRST): with the same order the planner walks an index instead of
 * sorting every row in scope.
 */
const newestFirst = [sql`${opinions.createdAt} DESC NULLS LAST`, sql`${opinions.id} DESC NULLS LAST`];

/** Counting stops here: a page of a huge inbox does not wait for an exact count of millions. */
export const COUNT_CAP = 10_000;

/**
 * A page of the inbox: the page's ids first, from the opinions table alone (an index-only walk of a
 * newest-first index that carries the filtered columns), then only those rows with their names.
 */
export async function pageInbox(db: Executor, actor: Actor, f: OpinionQuery, now: Date) {
  const where = inboxWhere(actor, f, now, await scopeBodyIds(db, actor));
  const pageIds = sql`SELECT ${opinions.id} FROM ${opinions} WHERE ${where ?? sql`true`}
    ORDER BY ${sql.join(newestFirst, sql`, `)} LIMIT ${f.pageSize} OFFSET ${offsetOf(f)}`;
  const [rows, counted] = await Promise.all([
    db
      .select(listColumns)
      .from(opinions)
      .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
      .leftJoin(stations, eq(stations.id, opinions.stationId))
      .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
      .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
      .where(sql`${opinions.id} IN (${pageIds})`)
      .orderBy(...newestFirst),
    db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${opinions} WHERE ${where ?? sql`true`} LIMIT ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return { rows: rows as OpinionListRow[], total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Every matching row for the Excel export, newest first, up to `limit`. */
export async function exportInbox(db: Executor, actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date, limit: number) {
  const rows = await db
    .select({ ...listColumns, content: opinions.content, replyText: opinions.replyText, rating: opinions.rating })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .leftJoin(stations, eq(stations.id, opinions.stationId))
    .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(inboxWhere(actor, f, now, await scopeBodyIds(db, actor)))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows as (OpinionListRow & { content: string; replyText: string | null; rating: string | null })[];
}

const takenBy = aliasedTable(deputies, 'taken_by');

export async function getVisible(db: Executor, actor: Actor, id: string, forUpdate = false) {
  if (forUpdate) {
    const [locked] = await db
      .select({ id: opinions.id })
      .from(opinions)
      .where(and(eq(opinions.id, id), visibleTo(actor)))
      .for('update');
    if (!locked) return undefined;
  }
  const [row] = await db
    .select({
      opinion: opinions,
      bodyName: bodies.name,
      bodyPath: bodies.path,
      stationName: stations.name,
      deputyName: deputies.name,
      takenByName: takenBy.name,
      unitName: handlingUnits.name,
      photoCount: sql<number>`(SELECT count(*)::int FROM ${attachments} WHERE ${attachments.ownerEntity} = 'opinion' AND ${attachments.ownerId} = ${opinions.id}::text)`,
    })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .leftJoin(stations, eq(stations.id, opinions.stationId))
    .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
    .leftJoin(takenBy, eq(takenBy.id, opinions.takenByDeputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
    .where(and(eq(opinions.id, id), visibleTo(actor)));
  return row;
}
export type OpinionDetailRow = NonNullable<Awaited<ReturnType<typeof getVisible>>>;

export async function findDeputyInScope(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.id, id), inScope(deputies.bodyId, actor)));
  return row;
}

export async function findUnitInScope(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: handlingUnits.id, name: handlingUnits.name, active: handlingUnits.active })
    .from(handlingUnits)
    .where(and(eq(handlingUnits.id, id), inScope(handlingUnits.bodyId, actor)));
  return row;
}

// ---- who hears about it ----

export function activeUsersOfUnit(db: Executor, handlingUnitId: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.handlingUnitId, handlingUnitId), eq(users.active, true), eq(users.role, 'handling_unit')));
}

/** Staff (or leaders) of the opinion's body and of the bodies above it: whoever may act on it. */
export function activeUsersAbove(db: Executor, bodyPath: string, role: 'staff' | 'leader') {
  const ancestors = bodyPath.split('/').filter(Boolean);
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.bodyId, ancestors), eq(users.role, role), eq(users.active, true)));
}

// ---- deadline jobs ----

/** Running items due within `before` that have not been reminded yet. */
export function findDueForReminder(db: Executor, now: Date, before: Date, limit: number) {
  return db
    .select({ opinion: opinions, bodyPath: bodies.path })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .where(
      and(
        inArray(opinions.status, [...runningStatuses]),
        sql`${opinions.remindedAt} IS NULL`,
        gte(opinions.dueAt, now),
        lt(opinions.dueAt, before),
      ),
    )
    .limit(limit);
}

export function findNewlyOverdue(db: Executor, now: Date, limit: number) {
  return db
    .select({ opinion: opinions, bodyPath: bodies.path })
    .from(opinions)
    .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
    .where(and(overdueCondition(now), sql`${opinions.overdueAt} IS NULL`))
    .limit(limit);
}

export async function lockMany(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(opinions).where(inArray(opinions.id, ids)).for('update');
}

/** The citizen rated the answer 满意 or 基本满意: the problem counts as solved for them. */
const solvedForCitizen = sql`${opinions.rating} IN ('satisfied', 'basically_satisfied')`;
/** A duplicate merged into another counts once, as the one it was merged into. */
const notMerged = sql`${opinions.status} <> 'merged'`;

/** Opinions matching `which` in a period of China dates, those whose reply the citizen has seen, and those solved. */
async function outcomeCounts(db: Executor, which: SQL, from: string, to: string) {
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      replied: sql<number>`count(*) FILTER (WHERE ${opinions.replyApprovedAt} IS NOT NULL)::int`,
      solved: sql<number>`count(*) FILTER (WHERE ${solvedForCitizen})::int`,
    })
    .from(opinions)
    .where(and(which, notMerged, withinChinaDates(opinions.createdAt, from, to)));
  return { received: row?.received ?? 0, replied: row?.replied ?? 0, solved: row?.solved ?? 0 };
}

/** The opinions of some stations (through their QR codes and from their receptions). */
export const countOfStations = (db: Executor, stationIds: SQL, from: string, to: string) =>
  outcomeCounts(db, sql`${opinions.stationId} IN (${stationIds})`, from, to);

/** The opinions a deputy received (through their QR code, or taken up by them at triage). */
export const countReceivedByDeputy = (db: Executor, deputyId: string, from: string, to: string) =>
  outcomeCounts(db, eq(opinions.deputyId, deputyId), from, to);

/** The opinions a deputy received, newest first, with the station they came through. */
export async function pageReceivedByDeputy(db: Executor, deputyId: string, page: number, pageSize: number) {
  const where = and(eq(opinions.deputyId, deputyId), notMerged);
  const [rows, [total]] = await Promise.all([
    db
      .select({ o: opinions, stationName: stations.name })
      .from(opinions)
      .leftJoin(stations, eq(stations.id, opinions.stationId))
      .where(where)
      .orderBy(sql`${opinions.createdAt} DESC`, sql`${opinions.id} DESC`)
      .limit(pageSize)
      .offset(offsetOf({ page, pageSize })),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(opinions)
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
