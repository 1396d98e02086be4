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
  /** The wall clock as if it were UTC. */
  wallMs: number;
  hasTime: boolean;
  /** Minutes ahead of UTC when the text says (`Z`, `+08:00`); null: the hospital's zone. */
  offsetMinutes: number | null;
}

function wallClock(text: string): WallClock | null {
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
    if (year < FIRST_YEAR || year > LAST_YEAR || hour > 23 || minute > 59 || second > 59) return null;
    const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
    const date = new Date(wallMs);
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null; // 2024-02-30
    return { wallMs, hasTime: match[4] !== undefined, offsetMinutes: offsetOf(match[7]) };
  }
  const serial = EXCEL_SERIAL.exec(text);
  if (!serial) return null;
  const wallMs = EXCEL_EPOCH_MS + Math.round(Number(text) * DAY_MS / 1000) * 1000;
  return { wallMs, hasTime: serial[2] !== undefined, offsetMinutes: null };
}

function offsetOf(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone[0] === '-' ? -minutes : minutes;
}

/** `YYYY-MM-DD`, or null when `text` is no date. A midnight time (`1980-01-01 00:00:00`) is allowed. */
export function parseDay(text: string): string | null {
  const clock = wallClock(text);
  if (!clock || clock.offsetMinutes !== null || clock.wallMs % DAY_MS !== 0) return null;
  return new Date(clock.wallMs).toISOString().slice(0, 10);
}

/** The instant, or null when `text` is no date with a time of day. */
export function parseInstant(text: string, timeZone: string): Date | null {
  const clock = wallClock(text);
  if (!clock || !clock.hasTime) return null;
  const instant =
    clock.offsetMinutes === null ? wallClockToInstant(clock.wallMs, timeZone) : clock.wallMs - clock.offsetMinutes * 60_000;
  return new Date(instant);
}
