import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, handlingUnits, regions, users } from '../../db/platform-tables.js';
import { deputies, deputyGroups, dutyRecords } from '../deputies/tables.js';

/**
 * 双联系 (seeds 002, 004): a committee member (常委会组成人员, a leader or staff account of the
 * body) assigned to keep in touch with a deputy, or a deputy's voter (联系的群众), for one year.
 * The deputy's body owns the link, so scope follows the deputy.
 */
export const contactLinks = pgTable(
  'contact_links',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    year: integer('year').notNull(),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    memberId: uuid('member_id').references(() => users.id),
    voterName: text('voter_name'),
    /** Only the masked number is kept (138****0000): enough to recognise, not to misuse. */
    voterPhoneMasked: varchar('voter_phone_masked', { length: 16 }),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('contact_links_body_year_idx').on(t.bodyId, t.year, t.kind),
    index('contact_links_deputy_idx').on(t.deputyId, t.year),
    index('contact_links_member_idx').on(t.memberId, t.year),
    check(
      'contact_links_kind_check',
      sql`(${t.kind} = 'member_deputy' AND ${t.memberId} IS NOT NULL) OR (${t.kind} = 'deputy_voter' AND ${t.voterName} IS NOT NULL)`,
    ),
  ],
);

/** 联系记录: one contact on a link. A deputy's contact with a voter also writes a duty-log entry. */
export const contactRecords = pgTable(
  'contact_records',
  {
    id: idColumn(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => contactLinks.id),
    occurredOn: date('occurred_on').notNull(),
    way: varchar('way', { length: 16 }).notNull(),
    content: text('content').notNull(),
    raised: text('raised'),
    dutyRecordId: uuid('duty_record_id').references(() => dutyRecords.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index('contact_records_link_idx').on(t.linkId, t.occurredOn)],
);

/** 代表约见国家机关负责人: request, approval, meeting, the agency's answer and the deputy's rating. */
export const appointments = pgTable(
  'appointments',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    groupId: uuid('group_id').references(() => deputyGroups.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => handlingUnits.id),
    official: text('official').notNull(),
    topic: text('topic').notNull(),
    reason: text('reason').notNull(),
    state: varchar('state', { length: 16 }).notNull().default('requested'),
    declineReason: text('decline_reason'),
    scheduledAt: timestampColumn('scheduled_at'),
    place: text('place'),
    attendees: text('attendees'),
    meetingNotes: text('meeting_notes'),
    heldOn: date('held_on'),
    dutyRecordId: uuid('duty_record_id').references(() => dutyRecords.id),
    commitment: text('commitment'),
    followUp: text('follow_up'),
    rating: varchar('rating', { length: 24 }),
    ratingComment: text('rating_comment'),
    cancelReason: text('cancel_reason'),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [
    index('appointments_body_idx').on(t.bodyId, t.state),
    index('appointments_deputy_idx').on(t.deputyId),
    index('appointments_unit_idx').on(t.unitId, t.state),
  ],
);
