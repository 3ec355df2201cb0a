import { deadlineUnitLabel, type DeadlineRuleInput } from '@renda/shared';
import { clock } from './clock.js';
import { DomainError } from './errors.js';
import { officialCalendar } from './official-calendar.js';

/**
 * One deadline engine for every module. Deadlines are calendar dates in China (UTC+8, no DST):
 * an item is due by the end of its due date. Working days follow China's official holidays and
 * make-up working days (调休) from the official calendar (platform/official-calendar.ts: the calendar
 * table, seeded from the chinese-days package and extended by administrators). In a year whose
 * arrangement is not entered only weekends are days off, and a date there is provisional (暂定).
 */
export type DeadlineRule = DeadlineRuleInput;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Refuses a date later than today in China, for what is recorded as done (an activity, a visit, a meeting
 * held): the error names the form's field, in Chinese.
 */
export function refuseFutureDate(
  date: string,
  refusal: { code: string; message: string; path: string; fieldMessage?: string },
  now: Date = clock.now(),
) {
  if (date > chinaDate(now))
    throw new DomainError(refusal.code, refusal.message, {
      fields: [{ path: refusal.path, message: refusal.fieldMessage ?? '不能晚于今天' }],
    });
}

/** The last millisecond of a China calendar date, as an instant. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - CHINA_OFFSET_MS);
}

/** Whether a China calendar date is a working day: a make-up working day, or a weekday that is not an official day off. */
export function isWorkday(date: string): boolean {
  const entry = officialCalendar.day(date);
  if (entry) return entry.kind === 'work';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after a date (n ≥ 1), or before it for a negative n; for 0, the date itself
 * when it is a working day, else the next one.
 */
export function findWorkday(n: number, from: string): string {
  if (n === 0) {
    let day = from;
    while (!isWorkday(day)) day = addCalendarDays(day, 1);
    return day;
  }
  const step = n > 0 ? 1 : -1;
  let day = from;
  for (let left = Math.abs(n); left > 0;) {
    day = addCalendarDays(day, step);
    if (isWorkday(day)) left -= 1;
  }
  return day;
}

/**
 * The last year up to which the official calendar is entered without a gap (the arrangements of every
 * year from the first one entered through it are known), or null when none is.
 */
export function calendarKnownThrough(): number | null {
  const years = officialCalendar.knownYears();
  if (!years.length) return null;
  let last = years[0]!;
  while (officialCalendar.knows(last + 1)) last += 1;
  return last;
}

/**
 * Whether a date lies in a year whose official arrangement is not entered (or after such a year): a
 * working-day deadline falling there, or counted across it, may move when the year is entered (暂定).
 */
export function isProvisional(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const through = calendarKnownThrough();
  return through === null || year > through || !officialCalendar.knows(year);
}

/** Whether a due date counted from a start by a rule depends on a year the calendar does not know yet. */
export function isDueDateProvisional(start: Date, rule: DeadlineRule): boolean {
  return rule.unit === 'working_days' && isProvisional(dueDate(start, rule));
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same day N months later; a day the month lacks falls back to its last day (1月31日 + 1个月 = 2月28/29日). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The due date for a start instant: counting starts the day after the start (the start day is not counted). */
export function dueDate(start: Date, rule: DeadlineRule): string {
  const from = chinaDate(start);
  switch (rule.unit) {
    case 'calendar_days':
      return addCalendarDays(from, rule.amount);
    case 'calendar_months':
      return addCalendarMonths(from, rule.amount);
    case 'working_days':
      return findWorkday(rule.amount, from);
  }
}

/**
 * The date a rule's span before a China date: what must be done that long before an event (a report sent
 * twenty days before the meeting). The counterpart of `dueDate`, counting back from the event's day.
 */
export function dueBefore(event: string, rule: DeadlineRule): string {
  switch (rule.unit) {
    case 'calendar_days':
      return addCalendarDays(event, -rule.amount);
    case 'calendar_months':
      return addCalendarMonths(event, -rule.amount);
    case 'working_days':
      return findWorkday(-rule.amount, event);
  }
}

export function dueAt(start: Date, rule: DeadlineRule): Date {
  return endOfChinaDay(dueDate(start, rule));
}

export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() > due.getTime();
}

/** Working days left until the due date (0 on the due date itself, negative once overdue). */
export function workingDaysLeft(due: Date, now: Date): number {
  const today = chinaDate(now);
  const end = chinaDate(due);
  const sign = end >= today ? 1 : -1;
  let count = 0;
  for (let d = today; d !== end; d = addCalendarDays(d, sign)) {
    const next = addCalendarDays(d, sign);
    if (isWorkday(sign > 0 ? next : d)) count += sign;
  }
  return count;
}

/**
 * China's official days off between two dates (inclusive): the statutory holidays with the rest days
 * moved next to them (调休放假), each with its Chinese name (国庆节…). Ordinary weekends are not in it,
 * and neither are the make-up working weekends (调休上班). A year whose arrangement is not entered in
 * the official calendar yet has none (its dates are provisional: see isProvisional).
 */
export function officialDaysOff(from: string, to: string): Map<string, string> {
  const off = new Map<string, string>();
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const entry = officialCalendar.day(day);
    if (entry?.kind === 'off') off.set(day, entry.name);
  }
  return off;
}

export function describeRule(rule: DeadlineRule): string {
  return `${rule.amount}${deadlineUnitLabel[rule.unit]}`;
}
