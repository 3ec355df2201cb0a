import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { BallotChoices } from '@renda/shared';
import { perDatabase, type Db, type Executor } from '../../db/client.js';
import { auditEvents, bodies, users } from '../../db/schema.js';
import { inScope, likePrefix, type Scope } from '../../platform/scope.js';
import { deputies } from '../deputies/tables.js';
import { voteBallots, voteNamedBallots, votePaperPending, voteRoll, votes } from './tables.js';
import { titleColumn, type AuditTitleSource } from '../../platform/audit.js';
import { type AuditEntity } from '@renda/shared';

export type VoteRecord = typeof votes.$inferSelect;
export type RollRow = typeof voteRoll.$inferInsert;

export async function insertVote(db: Executor, row: typeof votes.$inferInsert) {
  const [created] = await db.insert(votes).values(row).returning({ id: votes.id });
  return created!.id;
}

/** The vote within the actor's scope (null scope: any, for public pages and owner modules). */
export async function getVote(db: Executor, scope: Scope | null, id: string, lock?: 'update' | 'share') {
  const query = db
    .select()
    .from(votes)
    .where(scope ? and(eq(votes.id, id), inScope(votes.bodyId, scope)) : eq(votes.id, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

export async function bodyName(db: Executor, bodyId: string) {
  const [row] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, bodyId));
  return row?.name ?? '';
}

export async function updateVote(db: Executor, id: string, patch: Partial<typeof votes.$inferInsert>) {
  const [row] = await db.update(votes).set(patch).where(eq(votes.id, id)).returning();
  return row!;
}

// ---- the electorate ----

const inOffice = (bodyId: string) => and(eq(deputies.bodyId, bodyId), eq(deputies.status, 'in_office'));

export interface Member {
  voterId: string;
  deputyId: string | null;
  userId: string | null;
  name: string;
}

export async function congressMembers(db: Executor, bodyId: string): Promise<Member[]> {
  const rows = await db
    .select({ deputyId: deputies.id, userId: deputies.userId, name: deputies.name })
    .from(deputies)
    .where(inOffice(bodyId))
    .orderBy(asc(deputies.name), asc(deputies.id));
  return rows.map((r) => ({ voterId: r.deputyId, ...r }));
}

export async function committeeMembers(db: Executor, bodyId: string): Promise<Member[]> {
  const rows = await db
    .select({ deputyId: deputies.id, userId: deputies.userId, name: deputies.name })
    .from(deputies)
    .where(and(inOffice(bodyId), isNotNull(deputies.committeeRole)))
    .orderBy(asc(deputies.name), asc(deputies.id));
  return rows.map((r) => ({ voterId: r.deputyId, ...r }));
}

export async function listedMembers(db: Executor, bodyId: string, deputyIds: readonly string[]): Promise<Member[]> {
  if (deputyIds.length === 0) return [];
  const rows = await db
    .select({ deputyId: deputies.id, userId: deputies.userId, name: deputies.name })
    .from(deputies)
    .where(and(inOffice(bodyId), inArray(deputies.id, [...deputyIds])))
    .orderBy(asc(deputies.name), asc(deputies.id));
  return rows.map((r) => ({ voterId: r.deputyId, ...r }));
}

/** Active staff accounts of the body (the staff part of a 评选's electorate). */
export async function staffMembers(db: Executor, bodyId: string): Promise<Member[]> {
  const rows = await db
    .select({ userId: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.bodyId, bodyId), eq(users.role, 'staff'), eq(users.active, true)))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((r) => ({ voterId: r.userId, deputyId: null, userId: r.userId, name: r.name }));
}

export async function insertRoll(
  db: Executor,
  voteId: string,
  members: readonly (Member & { voted?: boolean; channel?: string | null })[],
) {
  for (let i = 0; i < members.length; i += 1000)
    await db.insert(voteRoll).values(members.slice(i, i + 1000).map((m) => ({ voteId, ...m })));
}

/** The actor's line on the roll, if they are on it. */
export async function rollLineOfUser(db: Executor, voteId: string, userId: string) {
  const [row] = await db
    .select()
    .from(voteRoll)
    .where(and(eq(voteRoll.voteId, voteId), eq(voteRoll.userId, userId)));
  return row;
}

export async function rollLine(db: Executor, voteId: string, voterId: string) {
  const [row] = await db
    .select()
    .from(voteRoll)
    .where(and(eq(voteRoll.voteId, voteId), eq(voteRoll.voterId, voterId)));
  return row;
}

/** Marks the voter as having voted; false when they already had (one ballot per voter). */
export async function markVoted(db: Executor, voteId: string, voterId: string, channel: 'app' | 'paper'): Promise<boolean> {
  const marked = await db
    .update(voteRoll)
    .set({ voted: true, channel })
    .where(and(eq(voteRoll.voteId, voteId), eq(voteRoll.voterId, voterId), eq(voteRoll.voted, false)))
    .returning({ voterId: voteRoll.voterId });
  return marked.length === 1;
}

export async function turnout(db: Executor, voteId: string) {
  const rows = await db
    .select({ channel: voteRoll.channel, n: count() })
    .from(voteRoll)
    .where(and(eq(voteRoll.voteId, voteId), eq(voteRoll.voted, true)))
    .groupBy(voteRoll.channel);
  const by = { app: 0, paper: 0 };
  for (const r of rows) by[r.channel === 'paper' ? 'paper' : 'app'] += Number(r.n);
  return by;
}

export async function notVoted(db: Executor, voteId: string) {
  return db
    .select({ voterId: voteRoll.voterId, name: voteRoll.name })
    .from(voteRoll)
    .where(and(eq(voteRoll.voteId, voteId), eq(voteRoll.voted, false)))
    .orderBy(asc(voteRoll.name), asc(voteRoll.voterId));
}

// ---- casting: one prepared statement, no transaction ----

const param = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

const a = auditEvents;
const auditColumns = sql.raw(
  [a.at, a.actorId, a.actorName, a.bodyId, a.entity, a.entityId, a.action, a.after, a.requestId, a.ip].map((c) => `"${c.name}"`).join(', '),
);

/**
 * A cast as one statement, atomic without BEGIN/COMMIT: the vote row is share-locked (closing waits for
 * it, and a cast that waited on closing sees the vote closed) and its body's path is checked against the
 * actor's scope as it is now; the actor's roll line is found by their user id (a person with two lines,
 * a staff member who is also a deputy, is taken on a marked one first: one ballot per person) and marked
 * only if it was not, the vote is open, in scope and the ballot valid; only then the ballot, the
 * named-ballot row of an open vote and the audit row are written. A ballot code already in the box aborts
 * the whole statement (unique key), so the mark is undone too. The ballot and the roll line are still
 * written apart, with nothing that relates them.
 */
function castStatement(db: Db) {
  const withs = [
    db.$with('cast_vote', {}).as(
      sql`SELECT ${votes.state} AS state,
                 (SELECT ${bodies.path} FROM ${bodies} WHERE ${bodies.id} = ${votes.bodyId}) LIKE ${param('scope', 'text')} AS in_scope
            FROM ${votes} WHERE ${votes.id} = ${param('voteId', 'uuid')} FOR SHARE`,
    ),
    db.$with('cast_line', {}).as(
      sql`SELECT voter_id, voted FROM ${voteRoll}
           WHERE vote_id = ${param('voteId', 'uuid')} AND user_id = ${param('userId', 'uuid')}
           ORDER BY voted DESC, voter_id LIMIT 1`,
    ),
    db.$with('cast_mark', {}).as(
      sql`UPDATE ${voteRoll} SET voted = true, channel = 'app'
           WHERE vote_id = ${param('voteId', 'uuid')} AND voter_id = (SELECT voter_id FROM cast_line) AND voted = false
             AND ${param('valid', 'boolean')} AND (SELECT state = 'open' AND in_scope FROM cast_vote)
          RETURNING voter_id`,
    ),
    db.$with('cast_ballot', {}).as(
      sql`INSERT INTO ${voteBallots} (vote_id, code, choices)
          SELECT ${param('voteId', 'uuid')}, ${param('code', 'text')}, ${param('choices', 'jsonb')} FROM cast_mark`,
    ),
    db.$with('cast_named', {}).as(
      sql`INSERT INTO ${voteNamedBallots} (vote_id, code, voter_id)
          SELECT ${param('voteId', 'uuid')}, ${param('code', 'text')}, voter_id FROM cast_mark WHERE NOT ${param('secret', 'boolean')}`,
    ),
    db.$with('cast_audit', {}).as(
      sql`INSERT INTO ${auditEvents} (${auditColumns})
          SELECT ${param('at', 'timestamptz')}, ${param('actorId', 'uuid')}, ${param('actorName', 'text')}, ${param('bodyId', 'uuid')},
                 'vote', ${param('voteId', 'text')}, 'cast', ${param('audit', 'jsonb')}, ${param('requestId', 'text')}, ${param('ip', 'text')}
            FROM cast_mark`,
    ),
  ];
  return db
    .with(...withs)
    .select({
      state: sql<string>`v.state`,
      inScope: sql<boolean>`v.in_scope`,
      voted: sql<boolean | null>`l.voted`,
      marked: sql<boolean>`EXISTS (SELECT 1 FROM cast_mark)`,
    })
    .from(sql`cast_vote v LEFT JOIN cast_line l ON true`)
    .prepare('vote_cast');
}

const castStatementOf = perDatabase(castStatement);

export interface CastRow {
  voteId: string;
  /** The actor: their roll line is found by it, and the vote's body must be within their scope. */
  userId: string;
  scope: Scope;
  code: string;
  choices: Record<string, string>;
  secret: boolean;
  /** False: the statement only reports (state, scope, roll line) and writes nothing. */
  valid: boolean;
  audit: typeof auditEvents.$inferInsert;
}

/**
 * Marks the roll and puts the ballot in the box in one statement. Undefined when there is no such vote;
 * `voted` null when the actor is not on the roll; `marked` false when nothing was written (already
 * marked, not open, out of scope, or not valid).
 */
export async function castOne(db: Db, c: CastRow) {
  const [row] = await castStatementOf(db).execute({
    voteId: c.voteId,
    userId: c.userId,
    scope: likePrefix(c.scope.bodyPath),
    code: c.code,
    choices: JSON.stringify(c.choices),
    secret: c.secret,
    valid: c.valid,
    at: (c.audit.at ?? new Date()).toISOString(),
    actorId: c.audit.actorId ?? null,
    actorName: c.audit.actorName ?? null,
    bodyId: c.audit.bodyId ?? null,
    audit: JSON.stringify(c.audit.after ?? null),
    requestId: c.audit.requestId ?? null,
    ip: c.audit.ip ?? null,
  });
  return row;
}

// ---- the ballot box ----

/** Puts a ballot in the box; false when the code is taken. */
export async function insertBallot(db: Executor, voteId: string, code: string, choices: Record<string, string>): Promise<boolean> {
  const inserted = await db
    .insert(voteBallots)
    .values({ voteId, code, choices })
    .onConflictDoNothing()
    .returning({ code: voteBallots.code });
  return inserted.length === 1;
}

/** Ballots of a vote stored elsewhere (the demo's history), in slices. */
export async function insertBallots(db: Executor, voteId: string, ballots: readonly { code: string; choices: BallotChoices }[]) {
  for (let i = 0; i < ballots.length; i += 1000)
    await db.insert(voteBallots).values(ballots.slice(i, i + 1000).map((b) => ({ voteId, ...b })));
}

export async function ballotExists(db: Executor, voteId: string, code: string) {
  const [row] = await db
    .select({ code: voteBallots.code })
    .from(voteBallots)
    .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.code, code)));
  return !!row;
}

/** Every ballot of the vote, sorted by code (the published order; says nothing of when each was cast). */
export async function ballotsOf(db: Executor, voteId: string) {
  const rows = await db
    .select({ code: voteBallots.code, choices: voteBallots.choices })
    .from(voteBallots)
    .where(eq(voteBallots.voteId, voteId))
    .orderBy(sql`${voteBallots.code} collate "C"`);
  return rows as { code: string; choices: BallotChoices }[];
}

export async function ballotCount(db: Executor, voteId: string) {
  const [row] = await db.select({ n: count() }).from(voteBallots).where(eq(voteBallots.voteId, voteId));
  return Number(row?.n ?? 0);
}

// ---- paper ballots awaiting confirmation ----

export async function insertPending(db: Executor, voteId: string, choices: Record<string, string>, enteredBy: string) {
  const [row] = await db.insert(votePaperPending).values({ voteId, choices, enteredBy }).returning({ id: votePaperPending.id });
  return row!.id;
}

export async function pendingOf(db: Executor, voteId: string) {
  return db
    .select({
      id: votePaperPending.id,
      choices: votePaperPending.choices,
      enteredBy: votePaperPending.enteredBy,
      enteredByName: users.displayName,
    })
    .from(votePaperPending)
    .innerJoin(users, eq(users.id, votePaperPending.enteredBy))
    .where(eq(votePaperPending.voteId, voteId))
    .orderBy(asc(votePaperPending.id));
}

export async function pendingCount(db: Executor, voteId: string) {
  const [row] = await db.select({ n: count() }).from(votePaperPending).where(eq(votePaperPending.voteId, voteId));
  return Number(row?.n ?? 0);
}

export async function takePending(db: Executor, voteId: string, id: string) {
  const [row] = await db
    .delete(votePaperPending)
    .where(and(eq(votePaperPending.voteId, voteId), eq(votePaperPending.id, id)))
    .returning();
  return row;
}

export async function peekPending(db: Executor, voteId: string, id: string) {
  const [row] = await db
    .select()
    .from(votePaperPending)
    .where(and(eq(votePaperPending.voteId, voteId), eq(votePaperPending.id, id)));
  return row;
}

/** Drops the paper ballots nobody confirmed (at closing: they are not counted). */
export async function dropPending(db: Executor, voteId: string) {
  const dropped = await db.delete(votePaperPending).where(eq(votePaperPending.voteId, voteId)).returning({ id: votePaperPending.id });
  return dropped.length;
}

export async function listVotes(db: Executor, scope: Scope, filter: { subjectModule?: string; subjectId?: string }, limit: number) {
  return db
    .select()
    .from(votes)
    .where(
      and(
        inScope(votes.bodyId, scope),
        filter.subjectModule ? eq(votes.subjectModule, filter.subjectModule) : undefined,
        filter.subjectId ? eq(votes.subjectId, filter.subjectId) : undefined,
      ),
    )
    .orderBy(sql`${votes.createdAt} desc`, sql`${votes.id} desc`)
    .limit(limit);
}

/** The roll as fixed at opening: who may vote and whether they have (never what). */
export async function rollOf(db: Executor, voteId: string) {
  return db
    .select({ voterId: voteRoll.voterId, deputyId: voteRoll.deputyId, userId: voteRoll.userId, name: voteRoll.name, voted: voteRoll.voted })
    .from(voteRoll)
    .where(eq(voteRoll.voteId, voteId))
    .orderBy(sql`${voteRoll.deputyId} is null`, asc(voteRoll.name), asc(voteRoll.voterId));
}

/** What the audit log calls this module's records (platform/audit.ts `registerAuditTitles`). */
export const auditTitleSources: Partial<Record<AuditEntity, AuditTitleSource>> = {
  vote: titleColumn(votes.id, votes.title),
};

/** The open votes whose roll holds the user and that still wait for their ballot, closing soonest first. */
export function openVotesAwaiting(db: Executor, userId: string) {
  return db
    .select({ id: votes.id, title: votes.title, closesAt: votes.closesAt })
    .from(votes)
    .innerJoin(voteRoll, eq(voteRoll.voteId, votes.id))
    .where(and(eq(votes.state, 'open'), eq(voteRoll.userId, userId), eq(voteRoll.voted, false)))
    .orderBy(asc(votes.closesAt), asc(votes.id));
}
