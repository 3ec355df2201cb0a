import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CalendarDay, CalendarDayKind } from '../../platform/official-calendar.js';
import { users } from '../../db/platform-tables.js';
import { calendarDays, calendarYears } from './tables.js';

export const CALENDAR_CHANNEL = 'renda_calendar';

export interface YearRow {
  year: number;
  source: 'package' | 'manual';
  notice: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

export async function listYears(db: Executor): Promise<(YearRow & { daysOff: number; makeUpDays: number })[]> {
  const rows = await db
    .select({
      year: calendarYears.year,
      source: calendarYears.source,
      notice: calendarYears.notice,
      updatedAt: calendarYears.updatedAt,
      updatedBy: calendarYears.updatedBy,
      daysOff: sql<number>`count(${calendarDays.date}) filter (where ${calendarDays.kind} = 'off')::int`,
      makeUpDays: sql<number>`count(${calendarDays.date}) filter (where ${calendarDays.kind} = 'work')::int`,
    })
    .from(calendarYears)
    .leftJoin(calendarDays, eq(calendarDays.year, calendarYears.year))
    .groupBy(calendarYears.year)
    .orderBy(asc(calendarYears.year));
  return rows as (YearRow & { daysOff: number; makeUpDays: number })[];
}

export async function getYear(db: Executor, year: number): Promise<YearRow | null> {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return (row as YearRow | undefined) ?? null;
}

export async function yearNumbers(db: Executor): Promise<number[]> {
  return (await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year);
}

export async function daysOfYear(db: Executor, year: number): Promise<CalendarDay[]> {
  const rows = await db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date));
  return rows.map((r) => ({ ...r, kind: r.kind as CalendarDayKind }));
}

export async function allDays(db: Executor): Promise<CalendarDay[]> {
  const rows = await db.select().from(calendarDays);
  return rows.map((r) => ({ ...r, kind: r.kind as CalendarDayKind }));
}

/** Entries of other years on any of these dates (a date belongs to one year's arrangement). */
export async function clashingDays(db: Executor, year: number, dates: string[]): Promise<CalendarDay[]> {
  if (!dates.length) return [];
  const rows = await db.select().from(calendarDays).where(inArray(calendarDays.date, dates));
  return rows.filter((r) => r.year !== year).map((r) => ({ ...r, kind: r.kind as CalendarDayKind }));
}

/** Replaces a year's arrangement (the year row and all its days). */
export async function replaceYear(db: Executor, row: YearRow, days: readonly CalendarDay[]) {
  await db
    .insert(calendarYears)
    .values(row)
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { source: row.source, notice: row.notice, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    });
  await db.delete(calendarDays).where(eq(calendarDays.year, row.year));
  if (days.length) await db.insert(calendarDays).values(days.map((d) => ({ ...d, year: row.year })));
}

/** Inserts years that are not in the table yet; a year already there (seeded or entered) is left alone. */
export async function insertMissingYears(db: Executor, years: { row: YearRow; days: CalendarDay[] }[]) {
  if (!years.length) return;
  const inserted = await db
    .insert(calendarYears)
    .values(years.map((y) => y.row))
    .onConflictDoNothing()
    .returning({ year: calendarYears.year });
  const fresh = new Set(inserted.map((r) => r.year));
  const days = years.filter((y) => fresh.has(y.row.year)).flatMap((y) => y.days.map((d) => ({ ...d, year: y.row.year })));
  if (days.length) await db.insert(calendarDays).values(days).onConflictDoNothing();
}

/** Tells every server instance (including this one) that the calendar changed; Postgres delivers it on commit. */
export async function announceChange(db: Executor, year: number) {
  await db.execute(sql`SELECT pg_notify(${CALENDAR_CHANNEL}, ${String(year)})`);
}

/** Every active administrator: the calendar is national, so any of them may enter a year. */
export function activeAdmins(db: Executor): Promise<{ id: string }[]> {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
}
