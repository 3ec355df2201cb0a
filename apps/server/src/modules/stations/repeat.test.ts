import { describe, expect, it } from 'vitest';
import { isoWeekday, periodLength, weeklyDays } from './repeat.js';

describe('weekly rota days (周接待)', () => {
  it('numbers weekdays the ISO way and counts both ends of a period', () => {
    expect(['2026-09-14', '2026-09-15', '2026-09-19', '2026-09-20'].map(isoWeekday)).toEqual([1, 2, 6, 7]);
    expect(periodLength('2026-09-14', '2026-09-14')).toBe(1);
    expect(periodLength('2026-01-01', '2026-12-31')).toBe(365);
    expect(periodLength('2028-01-01', '2028-12-31')).toBe(366);
  });

  it.each<[string, string, string, number[], string[], string[]]>([
    // Every Tuesday and Friday: Mid-autumn (25 Sep) and National Day (2 and 6 Oct) are skipped.
    [
      'Tue+Fri over Mid-autumn and National Day',
      '2026-09-14',
      '2026-10-16',
      [2, 5],
      ['2026-09-15', '2026-09-18', '2026-09-22', '2026-09-29', '2026-10-09', '2026-10-13', '2026-10-16'],
      ['2026-09-25 中秋', '2026-10-02 国庆节', '2026-10-06 国庆节'],
    ],
    // 调休: Sat 10 Oct 2026 is a make-up working day; a Monday-to-Friday rota does not gain it…
    ['weekdays around a make-up Saturday', '2026-10-08', '2026-10-12', [1, 2, 3, 4, 5], ['2026-10-08', '2026-10-09', '2026-10-12'], []],
    // …while a Saturday rota keeps it like any other Saturday, and ordinary weekends are kept too,
    // but weekend days inside the holiday are skipped.
    ['Saturdays', '2026-09-19', '2026-10-17', [6], ['2026-09-19', '2026-10-10', '2026-10-17'], ['2026-09-26 中秋', '2026-10-03 国庆节']],
    // A weekday moved into the holiday (调休放假) is off even though it is a Monday… (Labour Day 2026: 1–5 May).
    ['Mondays over Labour Day', '2026-04-27', '2026-05-11', [1], ['2026-04-27', '2026-05-11'], ['2026-05-04 劳动节']],
    // Spring Festival 2026 (15–23 Feb) with make-up working Saturdays 14 and 28 Feb.
    [
      'Mon+Wed over Spring Festival',
      '2026-02-09',
      '2026-02-27',
      [1, 3],
      ['2026-02-09', '2026-02-11', '2026-02-25'],
      ['2026-02-16 春节', '2026-02-18 春节', '2026-02-23 春节'],
    ],
    ['no chosen weekday in the period', '2026-09-14', '2026-09-14', [2], [], []],
  ])('%s', (_name, from, to, weekdays, days, holidays) => {
    const plan = weeklyDays(from, to, weekdays);
    expect(plan.days).toEqual(days);
    expect(plan.holidays.map((h) => `${h.day} ${h.name}`)).toEqual(holidays);
  });
});
