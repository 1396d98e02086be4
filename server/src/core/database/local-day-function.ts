import { calendarDayOf } from '@huifang/shared';

/** The part of a better-sqlite3 connection this needs (the app's connection and the read workers'). */
interface FunctionHost {
  function(name: string, options: { deterministic: boolean }, implementation: (stored: string | null) => string | null): unknown;
}

/**
 * `hf_local_day(timestamp)`: the hospital calendar day of a stored UTC timestamp, for zones with
 * daylight saving (SQLite knows no time zones; a fixed-offset zone is plain arithmetic in SQL).
 */
export function registerLocalDayFunction(connection: FunctionHost, timeZone: string): void {
  connection.function('hf_local_day', { deterministic: true }, (stored) =>
    stored === null ? null : calendarDayOf(new Date(`${stored.replace(' ', 'T')}Z`), timeZone),
  );
}
