import { isCalendarDay } from '@huifang/shared';

/** A URL query value that is a positive whole number (an id, a page), else null. */
export function positiveIntParam(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) {
    return null;
  }
  const n = Number(value);
  return n > 0 ? n : null;
}

/** A URL query value that is a real `YYYY-MM-DD` day, else null. */
export function calendarDayParam(value: string | null): string | null {
  return value !== null && isCalendarDay(value) ? value : null;
}
