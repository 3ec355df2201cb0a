// chinese-days ships CommonJS; Node's ESM loader sees only its default export.
import chineseDays from 'chinese-days';
import { deadlineUnitLabel, type DeadlineRuleInput } from '@renda/shared';

const { findWorkday, getDayDetail, getHolidaysInRange, isWorkday } = chineseDays;

/**
 * One deadline engine for every module. Deadlines are calendar dates in China (UTC+8, no DST):
 * an item is due by the end of its due date. Working days follow China's official holidays and
 * make-up working days (调休) from the chinese-days package.
 */
export type DeadlineRule = DeadlineRuleInput;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a China calendar date, as an instant. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - CHINA_OFFSET_MS);
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same day N months later; a day the month lacks falls back to its last day (1月31日 + 1个月 = 2月28/29日). */
function addCalendarMonths(date: string, months: number): string {
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
 * and neither are the make-up working weekends (调休上班). A year whose arrangement the State Council
 * has not published yet (and chinese-days therefore lacks) has none.
 */
export function officialDaysOff(from: string, to: string): Map<string, string> {
  return new Map(getHolidaysInRange(from, to, false).map((d) => [d, getDayDetail(d).name.split(',')[1] ?? '法定节假日']));
}

export function describeRule(rule: DeadlineRule): string {
  return `${rule.amount}${deadlineUnitLabel[rule.unit]}`;
}
