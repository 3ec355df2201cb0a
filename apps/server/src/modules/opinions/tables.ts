import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn, workflowEventColumns } from '../../db/columns.js';
import { bodies, handlingUnits } from '../../db/platform-tables.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';

/** A body's own category dictionary; a body without one uses its nearest ancestor's, then the built-in list. */
export const opinionCategories = pgTable(
  'opinion_categories',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    code: varchar('code', { length: 32 }).notNull(),
    label: text('label').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.code] })],
);

/** A citizen's opinion (群众意见): from a QR code of a station or deputy, or registered by staff. */
export const opinions = pgTable(
  'opinions',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    /** Random, unguessable code the citizen follows the opinion with. */
    trackingCode: varchar('tracking_code', { length: 20 }).notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    stationId: uuid('station_id').references(() => stations.id),
    deputyId: uuid('deputy_id').references(() => deputies.id),
    categoryCode: varchar('category_code', { length: 32 }).notNull(),
    /** The label at submission time, so exports agree with what the citizen chose. */
    categoryLabel: text('category_label').notNull(),
    content: text('content').notNull(),
    location: text('location'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    citizenName: text('citizen_name'),
    citizenPhone: varchar('citizen_phone', { length: 20 }),
    contactConsent: boolean('contact_consent').notNull().default(false),
    status: varchar('status', { length: 16 }).notNull(),
    declineReason: text('decline_reason'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => opinions.id),
    /** The deputy who takes the opinion up (代表领办). */
    takenByDeputyId: uuid('taken_by_deputy_id').references(() => deputies.id),
    handlingUnitId: uuid('handling_unit_id').references(() => handlingUnits.id),
    routeKind: varchar('route_kind', { length: 24 }),
    routeNote: text('route_note'),
    routedAt: timestampColumn('routed_at'),
    dueAt: timestampColumn('due_at'),
    signedAt: timestampColumn('signed_at'),
    returnReason: text('return_reason'),
    replyText: text('reply_text'),
    repliedAt: timestampColumn('replied_at'),
    replyApprovedAt: timestampColumn('reply_approved_at'),
    rating: varchar('rating', { length: 24 }),
    ratingComment: text('rating_comment'),
    ratedAt: timestampColumn('rated_at'),
    closedAt: timestampColumn('closed_at'),
    remindedAt: timestampColumn('reminded_at'),
    overdueAt: timestampColumn('overdue_at'),
    /** The suggestion (module 4) a deputy turned this opinion into; kept here, set through index.ts. */
    suggestionId: uuid('suggestion_id'),
    escalatedAt: timestampColumn('escalated_at'),
    submitIp: text('submit_ip'),
    /** Random key the page sends with a submission, so a retry after a lost answer returns the same code. */
    clientToken: varchar('client_token', { length: 40 }),
    createdAt: createdAtColumn(),
    updatedAt: timestampColumn('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('opinions_tracking_code_unique').on(t.trackingCode),
    uniqueIndex('opinions_client_token_unique')
      .on(t.clientToken)
      .where(sql`${t.clientToken} IS NOT NULL`),
    index('opinions_body_created_idx').on(t.bodyId, t.createdAt.desc()),
    // Newest first across many bodies (a city's staff see every body below): the inbox walks this for a
    // page's ids and filters by scope, state, category, unit and due date on the index alone (no INCLUDE
    // in drizzle, so the carried columns are trailing key columns).
    index('opinions_created_idx').on(t.createdAt.desc(), t.id.desc(), t.bodyId, t.status, t.categoryCode, t.handlingUnitId, t.dueAt),
    // Per body and state, with the category and due date carried: the inbox's capped counts.
    index('opinions_body_status_created_idx').on(t.bodyId, t.status, t.createdAt.desc(), t.categoryCode, t.dueAt, t.handlingUnitId),
    index('opinions_body_category_created_idx').on(t.bodyId, t.categoryCode, t.createdAt.desc()),
    // A handling unit's inbox, newest first, with what it is filtered by: pages and counts from the index.
    index('opinions_unit_created_idx')
      .on(t.handlingUnitId, t.createdAt.desc(), t.id.desc(), t.status, t.categoryCode, t.dueAt, t.bodyId)
      .where(sql`${t.handlingUnitId} IS NOT NULL`),
    index('opinions_station_idx')
      .on(t.stationId, t.createdAt.desc())
      .where(sql`${t.stationId} IS NOT NULL`),
    index('opinions_deputy_idx')
      .on(t.deputyId, t.createdAt.desc())
      .where(sql`${t.deputyId} IS NOT NULL`),
    index('opinions_phone_idx')
      .on(t.citizenPhone, t.createdAt)
      .where(sql`${t.citizenPhone} IS NOT NULL`),
    index('opinions_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} IN ('routed', 'signed_for')`),
    index('opinions_suggestion_idx')
      .on(t.suggestionId)
      .where(sql`${t.suggestionId} IS NOT NULL`),
  ],
);

/** Each step of an opinion; `public` steps make the citizen's timeline. */
export const opinionEvents = pgTable(
  'opinion_events',
  {
    ...workflowEventColumns(),
    opinionId: uuid('opinion_id')
      .notNull()
      .references(() => opinions.id),
    public: boolean('public').notNull().default(true),
  },
  (t) => [index('opinion_events_opinion_idx').on(t.opinionId, t.at)],
);
