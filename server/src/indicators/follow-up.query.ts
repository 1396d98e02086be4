import type { FollowUpPoint } from '@huifang/shared';
import { groupKeySql, instantBounds, num, percent, round1, type Grouping, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { nearestRankSql } from './nearest-rank';

/**
 * Follow-up (DOMAIN.md, Indicators): callbacks due in the period (their current due time; cancelled
 * ones do not count), how many were completed and reached, and the median time from due to
 * completion (`completed_at`: the attempt that completed it: reached, declined or wrong number).
 */
export function followUpConditions(scope: IndicatorScope): string {
  return `c.due_at >= :start AND c.due_at < :end AND c.status <> 'cancelled'
          ${scope.departmentId === null ? '' : 'AND c.department_id = :departmentId'}`;
}

export async function followUpByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  timeZone: string,
): Promise<Map<string, FollowUpPoint>> {
  const key = groupKeySql(sql, groupBy, sql.localDay('c.due_at'), 'c.department_id');
  const params = { ...scope, ...instantBounds(scope, timeZone) };
  const counts = await sql.query<Record<string, unknown>>(
    `SELECT ${key} AS g, COUNT(*) AS n,
            SUM(CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END) AS completed,
            SUM(CASE WHEN c.status = 'completed' AND c.outcome = 'reached' THEN 1 ELSE 0 END) AS reached,
            SUM(CASE WHEN c.status = 'failed' THEN 1 ELSE 0 END) AS failed,
            SUM(CASE WHEN c.kind = 'service_recovery' THEN 1 ELSE 0 END) AS recovery_opened,
            SUM(CASE WHEN c.kind = 'service_recovery' AND c.status = 'completed' THEN 1 ELSE 0 END) AS recovery_closed
       FROM callback c
      WHERE ${followUpConditions(scope)}
      GROUP BY 1`,
    params,
  );
  const durations = await sql.query<Record<string, unknown>>(
    nearestRankSql(
      `SELECT ${key} AS g, ${sql.secondsBetween('c.due_at', 'c.completed_at')} / 60 AS v, COUNT(*) AS c
         FROM callback c
        WHERE ${followUpConditions(scope)} AND c.status = 'completed'
        GROUP BY 1, 2`,
    ),
    params,
  );
  const medians = new Map(durations.map((row) => [String(row['g']), num(row['p50'])]));
  return new Map(
    counts.map((row) => {
      const n = num(row['n']);
      const completed = num(row['completed']);
      const reached = num(row['reached']);
      const median = medians.get(String(row['g']));
      const point: FollowUpPoint = {
        key: String(row['g']),
        n,
        completed,
        reached,
        failed: num(row['failed']),
        completionRate: percent(completed, n),
        reachedRate: percent(reached, completed),
        medianHoursToComplete: median === undefined ? null : round1(median / 60),
        serviceRecoveryOpened: num(row['recovery_opened']),
        serviceRecoveryClosed: num(row['recovery_closed']),
      };
      return [point.key, point];
    }),
  );
}

export function emptyFollowUpPoint(key: string): FollowUpPoint {
  return {
    key,
    n: 0,
    completed: 0,
    reached: 0,
    failed: 0,
    completionRate: null,
    reachedRate: null,
    medianHoursToComplete: null,
    serviceRecoveryOpened: 0,
    serviceRecoveryClosed: 0,
  };
}
