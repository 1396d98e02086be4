/*
 * Calendar days in the hospital's time zone (DOMAIN.md, Encounters: the zone decides which day an
 * encounter belongs to). One implementation for the server and the browser, built on Intl only so
 * the client bundle carries no date library.
 */

/** A calendar day `YYYY-MM-DD` in the hospital's time zone (API.md: `from` / `to` are such days). */
export type CalendarDay = string;

/** The server's default zone when `HUIFANG_TIMEZONE` is unset (API.md, Configuration). */
export const DEFAULT_HOSPITAL_TIME_ZONE = 'Asia/Shanghai';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utcDate(day: string): Date | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  date.setUTCFullYear(Number(match[1]));
  return date;
}

/** A real `YYYY-MM-DD` date (no 2026-02-30). */
export function isCalendarDay(value: unknown): value is CalendarDay {
  if (typeof value !== 'string') return false;
  const date = utcDate(value);
  return date !== null && date.toISOString().slice(0, 10) === value;
}

function checkedDate(day: CalendarDay): Date {
  const date = utcDate(day);
  if (!date) throw new Error(`not a calendar day: ${day}`);
  return date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = formatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (480 for Shanghai). */
export function utcOffsetMinutes(instant: Date | number, timeZone: string): number {
  const at = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(at / 1000) * 1000;
  const w = wallClock(whole, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - whole) / 60_000);
}

/** The day an instant belongs to in `timeZone`. */
export function calendarDayOf(instant: Date | number, timeZone: string): CalendarDay {
  const w = wallClock(typeof instant === 'number' ? instant : instant.getTime(), timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The instant a calendar day starts in `timeZone` (00:00 local; where a clock change skips midnight,
 * the first instant of that day).
 */
export function startOfCalendarDay(day: CalendarDay, timeZone: string): Date {
  const midnightUtc = checkedDate(day).getTime();
  // Two passes settle the offset that holds at local midnight, also on days the offset changes.
  let guess = midnightUtc - utcOffsetMinutes(midnightUtc, timeZone) * 60_000;
  guess = midnightUtc - utcOffsetMinutes(guess, timeZone) * 60_000;
  // A skipped midnight lands the guess on the day before: move to the first instant of `day`.
  while (calendarDayOf(guess, timeZone) < day) guess += 30 * 60_000;
  return new Date(guess);
}

/** `day` plus `days` calendar days (negative goes back); calendar arithmetic, no time zone involved. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = checkedDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((checkedDate(to).getTime() - checkedDate(from).getTime()) / DAY_MS);
}

/** Whole years from `birthDate` to `today`. */
export function ageOn(birthDate: CalendarDay, today: CalendarDay): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** An instant at `hour`:00 local time on `day` in `timeZone`. */
export function atLocalHour(day: CalendarDay, hour: number, timeZone: string): Date {
  return new Date(startOfCalendarDay(day, timeZone).getTime() + hour * 3_600_000);
}
