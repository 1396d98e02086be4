import { CALL_HOUR, addDays, calendarDayOf } from '@huifang/shared';
import { hospitalTimeZone } from '../hospital-settings/hospital-clock';
import { utcOffset } from '../i18n/hospital-date';

/**
 * `<input type="datetime-local">` values (`2026-11-25T09:00`) read as the hospital's wall clock,
 * whatever the browser's zone, and sent to the API as ISO 8601 with the hospital's offset.
 */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2026-11-25T09:00` of `at` in the hospital's zone. */
export function toHospitalInput(at: Date | number, timeZone: string = hospitalTimeZone()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** `2026-11-25T09:00:00+08:00` for the input value read in the hospital's zone; null if it is not one. */
export function fromHospitalInput(value: string, timeZone: string = hospitalTimeZone()): string | null {
  const instant = hospitalInputInstant(value, timeZone);
  if (instant === null) {
    return null;
  }
  const offset = offsetMinutes(new Date(instant), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${value}:00${sign}${hh}:${mm}`;
}

/** Epoch milliseconds of the input value read in the hospital's zone; null if it is not a real date-time. */
export function hospitalInputInstant(value: string, timeZone: string = hospitalTimeZone()): number | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) {
    return null;
  }
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return null;
  }
  // The offset at the wall time read as UTC is right except within hours of a DST change; one more pass settles it.
  let instant = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return instant;
}

/** Tomorrow at the call hour in the hospital's zone: the default for a new or moved call. */
export function tomorrowAtCallHour(now: number, timeZone: string = hospitalTimeZone()): string {
  return `${addDays(calendarDayOf(now, timeZone), 1)}T${String(CALL_HOUR).padStart(2, '0')}:00`;
}

function offsetMinutes(at: Date, timeZone: string): number {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(utcOffset(at, timeZone) ?? '');
  if (!match) {
    return -at.getTimezoneOffset();
  }
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
