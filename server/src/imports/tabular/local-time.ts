import { utcOffsetMinutes } from '@huifang/shared';

/*
 * A wall-clock time in the hospital's zone → the instant. Offsets change only on quarter hours, so
 * the answer for one quarter hour of wall time serves every row in it: a million rows cost a few
 * thousand `Intl` look-ups instead of millions.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const CACHE_LIMIT = 100_000;
/** Per zone: quarter hour of wall time → minutes ahead of UTC. */
const offsetCache = new Map<string, Map<number, number>>();

/** `wallMs` is the wall clock written as if it were UTC (`Date.UTC(y, m - 1, d, h, mi, s)`). */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  let offsets = offsetCache.get(timeZone);
  if (!offsets) offsetCache.set(timeZone, (offsets = new Map()));
  const key = Math.floor(wallMs / QUARTER_HOUR_MS);
  let offset = offsets.get(key);
  if (offset === undefined) {
    // Two passes settle the offset that holds at that wall time (as `startOfCalendarDay` does).
    offset = utcOffsetMinutes(wallMs - utcOffsetMinutes(wallMs, timeZone) * 60_000, timeZone);
    if (offsets.size >= CACHE_LIMIT) offsets.clear();
    offsets.set(key, offset);
  }
  return wallMs - offset * 60_000;
}
