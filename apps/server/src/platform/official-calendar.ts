// chinese-days ships CommonJS; Node's ESM loader sees only its default export. Its data file is
// read here once, to seed the calendar table and as the calendar before the table is loaded.
import { createRequire } from 'node:module';

/** 休: an official day off (statutory holiday or a rest day moved next to it); 班: a make-up working day (调休上班). */
export type CalendarDayKind = 'off' | 'work';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  /** The holiday it belongs to, in Chinese (春节). */
  name: string;
  /** The year of the State Council notice that set it (a make-up day for New Year may fall in the December before). */
  year: number;
}

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const packageData = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageData;

/** "Spring Festival,春节,4" → 春节 */
const chineseName = (detail: string) => detail.split(',')[1] ?? '法定节假日';

/** The official days off and make-up working days the installed chinese-days package knows, by year. */
export function packageCalendar(): Map<number, CalendarDay[]> {
  const years = new Map<number, CalendarDay[]>();
  const add = (date: string, kind: CalendarDayKind, detail: string) => {
    const year = Number(date.slice(0, 4));
    const list = years.get(year) ?? [];
    list.push({ date, kind, name: chineseName(detail), year });
    years.set(year, list);
  };
  for (const [date, detail] of Object.entries(packageData.holidays)) add(date, 'off', detail);
  for (const [date, detail] of Object.entries(packageData.workdays)) add(date, 'work', detail);
  for (const list of years.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return years;
}

/**
 * The official calendar every deadline and rota rule reads, held in memory because those rules are
 * synchronous. It starts as the package's data and is replaced by the calendar table at startup and
 * whenever an administrator enters a year (modules/calendar). A year is known when its arrangement
 * has been entered (or seeded); in a year that is not, only weekends are days off.
 */
class OfficialCalendar {
  private days = new Map<string, CalendarDay>();
  private years = new Set<number>();

  constructor() {
    this.load([...packageCalendar().keys()], [...packageCalendar().values()].flat());
  }

  load(years: readonly number[], days: readonly CalendarDay[]) {
    this.years = new Set(years);
    this.days = new Map(days.map((d) => [d.date, d]));
  }

  day(date: string): CalendarDay | undefined {
    return this.days.get(date);
  }

  knows(year: number): boolean {
    return this.years.has(year);
  }

  knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }
}

export const officialCalendar = new OfficialCalendar();

/** Replaces the in-memory calendar with the table's contents. */
export function loadOfficialCalendar(years: readonly number[], days: readonly CalendarDay[]) {
  officialCalendar.load(years, days);
}
