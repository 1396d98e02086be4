import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, MAX_DAILY_PERIOD_DAYS, MAX_PERIOD_DAYS, type IndicatorGrouping } from '@huifang/shared';
import { addDays, daysBetween, startOfCalendarDay, type CalendarDay } from '@huifang/shared';
import type { IndicatorSql } from './indicator-sql';

/** `all` folds a period into one point (headline figures). */
export type Grouping = IndicatorGrouping | 'all';

/** What one indicator query covers: inclusive calendar days in the hospital's zone, one department or all. */
export interface IndicatorScope {
  from: CalendarDay;
  to: CalendarDay;
  departmentId: number | null;
}

export const DEFAULT_PERIOD_DAYS = 30;

/** The requested period, or the last 30 days up to today; refuses reversed or oversized periods. */
export function resolveScope(
  query: { from?: string; to?: string; departmentId?: number; groupBy?: Grouping },
  today: CalendarDay,
): IndicatorScope {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw new BadRequestException({ message: ['from must not be after to'], code: ERROR_CODES.periodReversed });
  const days = daysBetween(from, to) + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw new BadRequestException({
      message: [`to must be within ${MAX_PERIOD_DAYS} days of from`],
      code: ERROR_CODES.periodTooLong,
      params: { maxDays: MAX_PERIOD_DAYS },
    });
  }
  if (query.groupBy === 'day' && days > MAX_DAILY_PERIOD_DAYS) {
    throw new BadRequestException({
      message: [`groupBy must be week or month for periods longer than ${MAX_DAILY_PERIOD_DAYS} days`],
      code: ERROR_CODES.periodTooLong,
      params: { maxDays: MAX_DAILY_PERIOD_DAYS },
    });
  }
  return { from, to, departmentId: query.departmentId ?? null };
}

/** The period of the same length just before. */
export function previousScope(scope: IndicatorScope): IndicatorScope {
  const days = daysBetween(scope.from, scope.to) + 1;
  return { ...scope, from: addDays(scope.from, -days), to: addDays(scope.from, -1) };
}

/** The instants bounding a scope: [start of `from`, start of the day after `to`). */
export function instantBounds(scope: IndicatorScope, timeZone: string): { start: Date; end: Date } {
  return { start: startOfCalendarDay(scope.from, timeZone), end: startOfCalendarDay(addDays(scope.to, 1), timeZone) };
}

/** The Monday starting the ISO week of `day`. */
export function mondayOf(day: CalendarDay): CalendarDay {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Every bucket key of a period, in order (department keys come from the department list). */
export function timeBucketKeys(scope: IndicatorScope, groupBy: 'day' | 'week' | 'month'): string[] {
  const keys: string[] = [];
  if (groupBy === 'month') {
    for (let month = scope.from.slice(0, 7); month <= scope.to.slice(0, 7); month = nextMonth(month)) keys.push(month);
    return keys;
  }
  const step = groupBy === 'week' ? 7 : 1;
  for (let day = groupBy === 'week' ? mondayOf(scope.from) : scope.from; day <= scope.to; day = addDays(day, step)) keys.push(day);
  return keys;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Narrows a scope to one point of a series (drill-down): a day, a week, a month or a department.
 * A key that does not belong to the grouping is a 400 naming `key`.
 */
export function narrowToKey(scope: IndicatorScope, groupBy: IndicatorGrouping, key: string): IndicatorScope {
  const bad = () => new BadRequestException({ message: [`key must be a ${groupBy} of the period`], code: ERROR_CODES.indicatorKeyOutsidePeriod });
  if (groupBy === 'department') {
    if (!/^\d{1,9}$/.test(key)) throw bad();
    const departmentId = Number(key);
    if (scope.departmentId !== null && scope.departmentId !== departmentId) throw bad();
    return { ...scope, departmentId };
  }
  let first: CalendarDay;
  let last: CalendarDay;
  if (groupBy === 'month') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) throw bad();
    first = `${key}-01`;
    last = addDays(`${nextMonth(key)}-01`, -1);
  } else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || (groupBy === 'week' && mondayOf(key) !== key)) throw bad();
    first = key;
    last = groupBy === 'week' ? addDays(key, 6) : key;
  }
  const from = first > scope.from ? first : scope.from;
  const to = last < scope.to ? last : scope.to;
  if (from > to) throw bad();
  return { ...scope, from, to };
}

/**
 * The time buckets of a period as a CTE `buckets(k, s, e)`: each key with the instants bounding it,
 * [s, e), in the hospital's time zone and clipped to the period. Joining rows to it by a timestamp
 * range groups them by local day, week or month without a date function per row (which, with the
 * sort it forces, costs SQLite 300 ms over a year of callbacks instead of 60).
 */
export function instantBucketsCte(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: 'day' | 'week' | 'month',
  timeZone: string,
): { cte: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const rows = timeBucketKeys(scope, groupBy).map((key, i) => {
    const bounds = instantBounds(narrowToKey(scope, groupBy, key), timeZone);
    Object.assign(params, { [`bk${i}`]: key, [`bs${i}`]: bounds.start, [`be${i}`]: bounds.end });
    return `(${sql.textParam(`bk${i}`)}, ${sql.instantParam(`bs${i}`)}, ${sql.instantParam(`be${i}`)})`;
  });
  return { cte: `buckets(k, s, e) AS (VALUES ${rows.join(', ')})`, params };
}

/**
 * The GROUP BY of a query whose first column is `groupKeySql` (followed by `more` columns also
 * grouped). For `all` the key is a constant, and grouping by it makes SQLite sort every row for
 * nothing (a year of callbacks: 250 ms instead of 40): it is left out, and `HAVING COUNT(*) > 0`
 * keeps "no rows, no group" as with a real key. `keyColumn` names the key's column instead of its
 * position where grouping by the column itself lets rows stream in index order without a sort.
 */
export function groupByKey(groupBy: Grouping, more = 0, keyColumn = '1'): string {
  const others = Array.from({ length: more }, (_, i) => String(i + 2));
  if (groupBy !== 'all') return `GROUP BY ${[keyColumn, ...others].join(', ')}`;
  return others.length ? `GROUP BY ${others.join(', ')}` : 'HAVING COUNT(*) > 0';
}

/** The SQL giving a row's bucket key, from its calendar-day and department expressions. */
export function groupKeySql(sql: IndicatorSql, groupBy: Grouping, day: string, department: string): string {
  switch (groupBy) {
    case 'all':
      return "'all'";
    case 'day':
      return day;
    case 'week':
      return sql.weekStart(day);
    case 'month':
      return `substr(${day}, 1, 7)`;
    case 'department':
      return `CAST(${department} AS varchar(12))`;
  }
}

/** One decimal, as DOMAIN.md reports minutes and percentages. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** 100 * part / whole with one decimal; null when nothing was counted. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? round1((100 * part) / whole) : null;
}

/** Drivers return counts as strings (PostgreSQL bigint) or numbers; null stays null. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
