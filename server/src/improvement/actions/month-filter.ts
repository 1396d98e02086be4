import { addDays, type CalendarDay } from '@huifang/shared';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first and last day of a month `YYYY-MM`. */
export function monthDays(month: string): { first: CalendarDay; last: CalendarDay } {
  if (!MONTH_PATTERN.test(month)) throw new Error(`not a month: ${month}`);
  const first = `${month}-01`;
  return { first, last: addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1) };
}

/**
 * Whether an action belongs in a month's report: under way during the month (started by its last
 * day, not ended before its first), and for a department's report that department's own or a
 * hospital-wide one (a hospital report, `departmentId` null, takes every action).
 */
export function inMonthReport(
  action: { startDate: CalendarDay; endDate: CalendarDay | null; departmentId: number | null },
  month: string,
  departmentId: number | null,
): boolean {
  const { first, last } = monthDays(month);
  return (
    action.startDate <= last &&
    (action.endDate === null || action.endDate >= first) &&
    (departmentId === null || action.departmentId === null || action.departmentId === departmentId)
  );
}
