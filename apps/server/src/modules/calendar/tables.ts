import { date, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { timestampColumn } from '../../db/columns.js';

/** A year of the official calendar: entered from the State Council's notice or seeded from the chinese-days package. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** package | manual */
  source: varchar('source', { length: 8 }).notNull(),
  /** The notice it was entered from (国务院办公厅关于2027年部分节假日安排的通知). */
  notice: text('notice'),
  updatedAt: timestampColumn('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** One official day off (off, 休) or make-up working day (work, 班) of a year's arrangement. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 4 }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);
