import { date, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, outboxMessages, users } from '../../db/platform-tables.js';
import { deputies } from '../deputies/tables.js';

/** 回选区述职: a deputy reports to the voters of their constituency (述), shows the record (晒), voters rate it (评). */
export const reportBacks = pgTable(
  'report_backs',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    constituency: text('constituency').notNull(),
    title: text('title').notNull(),
    report: text('report').notNull(),
    /** 'phone': one rating per phone number; 'attendee': one per registered attendee's code. */
    ratingMode: varchar('rating_mode', { length: 16 }).notNull().default('phone'),
    state: varchar('state', { length: 16 }).notNull().default('draft'),
    /** Random, unguessable id of the public rating page (QR code). */
    publicCode: varchar('public_code', { length: 24 }).notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    openedAt: timestampColumn('opened_at'),
    closedAt: timestampColumn('closed_at'),
  },
  (t) => [index('report_backs_body_idx').on(t.bodyId, t.heldOn), index('report_backs_deputy_idx').on(t.deputyId, t.heldOn)],
);

/**
 * One voter's rating. The phone number is kept only as a keyed hash (for the one-rating-per-phone
 * rule) and a masked form for staff; the full number is not stored.
 */
export const reportBackRatings = pgTable(
  'report_back_ratings',
  {
    id: idColumn(),
    reportBackId: uuid('report_back_id')
      .notNull()
      .references(() => reportBacks.id),
    phoneHash: varchar('phone_hash', { length: 64 }).notNull(),
    phoneMasked: varchar('phone_masked', { length: 16 }).notNull(),
    rating: varchar('rating', { length: 24 }).notNull(),
    comment: text('comment').notNull().default(''),
    ip: varchar('ip', { length: 64 }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('report_back_ratings_phone_unique').on(t.reportBackId, t.phoneHash)],
);

/**
 * The people registered at an event (attendee mode), each with a one-time rating code. The code is
 * kept readable because staff print and hand it out; `usedAt` is set when it rates, and the rating
 * itself is stored without a link to the attendee, so staff cannot see who rated how.
 */
export const reportBackAttendees = pgTable(
  'report_back_attendees',
  {
    id: idColumn(),
    reportBackId: uuid('report_back_id')
      .notNull()
      .references(() => reportBacks.id),
    name: text('name').notNull(),
    phoneHash: varchar('phone_hash', { length: 64 }),
    phoneMasked: varchar('phone_masked', { length: 16 }),
    code: varchar('code', { length: 8 }).notNull(),
    usedAt: timestampColumn('used_at'),
    /** The last SMS that sent the attendee their code (the full phone lives only in that outbox row). */
    smsMessageId: uuid('sms_message_id').references(() => outboxMessages.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('report_back_attendees_code_unique').on(t.reportBackId, t.code),
    // The same person (by phone) is registered once per event.
    uniqueIndex('report_back_attendees_phone_unique').on(t.reportBackId, t.phoneHash),
  ],
);

/** 最美人大代表: a campaign of one body with nominations, a vote and a ranked result. */
export const honourCampaigns = pgTable(
  'honour_campaigns',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    places: integer('places').notNull(),
    maxChoices: integer('max_choices').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('nominating'),
    createdAt: createdAtColumn(),
    votingOpenedAt: timestampColumn('voting_opened_at'),
    closedAt: timestampColumn('closed_at'),
    /** The vote (votes module) that opens with voting: the roll, the ballots and the tally live there. */
    voteId: uuid('vote_id'),
  },
  (t) => [index('honour_campaigns_body_idx').on(t.bodyId)],
);

export const honourNominations = pgTable(
  'honour_nominations',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => honourCampaigns.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    reason: text('reason').notNull(),
    nominatedBy: uuid('nominated_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('honour_nominations_deputy_unique').on(t.campaignId, t.deputyId)],
);
