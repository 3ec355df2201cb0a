import { boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text, varchar, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, timestampColumn } from '../../db/columns.js';
import { bodies, regions, users } from '../../db/platform-tables.js';
import { deputies, dutyRecords } from '../deputies/tables.js';

/** A liaison station (代表之家 / 联络站 / 联络室 / 网上联络站 / 基层立法联系点). */
export const stations = pgTable(
  'stations',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    placeKind: varchar('place_kind', { length: 16 }),
    openingHours: text('opening_hours'),
    contactName: text('contact_name'),
    contactPhone: varchar('contact_phone', { length: 20 }),
    rules: text('rules'),
    /** Random, unguessable id used in the station's public QR code (联络站码). */
    publicCode: varchar('public_code', { length: 24 }).notNull().unique(),
    createdAt: createdAtColumn(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [index('stations_body_idx').on(t.bodyId)],
);

/** 四定: one reception day on the rota, with its hours, topic, responsible person and deputies. */
export const stationRota = pgTable(
  'station_rota',
  {
    id: idColumn(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    day: date('day').notNull(),
    startTime: varchar('start_time', { length: 5 }).notNull(),
    endTime: varchar('end_time', { length: 5 }).notNull(),
    topic: text('topic').notNull(),
    responsibleName: text('responsible_name').notNull(),
    responsiblePhone: varchar('responsible_phone', { length: 20 }),
    remindedAt: timestampColumn('reminded_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('station_rota_station_day_idx').on(t.stationId, t.day), index('station_rota_day_idx').on(t.day)],
);

export const stationRotaDeputies = pgTable(
  'station_rota_deputies',
  {
    rotaId: uuid('rota_id')
      .notNull()
      .references(() => stationRota.id, { onDelete: 'cascade' }),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.rotaId, t.deputyId] }), index('station_rota_deputies_deputy_idx').on(t.deputyId)],
);

/** A reception held at a station (接待选民); closing it writes the duty record of everyone signed in. */
export const receptionSessions = pgTable(
  'reception_sessions',
  {
    id: idColumn(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    rotaId: uuid('rota_id').references(() => stationRota.id),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    responsibleName: text('responsible_name').notNull(),
    /** 专委进站: the committee holding a hearing in the station, if any. */
    committee: text('committee'),
    votersReceived: integer('voters_received').notNull().default(0),
    notes: text('notes'),
    state: varchar('state', { length: 12 }).notNull().default('open'),
    dutyRecordId: uuid('duty_record_id').references(() => dutyRecords.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    closedAt: timestampColumn('closed_at'),
  },
  (t) => [index('reception_sessions_station_idx').on(t.stationId, t.heldOn)],
);

export const receptionSignins = pgTable(
  'reception_signins',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => receptionSessions.id, { onDelete: 'cascade' }),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => deputies.id),
    signedAt: timestampColumn('signed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.deputyId] })],
);

/** What a voter raised at a reception; `opinionId` links it once registered as a public opinion. */
export const receptionConcerns = pgTable(
  'reception_concerns',
  {
    id: idColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => receptionSessions.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    visitorName: text('visitor_name'),
    visitorPhone: varchar('visitor_phone', { length: 20 }),
    /** 同意承办单位联系我 (only with a phone): without it the unit does not see the visitor's name and phone. */
    contactConsent: boolean('contact_consent').notNull().default(false),
    resolvedOnSite: boolean('resolved_on_site').notNull().default(false),
    opinionId: uuid('opinion_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('reception_concerns_session_idx').on(t.sessionId)],
);
