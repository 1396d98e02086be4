import type { FollowUpPoint } from '@huifang/shared';
import { addDays, calendarDayOf, startOfCalendarDay } from '@huifang/shared';
import { groupKeySql, instantBounds, num, percent, round1, type Grouping, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { nearestRankSql } from './nearest-rank';
import { completionKeySql } from './rollups/callback-rollup';

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

/**
 * The callbacks of a period as rows of figures (`g` bucket key, then `callback_daily`'s columns):
 * the days before today from the day × department rollup (rollups/callback-rollup.ts), plus any
 * journalled change not yet folded into it (on PostgreSQL the last moments' writes); today's callbacks already due
 * from the callbacks themselves (later days are not due yet). A few thousand rows for a year.
 */
function followUpRows(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  timeZone: string,
  now: Date,
  rollupBuilt: boolean,
): { counts: string[]; durations: string[]; params: Record<string, unknown> } {
  const today = calendarDayOf(now, timeZone);
  // Until the rollup is built (a first start that met a busy database), every day comes from the callbacks.
  const beforeToday = rollupBuilt ? addDays(today, -1) : addDays(scope.from, -1);
  const rollupTo = scope.to < beforeToday ? scope.to : beforeToday;
  const liveFrom = !rollupBuilt || scope.from > today ? scope.from : today;
  const department = (column: string) => (scope.departmentId === null ? '' : `AND ${column} = :departmentId`);
  const params: Record<string, unknown> = { ...scope, now, rollupTo, liveStart: startOfCalendarDay(liveFrom, timeZone), end: instantBounds(scope, timeZone).end };
  const counts: string[] = [];
  const durations: string[] = [];
  const figures = (sign: string) =>
    `${sign} AS n, CASE WHEN c.status = 'completed' THEN ${sign} ELSE 0 END AS completed,
     CASE WHEN c.status = 'completed' AND c.outcome = 'reached' THEN ${sign} ELSE 0 END AS reached,
     CASE WHEN c.status = 'failed' THEN ${sign} ELSE 0 END AS failed, CASE WHEN c.kind = 'service_recovery' THEN ${sign} ELSE 0 END AS recovery_opened,
     CASE WHEN c.kind = 'service_recovery' AND c.status = 'completed' THEN ${sign} ELSE 0 END AS recovery_closed`;
  if (scope.from <= rollupTo) {
    const journalDay = sql.localDay('c.due_at');
    const journalKey = groupKeySql(sql, groupBy, journalDay, 'COALESCE(c.department_id, 0)');
    const inJournal = `${journalDay} BETWEEN :from AND :rollupTo ${department('COALESCE(c.department_id, 0)')}`;
    counts.push(
      `SELECT ${groupKeySql(sql, groupBy, 'd.day', 'd.department_id')} AS g, d.n, d.completed, d.reached, d.failed, d.recovery_opened, d.recovery_closed
         FROM callback_daily d WHERE d.day BETWEEN :from AND :rollupTo ${department('d.department_id')}`,
      `SELECT ${journalKey} AS g, ${figures('c.sign')} FROM callback_rollup_journal c WHERE c.status <> 'cancelled' AND ${inJournal}`,
    );
    durations.push(
      `SELECT ${groupKeySql(sql, groupBy, 'd.day', 'd.department_id')} AS g, d.minutes AS v, d.n AS c
         FROM callback_duration_daily d WHERE d.day BETWEEN :from AND :rollupTo ${department('d.department_id')}`,
      `SELECT ${journalKey} AS g, ${completionKeySql(sql)} AS v, c.sign AS c
         FROM callback_rollup_journal c WHERE c.status = 'completed' AND c.completed_at IS NOT NULL AND ${inJournal}`,
    );
  }
  if (liveFrom <= scope.to) {
    const key = groupKeySql(sql, groupBy, sql.localDay('c.due_at'), 'COALESCE(c.department_id, 0)');
    const live = `c.due_at >= :liveStart AND c.due_at < :end AND c.due_at <= :now ${department('c.department_id')}`;
    counts.push(`SELECT ${key} AS g, ${figures('1')} FROM callback c WHERE ${live} AND c.status <> 'cancelled'`);
    durations.push(
      `SELECT ${key} AS g, ${completionKeySql(sql)} AS v, 1 AS c FROM callback c WHERE ${live} AND c.status = 'completed' AND c.completed_at IS NOT NULL`,
    );
  }
  return { counts, durations, params };
}

export interface FollowUpOptions {
  /** The headline needs only the completion rate: leave out the median time to complete. */
  withDurations?: boolean;
  /** False while the rollup is not built yet (rollups.service.ts): read the callbacks only. */
  rollupBuilt?: boolean;
  now?: Date;
}

export async function followUpByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  timeZone: string,
  { withDurations = true, rollupBuilt = true, now = new Date() }: FollowUpOptions = {},
): Promise<Map<string, FollowUpPoint>> {
  const rows = followUpRows(sql, scope, groupBy, timeZone, now, rollupBuilt);
  if (rows.counts.length === 0) return new Map();
  const counts = await sql.query<Record<string, unknown>>(
    `SELECT g, SUM(n) AS n, SUM(completed) AS completed, SUM(reached) AS reached, SUM(failed) AS failed,
            SUM(recovery_opened) AS recovery_opened, SUM(recovery_closed) AS recovery_closed
       FROM (${rows.counts.join(' UNION ALL ')}) u
      GROUP BY g HAVING SUM(n) > 0`,
    rows.params,
  );
  const durations = withDurations
    ? await sql.query<Record<string, unknown>>(
        nearestRankSql(`SELECT g, v, SUM(c) AS c FROM (${rows.durations.join(' UNION ALL ')}) u GROUP BY g, v HAVING SUM(c) > 0`),
        rows.params,
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
