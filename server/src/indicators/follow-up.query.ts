import type { FollowUpPoint } from '@huifang/shared';
import { groupByKey, groupKeySql, instantBounds, instantBucketsCte, num, percent, round1, type Grouping, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { nearestRankSql } from './nearest-rank';

/**
 * Follow-up (DOMAIN.md, Indicators): callbacks due in the period (their current due time) whose due
 * time has passed by `:now` (a call not yet due is not incomplete; counting it dragged the last days
 * of a period towards 0%); cancelled ones do not count. Also how many were completed and reached, and the median time from due to
 * completion (`completed_at`: the attempt that completed it: reached, declined or wrong number).
 */
export function followUpConditions(scope: IndicatorScope): string {
  return `c.due_at >= :start AND c.due_at < :end AND c.due_at <= :now AND c.status <> 'cancelled'
          ${scope.departmentId === null ? '' : 'AND c.department_id = :departmentId'}`;
}

/** Where the callbacks of a follow-up series come from, and their bucket key `g`. */
interface FollowUpSource {
  ctes: string;
  key: string;
  /** What to GROUP BY for the key (its position, or the column when that avoids a sort). */
  keyColumn: string;
  tables: string;
  where: string;
  params: Record<string, unknown>;
}

/**
 * By day, week or month the callbacks are joined to the period's buckets by due time (no date
 * function per row), by department to the departments; for the whole period they are read by the
 * due-time range.
 */
function followUpSource(sql: IndicatorSql, scope: IndicatorScope, groupBy: Grouping, timeZone: string): FollowUpSource {
  if (groupBy === 'day' || groupBy === 'week' || groupBy === 'month') {
    const buckets = instantBucketsCte(sql, scope, groupBy, timeZone);
    return {
      ctes: buckets.cte,
      key: 'b.k',
      keyColumn: '1',
      tables: 'buckets b JOIN callback c ON c.due_at >= b.s AND c.due_at < b.e',
      where: `c.due_at <= :now AND c.status <> 'cancelled' ${scope.departmentId === null ? '' : 'AND c.department_id = :departmentId'}`,
      params: { ...scope, ...buckets.params, now: new Date() },
    };
  }
  if (groupBy === 'department') {
    // Each department's due-time range in index order (IDX_callback_department_due): no sort of the year.
    return {
      ctes: '',
      key: groupKeySql(sql, groupBy, '', 'd.id'),
      keyColumn: 'd.id',
      tables: 'department d JOIN callback c ON c.department_id = d.id AND c.due_at >= :start AND c.due_at < :end',
      where: `c.due_at <= :now AND c.status <> 'cancelled' ${scope.departmentId === null ? '' : 'AND d.id = :departmentId'}`,
      params: { ...scope, ...instantBounds(scope, timeZone), now: new Date() },
    };
  }
  return {
    ctes: '',
    key: groupKeySql(sql, groupBy, sql.localDay('c.due_at'), 'c.department_id'),
    keyColumn: '1',
    tables: 'callback c',
    where: followUpConditions(scope),
    params: { ...scope, ...instantBounds(scope, timeZone), now: new Date() },
  };
}

export async function followUpByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  timeZone: string,
  /** The headline needs only the completion rate: leave out the median time to complete (the costly part). */
  withDurations = true,
): Promise<Map<string, FollowUpPoint>> {
  const source = followUpSource(sql, scope, groupBy, timeZone);
  const counts = await sql.query<Record<string, unknown>>(
    `${source.ctes ? `WITH ${source.ctes}` : ''}
     SELECT ${source.key} AS g, COUNT(*) AS n,
            SUM(CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END) AS completed,
            SUM(CASE WHEN c.status = 'completed' AND c.outcome = 'reached' THEN 1 ELSE 0 END) AS reached,
            SUM(CASE WHEN c.status = 'failed' THEN 1 ELSE 0 END) AS failed,
            SUM(CASE WHEN c.kind = 'service_recovery' THEN 1 ELSE 0 END) AS recovery_opened,
            SUM(CASE WHEN c.kind = 'service_recovery' AND c.status = 'completed' THEN 1 ELSE 0 END) AS recovery_closed
       FROM ${source.tables}
      WHERE ${source.where}
      ${groupByKey(groupBy, 0, source.keyColumn)}`,
    source.params,
  );
  const durations = withDurations
    ? await sql.query<Record<string, unknown>>(
        nearestRankSql(
          `SELECT ${source.key} AS g, ${sql.secondsBetween('c.due_at', 'c.completed_at')} / 60 AS v, COUNT(*) AS c
             FROM ${source.tables}
            WHERE ${source.where} AND c.status = 'completed'
            ${groupByKey(groupBy, 1, source.keyColumn)}`,
          '',
          source.ctes,
        ),
        source.params,
      )
    : [];
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
