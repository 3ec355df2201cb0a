import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, varchar, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, regions, users } from '../../db/platform-tables.js';

/**
 * A deputy (人大代表) of one congress body in one term (届). A person who is a deputy at several
 * levels (五级代表联动) has one row per body, linked by `personKey` (e.g. hashed ID-card number).
 */
export const deputies = pgTable(
  'deputies',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** Login account of the deputy, when they have one. */
    userId: uuid('user_id').references(() => users.id),
    personKey: varchar('person_key', { length: 64 }),
    term: varchar('term', { length: 16 }).notNull(),
    name: text('name').notNull(),
    gender: varchar('gender', { length: 8 }),
    ethnicity: text('ethnicity'),
    birthDate: date('birth_date'),
    party: text('party'),
    occupation: text('occupation'),
    employer: text('employer'),
    constituency: text('constituency'),
    phone: varchar('phone', { length: 20 }),
    status: varchar('status', { length: 16 }).notNull().default('in_office'),
    statusDate: date('status_date'),
    /** Yearly commitments (履职承诺) shown on the public card. */
    commitments: jsonb('commitments'),
    /** Random, unguessable id used in the deputy's public QR code (代表码). */
    publicCode: varchar('public_code', { length: 24 }).notNull().unique(),
    createdAt: createdAtColumn(),
    /** Post shown on the public card (职务), e.g. "王江泾镇南汇村党委书记". */
    post: text('post'),
    /** What the deputy agrees to publish for contact (office phone, reception hours). */
    publicContact: text('public_contact'),
    statusReason: text('status_reason'),
    photoAttachmentId: uuid('photo_attachment_id'),
    updatedAt: timestampColumn('updated_at'),
    /** Seat on the standing committee of this body (主任、副主任、秘书长、委员), null when not a member. */
    committeeRole: varchar('committee_role', { length: 24 }),
  },
  (t) => [
    index('deputies_body_term_idx').on(t.bodyId, t.term, t.status),
    index('deputies_person_idx').on(t.personKey),
    // The paged list sorts by name (byte order, COLLATE "C", the same on every server) and searches
    // by name prefix (姓氏或全名); one index per shape serves both the order and the LIKE 'x%'.
    index('deputies_body_name_c_idx').using('btree', t.bodyId, sql`${t.name} COLLATE "C"`, t.id),
    index('deputies_name_c_idx').using('btree', sql`${t.name} COLLATE "C"`, t.id),
    uniqueIndex('deputies_body_term_person_unique').on(t.bodyId, t.term, t.personKey),
    uniqueIndex('deputies_user_unique').on(t.userId),
  ],
);

/** 代表小组 (by region) and 专业小组 (by field) of one body and term. */
export const deputyGroups = pgTable(
  'deputy_groups',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    term: varchar('term', { length: 16 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    name: text('name').notNull(),
    field: varchar('field', { length: 24 }),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    leaderId: uuid('leader_id').references(() => deputies.id),
    description: text('description'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('deputy_groups_body_term_name_unique').on(t.bodyId, t.term, t.name)],
);

export const deputyGroupMembers = pgTable(
  'deputy_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => deputyGroups.id, { onDelete: 'cascade' }),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    /** Repeated from the group so "one region group per deputy" is a unique index. */
    groupKind: varchar('group_kind', { length: 16 }).notNull(),
    joinedAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.deputyId] }), index('deputy_group_members_deputy_idx').on(t.deputyId, t.groupKind)],
);

/** 网格: a village or community a body's deputies look after (网格化履职, seed 001). */
export const gridCells = pgTable(
  'grid_cells',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('grid_cells_body_region_unique').on(t.bodyId, t.regionCode)],
);

export const gridCellDeputies = pgTable(
  'grid_cell_deputies',
  {
    cellId: uuid('cell_id')
      .notNull()
      .references(() => gridCells.id, { onDelete: 'cascade' }),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.cellId, t.deputyId] }), index('grid_cell_deputies_deputy_idx').on(t.deputyId)],
);

/** 履职登记: one activity, with one or many deputies taking part. */
export const dutyRecords = pgTable(
  'duty_records',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    place: text('place'),
    title: text('title').notNull(),
    description: text('description'),
    /** Voters met, for receptions (联系群众). */
    votersReceived: integer('voters_received').notNull().default(0),
    /** Activity inside a grid cell (融入基层治理). */
    gridCellId: uuid('grid_cell_id').references(() => gridCells.id),
    /** deputy (self-recorded), staff (recorded for many), station (written by closing a reception session). */
    source: varchar('source', { length: 12 }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [index('duty_records_body_date_idx').on(t.bodyId, t.occurredOn)],
);

/**
 * Who took part. `occurredOn` and `kind` repeat the record's so that a deputy's yearly counts per
 * kind (七个一, 量化考评, 履职档案) are read from this index alone, even with millions of records.
 */
export const dutyParticipants = pgTable(
  'duty_participants',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => dutyRecords.id, { onDelete: 'cascade' }),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    occurredOn: date('occurred_on').notNull(),
    kind: varchar('kind', { length: 24 }).notNull(),
    gridCell: boolean('grid_cell').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.deputyId] }),
    index('duty_participants_deputy_date_idx').on(t.deputyId, t.occurredOn, t.kind),
  ],
);

/** 量化考评 points per activity kind, set by a body (else the nearest ancestor's, else the default). */
export const assessmentWeights = pgTable(
  'assessment_weights',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    points: integer('points').notNull(),
    /** Most points a deputy can earn from this kind in one year. */
    yearlyCap: integer('yearly_cap'),
    updatedAt: timestampColumn('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.kind] })],
);

/** A published year of scores: the snapshot each deputy sees as their result. */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    year: integer('year').notNull(),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    score: integer('score').notNull(),
    rank: integer('rank').notNull(),
    of: integer('of').notNull(),
    detail: jsonb('detail').notNull(),
    publishedAt: timestampColumn('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.year, t.deputyId] }), index('assessment_results_deputy_idx').on(t.deputyId, t.year)],
);
