import { doublePrecision, index, pgTable, text, varchar, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn } from '../../db/columns.js';
import { bodies, regions } from '../../db/schema.js';

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
  },
  (t) => [index('stations_body_idx').on(t.bodyId)],
);
