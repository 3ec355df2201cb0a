import { afterEach, describe, expect, it } from 'vitest';
import { daysOfNotice } from './service.js';
import {
  calendarKnownThrough,
  dueDate,
  findWorkday,
  isDueDateProvisional,
  isProvisional,
  isWorkday,
  officialDaysOff,
} from '../../platform/deadlines.js';
import { loadOfficialCalendar, packageCalendar } from '../../platform/official-calendar.js';

const cst = (s: string) => new Date(`${s}+08:00`);
const fromPackage = () => loadOfficialCalendar([...packageCalendar().keys()], [...packageCalendar().values()].flat());

/** 国务院办公厅关于2027年部分节假日安排的通知 as an administrator would enter it (dates for the test). */
const spring2027 = daysOfNotice(2027, [
  { name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpDays: [] },
  { name: '春节', from: '2027-02-06', to: '2027-02-13', makeUpDays: ['2027-01-31', '2027-02-20'] },
]);

afterEach(fromPackage);

describe('the official calendar in working-day arithmetic', () => {
  it('knows the package years and nothing after them until a year is entered', () => {
    expect(calendarKnownThrough()).toBe(2026);
    expect(isProvisional('2026-12-31')).toBe(false);
    expect(isProvisional('2027-01-04')).toBe(true);
    // Without 2027, New Year's Day 2027 (a Friday) counts as a working day: exactly what the issue reports.
    expect(isWorkday('2027-01-01')).toBe(true);
    expect(isDueDateProvisional(cst('2026-12-30T10:00:00'), { amount: 5, unit: 'working_days' })).toBe(true);
    expect(isDueDateProvisional(cst('2026-12-30T10:00:00'), { amount: 1, unit: 'calendar_months' })).toBe(false);
  });

  it('skips a hand-entered 2027 Spring Festival and counts its make-up Saturday', () => {
    const before = dueDate(cst('2027-02-05T10:00:00'), { amount: 5, unit: 'working_days' });
    expect(before).toBe('2027-02-12'); // weekdays only: 8, 9, 10, 11, 12 Feb
    loadOfficialCalendar([...packageCalendar().keys(), 2027], [...[...packageCalendar().values()].flat(), ...spring2027]);
    expect(calendarKnownThrough()).toBe(2027);
    expect(isProvisional('2027-02-15')).toBe(false);
    expect(isProvisional('2028-01-03')).toBe(true);
    expect(isWorkday('2027-02-08')).toBe(false);
    expect(isWorkday('2027-02-20')).toBe(true); // 调休上班 Saturday
    // Friday 5 Feb + 5 working days: the festival 6–13 Feb is skipped, Monday 15 … Friday 19 Feb.
    expect(dueDate(cst('2027-02-05T10:00:00'), { amount: 5, unit: 'working_days' })).toBe('2027-02-19');
    expect(dueDate(cst('2027-02-05T10:00:00'), { amount: 6, unit: 'working_days' })).toBe('2027-02-20');
    expect(findWorkday(1, '2026-12-31')).toBe('2027-01-04');
    expect(officialDaysOff('2027-02-05', '2027-02-21').get('2027-02-08')).toBe('春节');
    expect(officialDaysOff('2027-02-05', '2027-02-21').size).toBe(8);
  });

  it('keeps a gap provisional: 2028 entered without 2027 does not make 2028 final', () => {
    loadOfficialCalendar([...packageCalendar().keys(), 2028], [...packageCalendar().values()].flat());
    expect(calendarKnownThrough()).toBe(2026);
    expect(isProvisional('2028-03-01')).toBe(true);
  });

  it('refuses a notice that does not fit the year', () => {
    expect(() => daysOfNotice(2027, [{ name: '春节', from: '2026-02-06', to: '2027-02-13', makeUpDays: [] }])).toThrow('应在2027年内');
    expect(() => daysOfNotice(2027, [{ name: '春节', from: '2027-02-06', to: '2027-02-13', makeUpDays: ['2027-02-17'] }])).toThrow(
      '周六或周日',
    );
    expect(() => daysOfNotice(2027, [{ name: '春节', from: '2027-02-13', to: '2027-02-06', makeUpDays: [] }])).toThrow('不能早于开始日期');
    expect(() =>
      daysOfNotice(2027, [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpDays: [] },
        { name: '春节', from: '2027-01-03', to: '2027-01-05', makeUpDays: [] },
      ]),
    ).toThrow('同一天不能填写两次');
    // 2019年元旦's make-up day fell on 29 December 2018.
    expect(daysOfNotice(2019, [{ name: '元旦', from: '2019-01-01', to: '2019-01-01', makeUpDays: ['2018-12-29'] }])).toHaveLength(2);
  });
});
