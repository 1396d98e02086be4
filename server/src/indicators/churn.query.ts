import type { ChurnPoint } from '@huifang/shared';
import { addDays, type CalendarDay } from '@huifang/shared';
import { groupByKey, groupKeySql, num, percent, type Grouping, type IndicatorScope } from './indicator-scope';
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

export async function churnByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  graceDays: number,
  today: CalendarDay,
): Promise<Map<string, ChurnPoint>> {
  const window = cohortWindow(scope, graceDays, today);
  if (!window) return new Map();
  const key = groupKeySql(sql, groupBy, sql.plusDays('e.next_visit_due', graceDays), 'e.department_id');
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT ${key} AS g, COUNT(DISTINCT e.patient_id) AS n,
            COUNT(DISTINCT CASE WHEN e.returned_on IS NULL THEN e.patient_id END) AS lapsed
       FROM encounter e
      WHERE ${cohortConditions(scope)}
      ${groupByKey(groupBy)}`,
    { ...scope, ...window },
  );
  return new Map(
    rows.map((row) => {
      const point = churnPoint(String(row['g']), num(row['n']), num(row['lapsed']));
      return [point.key, point];
    }),
  );
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
