import type { ChurnPoint } from '@huifang/shared';
import { addDays, type CalendarDay } from '@huifang/shared';
import { groupByKey, narrowToKey, num, percent, timeBucketKeys, type Grouping, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

/**
 * The churn cohort of a period (DOMAIN.md, Indicators): the return expectations whose due date +
 * grace fell in the period and has passed by today, counted once per patient. A patient is lapsed
 * when no visit came on or after the due date (`returned_on` is null); an expectation replaced by
 * a newer one set at an earlier visit (`superseded`) no longer counts. The department is the one
 * of the visit that set the expectation.
 */
export interface CohortWindow {
  /** Due dates whose cohort day (due + grace) falls in the scope and before today. */
  dueFrom: CalendarDay;
  dueTo: CalendarDay;
}

export function cohortWindow(scope: IndicatorScope, graceDays: number, today: CalendarDay): CohortWindow | null {
  const lastDecided = addDays(today, -1);
  const to = scope.to < lastDecided ? scope.to : lastDecided;
  if (to < scope.from) return null;
  return { dueFrom: addDays(scope.from, -graceDays), dueTo: addDays(to, -graceDays) };
}

/** WHERE conditions (alias `e`) selecting the cohort's expectations. */
export function cohortConditions(scope: IndicatorScope): string {
  return `e.next_visit_due BETWEEN :dueFrom AND :dueTo AND e.superseded = FALSE
          ${scope.departmentId === null ? '' : 'AND e.department_id = :departmentId'}`;
}

/**
 * Spelled as in IDX_encounter_churn_order's WHERE: SQLite uses a partial index only when the query
 * repeats its terms, and compares `false` and `FALSE` as different text (with `FALSE` the year's
 * cohort read the table through another index: 930 ms instead of the covering scan).
 */
const EXPECTATION_INDEX_TERM = 'e.superseded = false';

/**
 * Distinct patients of the cohort and distinct lapsed ones per bucket, without COUNT(DISTINCT): a
 * patient counts through its first expectation in the bucket's due range [a, b], the row whose
 * previous expectation's due day is null or before `a` (encounters/churn-order.ts). The department
 * columns serve a department filter or grouping. Time buckets are a CTE of due ranges (each
 * bucket's cohort days minus the grace, clipped to the window) joined by range, so no date function
 * runs per row.
 */
export async function churnByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  graceDays: number,
  today: CalendarDay,
): Promise<Map<string, ChurnPoint>> {
  const window = cohortWindow(scope, graceDays, today);
  if (!window) return new Map();
  const byDepartment = scope.departmentId !== null || groupBy === 'department';
  const [prev, prevLapsed] = byDepartment ? ['e.prev_dept_due', 'e.prev_lapsed_dept_due'] : ['e.prev_due', 'e.prev_lapsed_due'];
  const counts = (a: string) => `SUM(CASE WHEN ${prev} IS NULL OR ${prev} < ${a} THEN 1 ELSE 0 END) AS n,
            SUM(CASE WHEN e.returned_on IS NULL AND (${prevLapsed} IS NULL OR ${prevLapsed} < ${a}) THEN 1 ELSE 0 END) AS lapsed`;
  const department = scope.departmentId === null ? '' : 'AND e.department_id = :departmentId';
  let text: string;
  let params: Record<string, unknown> = { ...scope, ...window };
  if (groupBy === 'all' || groupBy === 'department') {
    text = `SELECT ${groupBy === 'all' ? "'all'" : 'CAST(e.department_id AS varchar(12))'} AS g, ${counts(':dueFrom')}
              FROM encounter e
             WHERE e.next_visit_due BETWEEN :dueFrom AND :dueTo AND ${EXPECTATION_INDEX_TERM} ${department}
             ${groupByKey(groupBy, 0, 'e.department_id')}`;
  } else {
    const buckets = dueBucketsCte(sql, scope, groupBy, graceDays, window);
    params = { ...params, ...buckets.params };
    text = `WITH ${buckets.cte}
            SELECT b.k AS g, ${counts('b.a')}
              FROM buckets b JOIN encounter e ON e.next_visit_due BETWEEN b.a AND b.b
             WHERE ${EXPECTATION_INDEX_TERM} ${department}
             GROUP BY b.k`;
  }
  const rows = await sql.query<Record<string, unknown>>(text, params);
  return new Map(
    rows.map((row) => {
      const point = churnPoint(String(row['g']), num(row['n']), num(row['lapsed']));
      return [point.key, point];
    }),
  );
}

/** `buckets(k, a, b)`: each time bucket's key and its inclusive range of due days within the window. */
function dueBucketsCte(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: 'day' | 'week' | 'month',
  graceDays: number,
  window: CohortWindow,
): { cte: string; params: Record<string, unknown> } {
  const cohortDays: IndicatorScope = { ...scope, to: addDays(window.dueTo, graceDays) };
  const params: Record<string, unknown> = {};
  const rows = timeBucketKeys(cohortDays, groupBy).map((key, i) => {
    const days = narrowToKey(cohortDays, groupBy, key);
    Object.assign(params, { [`bk${i}`]: key, [`ba${i}`]: addDays(days.from, -graceDays), [`bb${i}`]: addDays(days.to, -graceDays) });
    return `(${sql.textParam(`bk${i}`)}, ${sql.textParam(`ba${i}`)}, ${sql.textParam(`bb${i}`)})`;
  });
  return { cte: `buckets(k, a, b) AS (VALUES ${rows.join(', ')})`, params };
}

/**
 * Retention is the complement of the churn rate as shown (DOMAIN.md): rounding the two separately
 * gave 6.3 and 93.8 for 1 lapsed of 16, which do not add up to 100.
 */
export function churnPoint(key: string, n: number, lapsed: number): ChurnPoint {
  const churnRate = percent(lapsed, n);
  const retention = churnRate === null ? null : Math.round((100 - churnRate) * 10) / 10;
  return { key, n, lapsed, churnRate, retention };
}

export function emptyChurnPoint(key: string): ChurnPoint {
  return { key, n: 0, lapsed: 0, churnRate: null, retention: null };
}
