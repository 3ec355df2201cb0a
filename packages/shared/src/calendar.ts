import { z } from 'zod';

/** 休: an official day off; 班: a make-up working day (调休上班). */
export const calendarDayKind = z.enum(['off', 'work']);
export type CalendarDayKind = z.infer<typeof calendarDayKind>;
export const calendarDayKindLabel = { off: '休', work: '班' } satisfies Record<CalendarDayKind, string>;

/** Where a year's arrangement came from. */
export const calendarSource = z.enum(['package', 'manual']);
export const calendarSourceLabel = { package: '日历数据包', manual: '管理员录入' } satisfies Record<z.infer<typeof calendarSource>, string>;

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const calendarYear = z.coerce
  .number('年份应为数字')
  .int('年份应为整数')
  .min(2000, '年份不能早于2000年')
  .max(2100, '年份不能晚于2100年');
export const calendarYearParams = z.object({ year: calendarYear });

/** One holiday of a State Council notice: its days off as a date range and its make-up working days. */
export const calendarHoliday = z
  .object({
    name: z.string().trim().min(1, '请填写节日名称').max(20, '节日名称不超过20个字'),
    from: isoDate,
    to: isoDate,
    makeUpDays: z.array(isoDate).max(5, '调休上班日最多5天').default([]),
  })
  .refine((h) => h.from <= h.to, { message: '放假结束日期不能早于开始日期', path: ['to'] });
export type CalendarHoliday = z.infer<typeof calendarHoliday>;

/** A year's arrangement as the notice (国务院办公厅关于XXXX年部分节假日安排的通知) gives it. */
export const calendarYearInput = z.object({
  notice: z.string().trim().max(200, '通知名称不超过200个字').optional(),
  holidays: z.array(calendarHoliday).min(1, '请至少填写一个节日').max(12, '节日最多12个'),
});
export type CalendarYearInput = z.input<typeof calendarYearInput>;

export const calendarYearSummary = z.object({
  year: z.number().int(),
  source: calendarSource,
  notice: z.string().nullable(),
  daysOff: z.number().int(),
  makeUpDays: z.number().int(),
  /** Whether the installed chinese-days package knows this year (it can be imported from it). */
  inPackage: z.boolean(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().nullable(),
});
export type CalendarYearSummary = z.infer<typeof calendarYearSummary>;

export const calendarYearDetail = calendarYearSummary.extend({
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string(), makeUpDays: z.array(z.string()) })),
});
export type CalendarYearDetail = z.infer<typeof calendarYearDetail>;

export const calendarYearList = z.object({
  items: z.array(calendarYearSummary),
  /** Years the installed package knows that the table does not have yet. */
  packageYearsMissing: z.array(z.number().int()),
});

/** What every page needs to mark a date provisional (暂定): the years whose arrangement is entered. */
export const calendarCoverage = z.object({
  /** The last year entered without a gap from the first; a date after it is provisional. */
  knownThrough: z.number().int().nullable(),
  knownYears: z.array(z.number().int()),
});
export type CalendarCoverage = z.infer<typeof calendarCoverage>;

/** Whether a date (YYYY-MM-DD or an ISO instant) falls in a year the official calendar does not know yet. */
export function isProvisionalDate(coverage: CalendarCoverage, date: string): boolean {
  const year = Number(date.slice(0, 4));
  return coverage.knownThrough === null || year > coverage.knownThrough || !coverage.knownYears.includes(year);
}
