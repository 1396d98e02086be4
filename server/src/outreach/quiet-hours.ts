import { addDays, atLocalHour, calendarDayOf, OUTREACH_QUIET_HOURS, utcOffsetMinutes } from '@huifang/shared';

/**
 * When a message due at `now` may go out: `now`, or 08:00 in the hospital's time zone when `now` is
 * in the quiet hours (21:00-08:00). A held message is not suppressed: it waits until morning.
 */
export function firstSendableAt(now: Date, timeZone: string): Date {
  const localHour = new Date(now.getTime() + utcOffsetMinutes(now, timeZone) * 60_000).getUTCHours();
  const today = calendarDayOf(now, timeZone);
  if (localHour >= OUTREACH_QUIET_HOURS.from) return atLocalHour(addDays(today, 1), OUTREACH_QUIET_HOURS.until, timeZone);
  if (localHour < OUTREACH_QUIET_HOURS.until) return atLocalHour(today, OUTREACH_QUIET_HOURS.until, timeZone);
  return now;
}
