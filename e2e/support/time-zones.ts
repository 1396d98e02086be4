/**
 * A zone whose clock now reads about `hour` (Etc/GMT zones have inverted signs): a test of quiet
 * hours, or of "today" in the hospital's zone, holds at any time of day without faking the clock.
 */
export function zoneAtLocalHour(hour: number, now = new Date()): string {
  let offset = (hour - now.getUTCHours() + 24) % 24; // hours east of UTC, 0..23
  if (offset > 12) offset -= 24; // -11..12
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
