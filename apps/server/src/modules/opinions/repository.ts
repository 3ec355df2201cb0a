import { createHash } from 'node:crypto';
import { aliasedTable, and, asc, eq, gte, inArray, isNotNull, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { OpinionQuery } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { attachments, auditEvents, bodies, handlingUnits, outboxMessages, users } from '../../db/schema.js';
import type { Actor } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
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
  phoneLastHour: number;
  phoneLastDay: number;
}

const param = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

/**
 * The look-up below as a prepared statement: parsed and planned once per connection. (Inside a select
 * whose FROM is SQL, drizzle leaves column names unqualified, so this text names its aliases itself.)
 */
function lookupStatement(db: Db) {
  const ancestors = sql`string_to_array(trim(both '/' from b.path), '/')::uuid[]`;
  return db
    .select({
      earlier: sql<{ trackingCode: string; createdAt: string } | null>`(
        SELECT json_build_object('trackingCode', o.tracking_code, 'createdAt', o.created_at)
          FROM ${opinions} o WHERE o.client_token = ${param('clientToken', 'text')})`,
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
      lastHour: sql<number>`phone.last_hour`,
      lastDay: sql<number>`phone.last_day`,
    })
    .from(
      sql`(SELECT 1) AS one
      LEFT JOIN (
        SELECT 'station' AS kind, s.id, s.name, NULL::text AS status, s.body_id
          FROM ${stations} s WHERE s.public_code = ${param('station', 'text')} AND s.active
        UNION ALL
        SELECT 'deputy', d.id, d.name, d.status::text, d.body_id
          FROM ${deputies} d WHERE d.public_code = ${param('deputy', 'text')}
        LIMIT 1
      ) AS t ON true
      LEFT JOIN ${bodies} b ON b.id = t.body_id
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE p.created_at >= ${param('hourAgo', 'timestamptz')})::int AS last_hour, count(*)::int AS last_day
          FROM ${opinions} p WHERE p.citizen_phone = ${param('phone', 'text')} AND p.created_at >= ${param('dayAgo', 'timestamptz')}
      ) AS phone`,
    )
    .prepare('opinion_intake_lookup');
}
const lookupStatements = new WeakMap<Db, ReturnType<typeof lookupStatement>>();

/**
 * Everything a public submission is checked against, in one round trip: an earlier submission with the
 * same client token, the QR target and its body, the category dictionary in force there, and the
 * phone number's submissions in the last hour and day. (The form page uses it without phone and token.)
 */
export async function intakeLookup(
  db: Db,
  q: { station: string | null; deputy: string | null; phone: string | null; clientToken: string | null; now: Date },
): Promise<IntakeLookup> {
  let statement = lookupStatements.get(db);
  if (!statement) lookupStatements.set(db, (statement = lookupStatement(db)));
  const [row] = await statement.execute({
    station: q.station,
    deputy: q.deputy,
    phone: q.phone,
    clientToken: q.clientToken,
    hourAgo: new Date(q.now.getTime() - 3600_000).toISOString(),
    dayAgo: new Date(q.now.getTime() - 24 * 3600_000).toISOString(),
  });
  const r = row!;
  return {
    earlier: r.earlier ? { trackingCode: r.earlier.trackingCode, createdAt: new Date(r.earlier.createdAt) } : null,
    target: r.id
      ? { kind: r.kind!, id: r.id, name: r.name!, status: r.status, bodyId: r.bodyId!, bodyName: r.bodyName!, bodyPath: r.bodyPath! }
      : null,
    categories: r.categories ?? null,
    phoneLastHour: Number(r.lastHour ?? 0),
    phoneLastDay: Number(r.lastDay ?? 0),
  };
}

/**
 * A row's values as named placeholders, and the parameters that fill them. Columns left out take their
 * SQL default; a column with a JavaScript default ($defaultFn, e.g. uuidv7 ids) must be given, or the
 * prepared statement would repeat the one value made when it was built.
 */
function placeholders(prefix: string, row: Record<string, unknown>) {
  const values: Record<string, SQL.Aliased | Placeholder> = {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    values[key] = sql.placeholder(prefix + key);
    params[prefix + key] = value;
  }
  return { values, params, shape: `${prefix}:${Object.keys(values).join(',')}` };
}

export interface SubmissionRows {
  opinion: NewOpinionRow;
  event: typeof opinionEvents.$inferInsert;
  audit: typeof auditEvents.$inferInsert;
  sms: typeof outboxMessages.$inferInsert | null;
}

const submitStatements = new WeakMap<Executor, Map<string, { execute(params: Record<string, unknown>): Promise<unknown> }>>();

/**
 * Writes a submission (the opinion, its first step, the audit event and, with a phone, the SMS) as
 * one prepared statement: atomic without BEGIN/COMMIT, one round trip instead of six, planned once.
 */
export async function insertSubmission(db: Executor, rows: SubmissionRows) {
  const opinion = placeholders('o_', rows.opinion);
  const event = placeholders('e_', rows.event);
  const audit = placeholders('a_', rows.audit);
  const sms = rows.sms ? placeholders('m_', rows.sms) : null;
  const shape = [opinion.shape, event.shape, audit.shape, sms?.shape ?? ''].join('|');
  const cache = submitStatements.get(db) ?? new Map();
  submitStatements.set(db, cache);
  let statement = cache.get(shape);
  if (!statement) {
    // Each data-modifying WITH part runs exactly once; the foreign key of the step on the opinion is
    // checked at the end of the statement, when the opinion is there.
    const parts = [
      db.$with('submit_step', {}).as(
        db
          .insert(opinionEvents)
          .values(event.values as never)
          .getSQL(),
      ),
      db.$with('submit_audit', {}).as(
        db
          .insert(auditEvents)
          .values(audit.values as never)
          .getSQL(),
      ),
      ...(sms
        ? [
            db.$with('submit_sms', {}).as(
              db
                .insert(outboxMessages)
                .values(sms.values as never)
                .getSQL(),
            ),
          ]
        : []),
    ];
    const name = `opinion_submit_${createHash('sha1').update(shape).digest('hex').slice(0, 12)}`;
    statement = db
      .with(...parts)
      .insert(opinions)
      .values(opinion.values as never)
      .prepare(name);
    cache.set(shape, statement);
  }
  await statement.execute({ ...opinion.params, ...event.params, ...audit.params, ...sms?.params });
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
  await db.delete(opinionCategories).where(eq(opinionCategories.bodyId, bodyId));
  await db.insert(opinionCategories).values(items.map((item, i) => ({ ...item, bodyId, sortOrder: i })));
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

function inboxWhere(actor: Actor, f: Omit<OpinionQuery, 'page' | 'pageSize'>, now: Date): SQL | undefined {
  const code = f.q?.replace(/[\s-]/g, '').toUpperCase();
  return and(
    visibleTo(actor),
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

export async function pageInbox(db: Executor, actor: Actor, f: OpinionQuery, now: Date) {
  const where = inboxWhere(actor, f, now);
  const [rows, counted] = await Promise.all([
    db
      .select(listColumns)
      .from(opinions)
      .innerJoin(bodies, eq(bodies.id, opinions.bodyId))
      .leftJoin(stations, eq(stations.id, opinions.stationId))
      .leftJoin(deputies, eq(deputies.id, opinions.deputyId))
      .leftJoin(handlingUnits, eq(handlingUnits.id, opinions.handlingUnitId))
      .where(where)
      .orderBy(...newestFirst)
      .limit(f.pageSize)
      .offset(offsetOf(f)),
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
    .where(inboxWhere(actor, f, now))
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
