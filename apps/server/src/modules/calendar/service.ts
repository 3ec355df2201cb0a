import type { CalendarCoverage, CalendarYearDetail, CalendarYearInput, CalendarYearSummary } from '@renda/shared';
import { calendarYearInput } from '@renda/shared';
import type { Database, Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { addCalendarDays, calendarKnownThrough, chinaDate } from '../../platform/deadlines.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { loadOfficialCalendar, officialCalendar, packageCalendar, type CalendarDay } from '../../platform/official-calendar.js';
import { recomputeAcrossCalendarChange } from '../../platform/provisional-deadlines.js';
import * as repo from './repository.js';

/** The longest run of days off one holiday may have (春节 and 国庆 are eight or nine days). */
const MAX_HOLIDAY_DAYS = 15;

/** Reads the calendar table into the in-memory calendar every deadline rule uses. */
export async function reloadCalendar(db: Executor) {
  const [years, days] = await Promise.all([repo.yearNumbers(db), repo.allDays(db)]);
  loadOfficialCalendar(years, days);
}

/**
 * Seeds the table with every year the installed chinese-days package knows and the table lacks
 * (idempotent: a year already there, seeded or entered by an administrator, is never overwritten),
 * then loads the calendar. Run at every start.
 */
export async function seedAndLoad(db: Db) {
  const have = new Set(await repo.yearNumbers(db));
  const now = clock.now();
  const missing = [...packageCalendar()]
    .filter(([year]) => !have.has(year))
    .map(([year, days]) => ({ row: { year, source: 'package' as const, notice: null, updatedAt: now, updatedBy: null }, days }));
  await repo.insertMissingYears(db, missing);
  await reloadCalendar(db);
}

export function coverage(): CalendarCoverage {
  return { knownThrough: calendarKnownThrough(), knownYears: officialCalendar.knownYears() };
}

/** Groups a year's days back into the notice's shape: each holiday's days off as ranges, with its make-up days. */
export function holidaysOf(days: readonly CalendarDay[]): CalendarYearDetail['holidays'] {
  const holidays: CalendarYearDetail['holidays'] = [];
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  for (const day of sorted.filter((d) => d.kind === 'off')) {
    const last = holidays.at(-1);
    if (last && last.name === day.name && addCalendarDays(last.to, 1) === day.date) last.to = day.date;
    else holidays.push({ name: day.name, from: day.date, to: day.date, makeUpDays: [] });
  }
  for (const day of sorted.filter((d) => d.kind === 'work')) {
    // A make-up day goes with the holiday of its name nearest to it (春节 has one before and one after).
    const candidates = holidays.filter((h) => h.name === day.name);
    const distance = (h: (typeof holidays)[number]) =>
      Math.abs(Date.parse(day.date) - (day.date < h.from ? Date.parse(h.from) : Date.parse(h.to)));
    const nearest = candidates.sort((a, b) => distance(a) - distance(b))[0];
    if (nearest) nearest.makeUpDays.push(day.date);
    else holidays.push({ name: day.name, from: '', to: '', makeUpDays: [day.date] });
  }
  return holidays.filter((h) => h.from).sort((a, b) => a.from.localeCompare(b.from));
}

function summary(row: repo.YearRow, counts: { daysOff: number; makeUpDays: number }): CalendarYearSummary {
  return {
    year: row.year,
    source: row.source,
    notice: row.notice,
    daysOff: counts.daysOff,
    makeUpDays: counts.makeUpDays,
    inPackage: packageCalendar().has(row.year),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function listYears(db: Db) {
  const rows = await repo.listYears(db);
  const have = new Set(rows.map((r) => r.year));
  return {
    items: rows.map((r) => summary(r, r)),
    packageYearsMissing: [...packageCalendar().keys()].filter((y) => !have.has(y)).sort((a, b) => a - b),
  };
}

export async function getYear(db: Executor, year: number): Promise<CalendarYearDetail> {
  const row = await repo.getYear(db, year);
  if (!row) throw notFound(`${year}年的节假日安排`);
  const days = await repo.daysOfYear(db, year);
  const counts = { daysOff: days.filter((d) => d.kind === 'off').length, makeUpDays: days.filter((d) => d.kind === 'work').length };
  return { ...summary(row, counts), holidays: holidaysOf(days) };
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const fieldError = (code: string, message: string, path: string) => new DomainError(code, message, { fields: [{ path, message }] });

/** The days a notice sets, checked: days off within the year, make-up days on weekends, no date twice. */
export function daysOfNotice(year: number, holidays: CalendarYearInput['holidays']): CalendarDay[] {
  const input = calendarYearInput.shape.holidays.parse(holidays);
  const days = new Map<string, CalendarDay>();
  const take = (day: CalendarDay, path: string) => {
    const earlier = days.get(day.date);
    if (earlier) throw fieldError('CALENDAR_DAY_TWICE', `${day.date} 已在“${earlier.name}”中填写，同一天不能填写两次`, path);
    days.set(day.date, day);
  };
  input.forEach((h, i) => {
    if (!h.from.startsWith(`${year}-`) || !h.to.startsWith(`${year}-`))
      throw fieldError('CALENDAR_DATE_OUTSIDE_YEAR', `${h.name}的放假日期应在${year}年内`, `holidays.${i}.from`);
    let count = 0;
    for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) {
      if (++count > MAX_HOLIDAY_DAYS)
        throw fieldError('CALENDAR_HOLIDAY_TOO_LONG', `${h.name}放假不能超过${MAX_HOLIDAY_DAYS}天`, `holidays.${i}.to`);
      take({ date: d, kind: 'off', name: h.name, year }, `holidays.${i}.from`);
    }
    h.makeUpDays.forEach((d) => {
      const path = `holidays.${i}.makeUpDays`;
      // A make-up day for New Year may fall on the last weekend of the December before (2019年元旦: 2018-12-29).
      if (!d.startsWith(`${year}-`) && !d.startsWith(`${year - 1}-12-`))
        throw fieldError('CALENDAR_DATE_OUTSIDE_YEAR', `调休上班日 ${d} 应在${year}年内（元旦的调休可在上年12月）`, path);
      if (weekday(d) !== 0 && weekday(d) !== 6) throw fieldError('CALENDAR_MAKEUP_NOT_WEEKEND', `调休上班日 ${d} 应是周六或周日`, path);
      take({ date: d, kind: 'work', name: h.name, year }, path);
    });
  });
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Replaces a year's arrangement, and in the same transaction recomputes the open working-day deadlines
 * that run into it (platform/provisional-deadlines.ts), telling those responsible. The in-memory calendar
 * takes the new year inside the transaction (the new dates are counted with it); if the transaction
 * fails, the table's committed contents are loaded back.
 */
async function replace(
  database: Database,
  notifier: Notifier,
  ctx: ActorContext,
  year: number,
  source: 'package' | 'manual',
  notice: string | null,
  days: CalendarDay[],
  action: string,
) {
  const { db } = database;
  const change = db.transaction(async (tx) => {
    const clash = await repo.clashingDays(
      tx,
      year,
      days.map((d) => d.date),
    );
    if (clash.length)
      throw conflict('CALENDAR_DAY_IN_OTHER_YEAR', `${clash[0]!.date} 已在${clash[0]!.year}年的安排中（${clash[0]!.name}），请先修改该年`);
    const before = (await repo.getYear(tx, year)) ? await getYear(tx, year) : null;
    await recomputeAcrossCalendarChange(tx, notifier, ctx, year, async () => {
      await repo.replaceYear(tx, { year, source, notice, updatedAt: clock.now(), updatedBy: ctx.actor.displayName }, days);
      await reloadCalendar(tx);
    });
    const after = await getYear(tx, year);
    await recordAudit(tx, ctx, {
      entity: 'calendar_year',
      entityId: String(year),
      action,
      before: before && { year, source: before.source, notice: before.notice, holidays: before.holidays },
      after: { year, source, notice, holidays: after.holidays },
    });
    await repo.announceChange(tx, year);
  });
  // This instance reloads at once (also after a failure, to drop the uncommitted year); the others on
  // the pg_notify (see listenForChanges).
  await change.finally(() => reloadCalendar(db));
  return getYear(db, year);
}

/** Enters (or corrects) a year from the State Council's notice. */
export async function saveYear(database: Database, notifier: Notifier, ctx: ActorContext, year: number, input: CalendarYearInput) {
  const parsed = calendarYearInput.parse(input);
  const days = daysOfNotice(year, parsed.holidays);
  return replace(database, notifier, ctx, year, 'manual', parsed.notice || null, days, 'update');
}

/** Takes a year from the installed chinese-days package (after upgrading it), replacing what the table has. */
export async function importFromPackage(database: Database, notifier: Notifier, ctx: ActorContext, year: number) {
  const days = packageCalendar().get(year);
  if (!days) throw new DomainError('CALENDAR_NOT_IN_PACKAGE', `已安装的日历数据包（chinese-days）不含${year}年的安排，请按国务院通知录入`);
  return replace(database, notifier, ctx, year, 'package', null, days, 'import');
}

/**
 * Reloads the calendar whenever any instance announces a change, so several server instances agree.
 * Returns the function that stops listening.
 */
export function listenForChanges(database: Database): Promise<() => Promise<void>> {
  return database.raw.listen(repo.CALENDAR_CHANNEL, () => void reloadCalendar(database.db).catch(() => undefined));
}

/**
 * 年度提醒: from December, while next year's arrangement is not entered, every administrator is told
 * to enter it (deadlines reaching into it are provisional until then). Returns the year reminded of, or null.
 */
export async function remindNextYear(db: Db, notifier: Notifier): Promise<number | null> {
  const today = chinaDate(clock.now());
  const next = Number(today.slice(0, 4)) + 1;
  if (today.slice(5, 7) !== '12' || officialCalendar.knows(next)) return null;
  await db.transaction(async (tx) => {
    for (const admin of await repo.activeAdmins(tx))
      await notifier.notify(tx, {
        userId: admin.id,
        title: `请录入${next}年法定节假日安排`,
        body: `${next}年的放假和调休安排尚未录入，按工作日计算、落在${next}年的期限和联络站排班均为暂定。请依据国务院办公厅关于${next}年部分节假日安排的通知录入，或升级日历数据包后导入。`,
        link: '/admin/calendar',
      });
  });
  return next;
}
