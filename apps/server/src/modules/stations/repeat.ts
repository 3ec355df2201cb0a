import { clock } from '../../platform/clock.js';
import { chinaDate, addCalendarDays, officialDaysOff } from '../../platform/deadlines.js';

/** Today's date (UTC), the day a rota or a reception may not be set before or after. */
/** Today's China calendar date: after 16:00 UTC it is already tomorrow in China. */
export const today = () => chinaDate(clock.now());

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Calendar days from `from` to `to`, both counted. */
export function periodLength(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * 周接待: the dates of a weekly repeat. A date counts when its weekday was chosen; of those, the
 * official days off (法定节假日 and the rest days moved next to them, 调休放假) go to `holidays`
 * because the station is closed. The rule follows the weekdays chosen, not the working calendar:
 * a chosen Saturday or Sunday is kept (stations in neighbourhoods receive at weekends), and a
 * make-up working weekend (调休上班) is not added for a weekday pattern — it stands in for some
 * other weekday, and the rota of a station does not move with it; staff add such a day by hand.
 */
export function weeklyDays(from: string, to: string, weekdays: readonly number[]) {
  const off = officialDaysOff(from, to);
  const days: string[] = [];
  const holidays: { day: string; name: string }[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    if (!weekdays.includes(isoWeekday(day))) continue;
    const name = off.get(day);
    if (name) holidays.push({ day, name });
    else days.push(day);
  }
  return { days, holidays };
}
