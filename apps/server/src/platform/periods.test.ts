import { describe, expect, it } from 'vitest';
import { chinaDate } from './deadlines.js';
import { monthSoFar } from './periods.js';

describe('figures that moved compare this month so far with the same days of last month', () => {
  it.each([
    ['2026-12-05', { from: '2026-12-01', to: '2026-12-05' }, { from: '2026-11-01', to: '2026-11-05' }],
    ['2026-05-01', { from: '2026-05-01', to: '2026-05-01' }, { from: '2026-04-01', to: '2026-04-01' }],
    // A day last month lacks falls back to its last day.
    ['2026-03-31', { from: '2026-03-01', to: '2026-03-31' }, { from: '2026-02-01', to: '2026-02-28' }],
    ['2028-03-30', { from: '2028-03-01', to: '2028-03-30' }, { from: '2028-02-01', to: '2028-02-29' }],
    ['2026-07-31', { from: '2026-07-01', to: '2026-07-31' }, { from: '2026-06-01', to: '2026-06-30' }],
    // January compares with December of the year before.
    ['2027-01-15', { from: '2027-01-01', to: '2027-01-15' }, { from: '2026-12-01', to: '2026-12-15' }],
  ])('on %s', (today, current, previous) => {
    expect(monthSoFar(today)).toEqual({ current, previous });
  });

  it('a month begins at midnight in China, not in UTC', () => {
    // 00:30 on 1 December in China is still 30 November in UTC.
    expect(monthSoFar(chinaDate(new Date('2026-11-30T16:30:00Z'))).current).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(monthSoFar(chinaDate(new Date('2026-11-30T15:30:00Z'))).current).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
