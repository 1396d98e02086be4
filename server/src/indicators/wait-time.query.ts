import type { WaitTimePoint } from '@huifang/shared';
import { waitSpans } from '../encounters/wait-histogram';
import { WAITS_OVER_SQL } from '../encounters/wait-rollup';
import { groupKeySql, num, percent, round1, type Grouping, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { nearestRankSql } from './nearest-rank';

/**
 * Wait time (DOMAIN.md): encounters counted by check-in day, wait = calledAt - checkedInAt. Read from
 * the wait histograms (encounters/wait-histogram.ts, tenths of a minute): the period's whole months,
 * whole weeks and single days, as large as the grouping allows; the rows of all departments
 * together unless one department is asked for or the grouping is by department. Means use the
 * exact seconds.
 */
export async function waitTimeByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  thresholdMinutes: number,
): Promise<Map<string, WaitTimePoint>> {
  const largest = groupBy === 'day' ? 'day' : groupBy === 'week' ? 'week' : 'month';
  const parts = waitSpans(scope.from, scope.to, largest);
  const department = scope.departmentId !== null ? 'w.department_id = :departmentId' : groupBy === 'department' ? 'w.department_id <> 0' : 'w.department_id = 0';
  // A week row's first day is its key already: only day rows need the (costly, per row) Monday.
  const key = groupBy === 'week' ? `CASE WHEN w.span = 'week' THEN w.first_day ELSE ${sql.weekStart('w.first_day')} END` : groupKeySql(sql, groupBy, 'w.first_day', 'w.department_id');
  const params: Record<string, unknown> = { departmentId: scope.departmentId, thresholdSeconds: thresholdMinutes * 60 };
  const spans = parts.map(([span, first, last], i) => {
    Object.assign(params, { [`span${i}`]: span, [`first${i}`]: first, [`last${i}`]: last });
    return `(w.span = :span${i} AND w.first_day BETWEEN :first${i} AND :last${i})`;
  });
  const rows = await sql.query<Record<string, unknown>>(
    nearestRankSql(
      `SELECT ${key} AS g, w.tenths AS v, SUM(w.n) AS c, SUM(w.seconds) AS s, SUM(${WAITS_OVER_SQL}) AS o
         FROM wait_histogram w
        WHERE (${spans.join(' OR ')}) AND ${department}
        GROUP BY 1, 2`,
      'SUM(s) AS seconds, SUM(o) AS over',
    ),
    params,
  );
  return new Map(
    rows.map((row) => {
      const n = num(row['n']);
      const over = num(row['over']);
      const point: WaitTimePoint = {
        key: String(row['g']),
        n,
        mean: n ? round1(num(row['seconds']) / n / 60) : null,
        median: n ? num(row['p50']) / 10 : null,
        p90: n ? num(row['p90']) / 10 : null,
        overThresholdCount: over,
        overThreshold: percent(over, n),
      };
      return [point.key, point];
    }),
  );
}

export function emptyWaitTimePoint(key: string): WaitTimePoint {
  return { key, n: 0, mean: null, median: null, p90: null, overThresholdCount: 0, overThreshold: null };
}

/**
 * The waits of a period as tenths of a minute with their counts, ascending (the histogram rows of
 * the same spans `waitTimeByGroup` reads): the whole distribution, for tests of a change in the
 * median (improvement actions). A year is a few thousand rows, whatever the number of visits.
 */
export async function waitTenthsTallies(sql: IndicatorSql, scope: IndicatorScope): Promise<{ tenths: number; count: number }[]> {
  const params: Record<string, unknown> = { departmentId: scope.departmentId };
  const spans = waitSpans(scope.from, scope.to, 'month').map(([span, first, last], i) => {
    Object.assign(params, { [`span${i}`]: span, [`first${i}`]: first, [`last${i}`]: last });
    return `(w.span = :span${i} AND w.first_day BETWEEN :first${i} AND :last${i})`;
  });
  const department = scope.departmentId !== null ? 'w.department_id = :departmentId' : 'w.department_id = 0';
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT w.tenths AS v, SUM(w.n) AS c FROM wait_histogram w WHERE (${spans.join(' OR ')}) AND ${department} GROUP BY w.tenths ORDER BY w.tenths`,
    params,
  );
  return rows.map((row) => ({ tenths: num(row['v']), count: num(row['c']) })).filter((t) => t.count > 0);
}
