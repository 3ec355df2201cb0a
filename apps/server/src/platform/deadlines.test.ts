import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  describeRule,
  dueAt,
  dueBefore,
  dueDate,
  endOfChinaDay,
  isOverdue,
  workingDaysLeft,
  type DeadlineRule,
} from './deadlines.js';

/** Instants given in China time, as staff would say them. */
const cst = (s: string) => new Date(`${s}+08:00`);

describe('dueDate', () => {
  it.each<[string, DeadlineRule, string]>([
    // Seed 000 / DOMAIN: reply within three months of assignment.
    ['2026-03-15T10:00:00', { amount: 3, unit: 'calendar_months' }, '2026-06-15'],
    ['2026-01-31T09:00:00', { amount: 1, unit: 'calendar_months' }, '2026-02-28'],
    ['2028-01-31T09:00:00', { amount: 1, unit: 'calendar_months' }, '2028-02-29'],
    ['2026-11-30T09:00:00', { amount: 3, unit: 'calendar_months' }, '2027-02-28'],
    ['2026-03-01T00:30:00', { amount: 6, unit: 'calendar_months' }, '2026-09-01'],
    ['2026-12-25T12:00:00', { amount: 10, unit: 'calendar_days' }, '2027-01-04'],
    // 2026 National Day holiday runs 1–7 Oct with a make-up working day on Sat 10 Oct.
    ['2026-09-30T15:00:00', { amount: 1, unit: 'working_days' }, '2026-10-08'],
    ['2026-09-30T15:00:00', { amount: 3, unit: 'working_days' }, '2026-10-10'],
    // Friday + 1 working day = Monday.
    ['2026-11-27T15:00:00', { amount: 1, unit: 'working_days' }, '2026-11-30'],
    ['2026-11-25T15:00:00', { amount: 5, unit: 'working_days' }, '2026-12-02'],
  ])('%s + %o = %s', (start, rule, expected) => {
    expect(dueDate(cst(start), rule)).toBe(expected);
  });

  it('uses the China date, not the UTC date, of the start', () => {
    // 23:30 UTC on 14 March is already 15 March in China.
    expect(chinaDate(new Date('2026-03-14T23:30:00Z'))).toBe('2026-03-15');
    expect(dueDate(new Date('2026-03-14T23:30:00Z'), { amount: 3, unit: 'calendar_months' })).toBe('2026-06-15');
  });
});

describe('dueBefore (a span before an event: 监督法, the draft report twenty days before the meeting)', () => {
  it.each<[string, DeadlineRule, string]>([
    ['2026-06-25', { amount: 20, unit: 'calendar_days' }, '2026-06-05'],
    ['2026-03-10', { amount: 20, unit: 'calendar_days' }, '2026-02-18'],
    ['2026-03-31', { amount: 1, unit: 'calendar_months' }, '2026-02-28'],
    // Monday − 1 working day = the Friday before.
    ['2026-11-30', { amount: 1, unit: 'working_days' }, '2026-11-27'],
    // Back across the 2026 National Day holiday (1–7 Oct), counting the make-up working Saturday 10 Oct.
    ['2026-10-12', { amount: 2, unit: 'working_days' }, '2026-10-09'],
    ['2026-10-09', { amount: 1, unit: 'working_days' }, '2026-10-08'],
    ['2026-10-08', { amount: 1, unit: 'working_days' }, '2026-09-30'],
  ])('%s − %o = %s', (event, rule, expected) => {
    expect(dueBefore(event, rule)).toBe(expected);
  });
});

describe('overdue and days left', () => {
  const due = dueAt(cst('2026-11-25T09:00:00'), { amount: 5, unit: 'working_days' });

  it('is due until the end of the China due date', () => {
    expect(due.toISOString()).toBe(endOfChinaDay('2026-12-02').toISOString());
    expect(isOverdue(due, cst('2026-12-02T23:59:00'))).toBe(false);
    expect(isOverdue(due, cst('2026-12-03T00:00:01'))).toBe(true);
  });

  it('counts working days left, negative once overdue', () => {
    expect(workingDaysLeft(due, cst('2026-11-25T09:00:00'))).toBe(5);
    expect(workingDaysLeft(due, cst('2026-11-28T09:00:00'))).toBe(3); // Saturday
    expect(workingDaysLeft(due, cst('2026-12-02T09:00:00'))).toBe(0);
    expect(workingDaysLeft(due, cst('2026-12-04T09:00:00'))).toBe(-2);
  });

  it('describes a rule in Chinese', () => {
    expect(describeRule({ amount: 3, unit: 'calendar_months' })).toBe('3个月');
    expect(describeRule({ amount: 5, unit: 'working_days' })).toBe('5个工作日');
  });
});
