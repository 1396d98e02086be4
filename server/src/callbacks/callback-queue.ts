import type { CallbackView } from '@huifang/shared';
import { addDays, calendarDayOf, startOfCalendarDay } from '@huifang/shared';

/**
 * The three queue views partition open callbacks by due time: overdue (before now), today (from now
 * to the end of the hospital's day), upcoming (later).
 */
export function queueWindow(view: CallbackView, now: Date, timeZone: string): { from?: Date; before?: Date } {
  const tomorrow = startOfCalendarDay(addDays(calendarDayOf(now, timeZone), 1), timeZone);
  if (view === 'overdue') return { before: now };
  if (view === 'today') return { from: now, before: tomorrow };
  return { from: tomorrow };
}

/** high, normal, low: as an SQL expression to order by. */
export const PRIORITY_ORDER = "CASE c.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END";
