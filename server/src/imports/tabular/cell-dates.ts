import { EARLIEST_DAY, LATEST_DAY } from '@huifang/shared';
import { wallClockToInstant } from './local-time';

/*
 * Dates and times as HIS exports write them: `2024-03-01`, `2024/3/1`, `20240301`, with a time
 * `2024-03-01 08:05[:00]`, `2024/3/1 8:05`, `20240301080500`, ISO 8601 with an offset, and Excel's
 * serial day numbers. A time without an offset is the hospital's wall clock.
 */
const SEPARATED = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/;
/** Excel day numbers 10000–99999 (1927–2173); 1899-12-30 is day 0. */
const EXCEL_SERIAL = /^(\d{5})(\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const FIRST_YEAR = Number(EARLIEST_DAY.slice(0, 4));
const LAST_YEAR = Number(LATEST_DAY.slice(0, 4));

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** Seconds since midnight on the wall clock. */
  seconds: number;
  hasTime: boolean;
  /** Minutes ahead of UTC when the text says (`Z`, `+08:00`); null: the hospital's zone. */
  offsetMinutes: number | null;
}

const part = (text: string | undefined) => (text === undefined ? 0 : Number(text));

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The fields of `text`, checked (no 2024-02-30, no 24:00); null when it is no date. Runs for every cell: no Date objects. */
function wallClock(text: string): WallClock | null {
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = [part(match[1]), part(match[2]), part(match[3]), part(match[4]), part(match[5]), part(match[6])];
    if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    return { year, month, day, seconds: hour * 3600 + minute * 60 + second, hasTime: match[4] !== undefined, offsetMinutes: offsetOf(match[7]) };
  }
  const serial = EXCEL_SERIAL.exec(text);
  if (!serial) return null;
  const date = new Date(EXCEL_EPOCH_MS + Math.round((Number(text) * DAY_MS) / 1000) * 1000);
  const seconds = Math.round((date.getTime() % DAY_MS) / 1000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), seconds, hasTime: serial[2] !== undefined, offsetMinutes: null };
}

function offsetOf(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone[0] === '-' ? -minutes : minutes;
}

const pad = (part: number) => String(part).padStart(2, '0');

/** `YYYY-MM-DD`, or null when `text` is no date. A midnight time (`1980-01-01 00:00:00`) is allowed. */
export function parseDay(text: string): string | null {
  const clock = wallClock(text);
  if (!clock || clock.offsetMinutes !== null || clock.seconds !== 0) return null;
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}

/**
 * The instant, or null when `text` is no date. A date without a time of day is the start of that day
 * in the hospital's zone, the FHIR reader's rule for a `date` where a `dateTime` belongs.
 */
export function parseInstant(text: string, timeZone: string): Date | null {
  const clock = wallClock(text);
  if (!clock) return null;
  const wallMs = Date.UTC(clock.year, clock.month - 1, clock.day) + clock.seconds * 1000;
  const instant = clock.offsetMinutes === null ? wallClockToInstant(wallMs, timeZone) : wallMs - clock.offsetMinutes * 60_000;
  return new Date(instant);
}
