import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A timestamp column within a period of China calendar dates, both ends included (a deputy's year,
 * a performance file's period): the dates are read in Asia/Shanghai whatever the server's zone.
 */
export function withinChinaDates(column: AnyPgColumn, from: string, to: string): SQL {
  return and(
    sql`${column} >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    sql`${column} < ((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
  )!;
}
