import { afterEach, describe, expect, it } from 'vitest';
import { findWorkday, isProvisional } from './deadlines.js';
import { loadOfficialCalendar, packageCalendar, type CalendarDay } from './official-calendar.js';
import { workingDaysBetween } from './provisional-deadlines.js';

/** 2027 as the State Council's notice would set it (dates for the test): New Year and the Spring Festival. */
const days2027: CalendarDay[] = [
  ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'off' as const, name: '元旦', year: 2027 })),
  ...['06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({
    date: `2027-02-${d}`,
    kind: 'off' as const,
    name: '春节',
    year: 2027,
  })),
  { date: '2027-01-31', kind: 'work', name: '春节', year: 2027 },
  { date: '2027-02-20', kind: 'work', name: '春节', year: 2027 },
];

const packageOnly = () => loadOfficialCalendar([...packageCalendar().keys()], [...packageCalendar().values()].flat());
const with2027 = () => loadOfficialCalendar([...packageCalendar().keys(), 2027], [...[...packageCalendar().values()].flat(), ...days2027]);

afterEach(packageOnly);

describe('recounting a working-day deadline when its year is entered', () => {
  it('takes the number of working days under the old calendar and the new date under the new one', () => {
    packageOnly();
    // Set on Sunday 20 December 2026: 15 working days counted with weekends only reach Friday 8 January.
    const provisional = findWorkday(15, '2026-12-20');
    expect(provisional).toBe('2027-01-08');
    expect(isProvisional(provisional)).toBe(true);
    const n = workingDaysBetween('2026-12-20', provisional);
    expect(n).toBe(15);
    with2027();
    // New Year's Day is a day off: the fifteenth working day is Monday 11 January.
    expect(findWorkday(n, '2026-12-20')).toBe('2027-01-11');
    expect(isProvisional('2027-01-11')).toBe(false);
  });

  it('moves a deadline across the Spring Festival by the week off, less the make-up working Sunday', () => {
    packageOnly();
    const provisional = findWorkday(40, '2026-12-20');
    expect(provisional).toBe('2027-02-12');
    const n = workingDaysBetween('2026-12-20', provisional);
    with2027();
    expect(findWorkday(n, '2026-12-20')).toBe('2027-02-19');
  });

  it('counts nothing for a due date not after the start, and leaves a deadline wholly inside a known year alone', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-02', '2026-03-01')).toBe(0);
    const n = workingDaysBetween('2026-03-02', '2026-03-23');
    expect(n).toBe(15);
    with2027();
    expect(findWorkday(n, '2026-03-02')).toBe('2026-03-23');
  });
});
