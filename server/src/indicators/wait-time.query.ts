import type { WaitTimePoint } from '@huifang/shared';
import { addDays, type CalendarDay } from '@huifang/shared';
import { WAIT_TENTHS_SQL, WAITS_OVER_SQL } from '../encounters/wait-rollup';
import { groupKeySql, num, percent, round1, type Grouping, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { nearestRankSql } from './nearest-rank';

/**
 * Wait time (DOMAIN.md): encounters counted by check-in day, wait = calledAt - checkedInAt. Whole
 * months of the period come from the monthly histograms (`wait_monthly`, in tenths of a minute),
 * the days before and after them from the encounters, rounded the same way; grouping by day or
 * week reads the encounters only. Means use the exact seconds.
 */
export async function waitTimeByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  thresholdMinutes: number,
): Promise<Map<string, WaitTimePoint>> {
  const parts = groupBy === 'day' || groupBy === 'week' ? { months: null, edges: [[scope.from, scope.to]] } : splitIntoMonths(scope);
  const inDepartment = (column: string) => (scope.departmentId === null ? '' : `AND ${column} = :departmentId`);
  const rawKey = groupKeySql(sql, groupBy, 'e.checked_in_on', 'e.department_id');
  const selects = parts.edges.map(
    (_, i) =>
      `SELECT ${rawKey} AS g, ${WAIT_TENTHS_SQL('e.wait_seconds')} AS v, 1 AS c, e.wait_seconds AS s,
              CASE WHEN e.wait_seconds > :thresholdSeconds THEN 1 ELSE 0 END AS o
         FROM encounter e
        WHERE e.checked_in_on BETWEEN :edgeFrom${i} AND :edgeTo${i} AND e.wait_seconds IS NOT NULL ${inDepartment('e.department_id')}`,
  );
  if (parts.months) {
    selects.push(
      `SELECT ${groupKeySql(sql, groupBy, "w.month || '-01'", 'w.department_id')} AS g, w.tenths AS v, w.n AS c, w.seconds AS s, ${WAITS_OVER_SQL} AS o
         FROM wait_monthly w
        WHERE w.month BETWEEN :firstMonth AND :lastMonth ${inDepartment('w.department_id')}`,
    );
  }
  const params: Record<string, unknown> = { ...scope, thresholdSeconds: thresholdMinutes * 60, ...parts.months };
  parts.edges.forEach(([from, to], i) => Object.assign(params, { [`edgeFrom${i}`]: from, [`edgeTo${i}`]: to }));
  const rows = await sql.query<Record<string, unknown>>(
    nearestRankSql(
      `SELECT g, v, SUM(c) AS c, SUM(s) AS s, SUM(o) AS o FROM (${selects.join(' UNION ALL ')}) u GROUP BY g, v`,
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

/** The whole calendar months inside a period, and the days before and after them. */
export function splitIntoMonths(scope: { from: CalendarDay; to: CalendarDay }): {
  months: { firstMonth: string; lastMonth: string } | null;
  edges: [CalendarDay, CalendarDay][];
} {
  const firstFull = scope.from.endsWith('-01') ? scope.from : `${addDays(`${scope.from.slice(0, 7)}-28`, 4).slice(0, 7)}-01`;
  const dayAfter = addDays(scope.to, 1);
  const lastFullEnd = dayAfter.endsWith('-01') ? scope.to : addDays(`${scope.to.slice(0, 7)}-01`, -1);
  if (firstFull > lastFullEnd) return { months: null, edges: [[scope.from, scope.to]] };
  const edges: [CalendarDay, CalendarDay][] = [];
  if (scope.from < firstFull) edges.push([scope.from, addDays(firstFull, -1)]);
  if (lastFullEnd < scope.to) edges.push([addDays(lastFullEnd, 1), scope.to]);
  return { months: { firstMonth: firstFull.slice(0, 7), lastMonth: lastFullEnd.slice(0, 7) }, edges };
}

export function emptyWaitTimePoint(key: string): WaitTimePoint {
  return { key, n: 0, mean: null, median: null, p90: null, overThresholdCount: 0, overThreshold: null };
}
