import { date, index, jsonb, pgTable, text, varchar, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn } from '../../db/columns.js';
import { bodies, users } from '../../db/schema.js';

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
  },
  (t) => [index('deputies_body_term_idx').on(t.bodyId, t.term, t.status), index('deputies_person_idx').on(t.personKey)],
);
