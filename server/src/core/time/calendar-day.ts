import { TZDate } from '@date-fns/tz';
import { addDays as addDaysToDate, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

/** A calendar day `YYYY-MM-DD` in the hospital's time zone (API.md: `from` / `to` are such days). */
export type CalendarDay = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(value: unknown): value is CalendarDay {
  return typeof value === 'string' && DAY_PATTERN.test(value) && isValid(parseISO(value)) && format(parseISO(value), 'yyyy-MM-dd') === value;
}

/** The day an instant belongs to in `timeZone`. */
export function calendarDayOf(instant: Date, timeZone: string): CalendarDay {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The instant a calendar day starts in `timeZone` (00:00 local). */
export function startOfCalendarDay(day: CalendarDay, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return format(addDaysToDate(parseISO(day), days), 'yyyy-MM-dd');
}

export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Whole years from `birthDate` to `today`. */
export function ageOn(birthDate: CalendarDay, today: CalendarDay): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
