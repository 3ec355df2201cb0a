import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, handlingUnits, users } from '../../db/platform-tables.js';
import { deputies } from '../deputies/tables.js';

/**
 * A meeting of a body: 人民代表大会会议 (a township's 年中人代会 too, seed 002), 常委会会议, 主任会议,
 * 联席会议 with the "one government, one commission, two courts" (seed 000).
 */
export const meetings = pgTable(
  'meetings',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    midYear: boolean('mid_year').notNull().default(false),
    /** 第N次会议 within the term. */
    number: integer('number').notNull(),
    term: varchar('term', { length: 16 }).notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    place: text('place').notNull(),
    note: text('note'),
    state: varchar('state', { length: 16 }).notNull().default('planned'),
    /** Random, unguessable code the hall's sign-in QR code carries. */
    signInCode: varchar('sign_in_code', { length: 24 }).notNull(),
    materialsPublishedAt: timestampColumn('materials_published_at'),
    /** The duty record (列席) written for the observing deputies who signed in, at closing. */
    dutyRecordId: uuid('duty_record_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    notifiedAt: timestampColumn('notified_at'),
    openedAt: timestampColumn('opened_at'),
    closedAt: timestampColumn('closed_at'),
  },
  (t) => [
    index('meetings_body_idx').on(t.bodyId, t.startsOn),
    uniqueIndex('meetings_body_kind_number_unique').on(t.bodyId, t.kind, t.term, t.number),
  ],
);

/** An agenda item, in order; it may be about another module's record (module + id + title, no import). */
export const meetingItems = pgTable(
  'meeting_items',
  {
    id: idColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    title: text('title').notNull(),
    presenter: text('presenter'),
    description: text('description'),
    linkModule: varchar('link_module', { length: 24 }),
    linkId: varchar('link_id', { length: 64 }),
    linkTitle: text('link_title'),
    toVote: boolean('to_vote').notNull().default(false),
    threshold: varchar('threshold', { length: 16 }).notNull().default('more_than_half'),
    /** The vote of the one vote component (modules/votes) taken on this item. */
    voteId: uuid('vote_id'),
    secret: boolean('secret'),
    outcome: varchar('outcome', { length: 8 }),
    resultText: text('result_text'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('meeting_items_meeting_idx').on(t.meetingId, t.position), uniqueIndex('meeting_items_vote_unique').on(t.voteId)],
);

/**
 * Everyone expected at a meeting: its members (the full membership, taken when the meeting is
 * created: quorum and thresholds count them all), deputies invited to observe (列席) and organs
 * invited to report. Replies (出席 / 请假 with a reason) and the sign-in are kept on the row.
 */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: idColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    role: varchar('role', { length: 16 }).notNull(),
    deputyId: uuid('deputy_id').references(() => deputies.id),
    unitId: uuid('unit_id').references(() => handlingUnits.id),
    name: text('name').notNull(),
    reporter: text('reporter'),
    response: varchar('response', { length: 16 }).notNull().default('pending'),
    leaveReason: text('leave_reason'),
    respondedAt: timestampColumn('responded_at'),
    signedInAt: timestampColumn('signed_in_at'),
    signInWay: varchar('sign_in_way', { length: 8 }),
    signedInBy: uuid('signed_in_by').references(() => users.id),
    leftAt: timestampColumn('left_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('meeting_attendees_deputy_unique').on(t.meetingId, t.deputyId),
    uniqueIndex('meeting_attendees_unit_unique').on(t.meetingId, t.unitId),
    index('meeting_attendees_deputy_idx').on(t.deputyId),
  ],
);

/** 重大事项决定 (seed 004): 提出与审查、调研与论证（表决前评估）、审议与表决、公布与实施. */
export const majorMatters = pgTable(
  'major_matters',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    proposer: text('proposer').notNull(),
    proposal: text('proposal').notNull(),
    threshold: varchar('threshold', { length: 16 }).notNull().default('more_than_half'),
    evaluation: text('evaluation'),
    evaluatedAt: timestampColumn('evaluated_at'),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id').references(() => meetingItems.id),
    resolution: text('resolution'),
    resultText: text('result_text'),
    state: varchar('state', { length: 16 }).notNull().default('proposed'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    decidedAt: timestampColumn('decided_at'),
  },
  (t) => [index('major_matters_body_idx').on(t.bodyId, t.createdAt)],
);
