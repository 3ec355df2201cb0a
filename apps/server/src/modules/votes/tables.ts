import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { bodies, users } from '../../db/platform-tables.js';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';

/** A vote of one body: its electorate, items, ballot kind, rule and state; the result once closed. */
export const votes = pgTable(
  'votes',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    subjectModule: varchar('subject_module', { length: 24 }).notNull(),
    subjectId: varchar('subject_id', { length: 64 }).notNull(),
    electorate: jsonb('electorate').notNull(),
    ballotKind: varchar('ballot_kind', { length: 24 }).notNull(),
    maxChoices: integer('max_choices'),
    secret: boolean('secret').notNull(),
    items: jsonb('items').notNull(),
    rule: jsonb('rule').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('draft'),
    opensAt: timestampColumn('opens_at'),
    closesAt: timestampColumn('closes_at'),
    parentVoteId: uuid('parent_vote_id'),
    runoffVoteId: uuid('runoff_vote_id'),
    /** Fixed when the vote opens (the roll); thresholds are counted on it. */
    electorateSize: integer('electorate_size'),
    /** The tally, written when the vote closes. */
    result: jsonb('result'),
    /** Paper ballots confirmed into the box (counted against the paper marks on the roll, never linked to them). */
    paperBallots: integer('paper_ballots').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    openedAt: timestampColumn('opened_at'),
    closedAt: timestampColumn('closed_at'),
    announcedAt: timestampColumn('announced_at'),
    /** When the announcement recomputed the result from the published ballots and found it equal. */
    verifiedAt: timestampColumn('verified_at'),
  },
  (t) => [index('votes_body_idx').on(t.bodyId), index('votes_subject_idx').on(t.subjectModule, t.subjectId)],
);

/**
 * The roll (投票人名单): who may vote and whether they have, fixed when the vote opens. No time and
 * nothing of the ballot: a row says only that this voter has voted, and how (app or paper).
 * `voterId` is the deputy's id, or the user's id for a staff voter.
 */
export const voteRoll = pgTable(
  'vote_roll',
  {
    voteId: uuid('vote_id')
      .notNull()
      .references(() => votes.id),
    voterId: uuid('voter_id').notNull(),
    deputyId: uuid('deputy_id'),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    voted: boolean('voted').notNull().default(false),
    channel: varchar('channel', { length: 8 }),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.voterId] }), index('vote_roll_user_idx').on(t.voteId, t.userId)],
);

/**
 * The ballot box: a random ballot code and the choices, nothing else — no voter, no time, no serial
 * id — so no column relates a ballot to the roll. Published sorted by code once the vote closes.
 */
export const voteBallots = pgTable(
  'vote_ballots',
  {
    voteId: uuid('vote_id')
      .notNull()
      .references(() => votes.id),
    code: varchar('code', { length: 14 }).notNull(),
    choices: jsonb('choices').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.code] })],
);

/**
 * Paper ballots keyed in by one staff member, waiting for a second to confirm them (not counted until
 * then). Random id, no time, no voter: the roll is marked apart when the deputy hands the paper in.
 */
export const votePaperPending = pgTable('vote_paper_pending', {
  id: uuid('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  voteId: uuid('vote_id')
    .notNull()
    .references(() => votes.id),
  choices: jsonb('choices').notNull(),
  enteredBy: uuid('entered_by')
    .notNull()
    .references(() => users.id),
});

/** Open (named, 记名) votes only: whose ballot each code is. Never written for a secret vote. */
export const voteNamedBallots = pgTable(
  'vote_named_ballots',
  {
    voteId: uuid('vote_id')
      .notNull()
      .references(() => votes.id),
    code: varchar('code', { length: 14 }).notNull(),
    voterId: uuid('voter_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.code] })],
);
