import { isCalendarDay } from '@huifang/shared';

/**
 * Datepickers work with Dates at local midnight; the API with `YYYY-MM-DD` calendar days. These two
 * convert with the local calendar fields only, so no time zone can shift the day.
 */
export function dateOfCalendarDay(day: string | null | undefined): Date | null {
  if (!day || !isCalendarDay(day)) return null;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

export function calendarDayOfDate(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
