import type { CalendarDay } from '@huifang/shared';

const DAY_MS = 86_400_000;

/** A calendar day as whole days since 1970-01-01, so the phase rules compare and subtract integers. */
export function dayNumber(day: CalendarDay): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function calendarDay(dayNumber: number): CalendarDay {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
