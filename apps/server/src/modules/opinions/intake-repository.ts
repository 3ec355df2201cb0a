import { createHash } from 'node:crypto';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { perDatabase, type Db, type Executor } from '../../db/client.js';
import { auditEvents, bodies, handlingUnits, outboxMessages } from '../../db/schema.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';
import type { NewOpinionRow } from './opinion-repository.js';
import { opinionCategories, opinionEvents, opinions } from './tables.js';

/**
 * The citizens' side: public look-ups (QR codes and tracking codes are the only keys a citizen has)
 * and the group-committed writes of their submissions.
 */

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
const lookupStatementOf = perDatabase(lookupStatement);

export type IntakeKey = { station: string | null; deputy: string | null; clientToken: string | null };

/**
 * Everything public submissions are checked against, for many of them in one round trip: an earlier
 * submission with the same client token, the QR target and its body, and the category dictionary in
 * force there. (The form page uses it without a token.) Answers in the order asked.
 */
export async function intakeLookups(db: Db, keys: IntakeKey[]): Promise<IntakeLookup[]> {
  const rows = await lookupStatementOf(db).execute({
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

/** The opinion a tracking code names, locked for the citizen's step. */
export async function lockByTrackingCode(db: Executor, trackingCode: string) {
  const [row] = await db
    .select({ id: opinions.id, status: opinions.status, ratedAt: opinions.ratedAt })
    .from(opinions)
    .where(eq(opinions.trackingCode, trackingCode))
    .for('update');
  return row;
}
