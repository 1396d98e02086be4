/**
 * The hospital's time zone decides which calendar day a moment belongs to (DOMAIN.md, Encounters).
 * The server's default; the API does not expose the setting yet.
 */
export const HOSPITAL_TIME_ZONE = 'Asia/Shanghai';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of `at` in `timeZone`. */
export function calendarDay(at: Date | number, timeZone: string = HOSPITAL_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today in the hospital's time zone. */
export function hospitalToday(now: Date | number = Date.now()): string {
  return calendarDay(now, HOSPITAL_TIME_ZONE);
}

/** `day` plus `days` calendar days (negative goes back); calendar arithmetic, no time zone involved. */
export function addDays(day: string, days: number): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) {
    throw new Error(`not a calendar day: ${day}`);
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

/** A real `YYYY-MM-DD` date (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}
