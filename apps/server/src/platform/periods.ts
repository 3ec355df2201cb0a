import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { addCalendarMonths } from './deadlines.js';

/**
 * A timestamp column within a period of China calendar dates, both ends included (a deputy's year,
 * a performance file's period, a list's date filter): the dates are read in Asia/Shanghai whatever the
 * server's zone. An end left out leaves the period open on that side; none at all filters nothing.
 */
export function withinChinaDates(column: AnyPgColumn, from: string | undefined, to: string | undefined): SQL | undefined {
  return and(
    from ? sql`${column} >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'` : undefined,
    to ? sql`${column} < ((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')` : undefined,
  );
}

/** A period of China calendar dates, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** This period and the one it is compared with. */
export interface ComparedPeriods {
  current: Period;
  previous: Period;
}

/**
 * The periods a figure compares (figures that moved): this month so far, against the same days of last
 * month, so that a month just begun is not set against a whole one. A day last month lacks falls back to
 * its last day (3月31日 compares with 2月1日–28日). `today` is a China date.
 */
export function monthSoFar(today: string): ComparedPeriods {
  const first = `${today.slice(0, 8)}01`;
  return {
    current: { from: first, to: today },
    previous: { from: addCalendarMonths(first, -1), to: addCalendarMonths(today, -1) },
  };
}
