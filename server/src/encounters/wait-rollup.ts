import type { EntityManager } from 'typeorm';
import { runRawSql } from '../core/database/raw-sql';

/*
 * Wait-time percentiles over a year are the slowest figure: hundreds of thousands of waits to sort.
 * Minutes are reported with one decimal (DOMAIN.md), and rounding keeps order, so the nearest-rank
 * percentile of the waits rounded to tenths of a minute is exactly the rounded percentile. A month
 * of one department has only a few hundred distinct tenths, so `wait_monthly` keeps, per month,
 * department and tenth: how many waits, their exact seconds (for the mean) and how many are longer
 * than the tenth itself (`above_tenth_n`). The threshold is a hospital setting in whole minutes, so
 * a tenth above T × 10 lies wholly over it, one below wholly under, and in the tenth at T × 10 the
 * waits over T are exactly `above_tenth_n` (see `waitsOverSql`). Whole months of a period read it;
 * the days at the edges read the encounters.
 */

/** The tenths of a minute a wait rounds to, as the reports round it (half up). */
export function waitTenths(waitSeconds: number): number {
  return Math.round(waitSeconds / 6);
}

/** The same rounding in SQL (exact numeric division on PostgreSQL, so no banker's rounding). */
export const WAIT_TENTHS_SQL = (column: string) => `CAST(ROUND(${column} / 6.0) AS integer)`;

/** Adds one called-in encounter's wait to its month (inside the call's transaction). */
export async function countWait(
  manager: EntityManager,
  encounter: { checkedInOn: string; departmentId: number },
  waitSeconds: number,
): Promise<void> {
  await runRawSql(
    manager,
    `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, above_tenth_n) VALUES ($1, $2, $3, 1, $4, $5)
     ON CONFLICT (month, department_id, tenths)
     DO UPDATE SET n = wait_monthly.n + 1, seconds = wait_monthly.seconds + excluded.seconds,
                   above_tenth_n = wait_monthly.above_tenth_n + excluded.above_tenth_n`,
    [encounter.checkedInOn.slice(0, 7), encounter.departmentId, waitTenths(waitSeconds), waitSeconds, waitSeconds > waitTenths(waitSeconds) * 6 ? 1 : 0],
  );
}

/**
 * The statements that rebuild the monthly counts from the encounters: all months, or only `months`
 * (`YYYY-MM`; the import rebuilds the months it changed). Plain SQL, the same on both databases.
 */
export function rebuildWaitMonthlySql(months?: readonly string[]): string[] {
  if (months && (months.length === 0 || !months.every((m) => /^\d{4}-\d{2}$/.test(m)))) throw new Error('months must be a non-empty list of YYYY-MM');
  const list = months?.map((m) => `'${m}'`).join(', ');
  // Day ranges, not substr(), so the index on checked_in_on serves the filter.
  const days = months?.map((m) => `(checked_in_on >= '${m}-01' AND checked_in_on <= '${m}-31')`).join(' OR ');
  const month = 'substr(checked_in_on, 1, 7)';
  return [
    `DELETE FROM wait_monthly${list ? ` WHERE month IN (${list})` : ''}`,
    `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, above_tenth_n)
     SELECT ${month}, department_id, ${WAIT_TENTHS_SQL('wait_seconds')}, COUNT(*), SUM(wait_seconds),
            SUM(CASE WHEN wait_seconds > 6 * ${WAIT_TENTHS_SQL('wait_seconds')} THEN 1 ELSE 0 END)
       FROM encounter WHERE wait_seconds IS NOT NULL${days ? ` AND (${days})` : ''}
      GROUP BY ${month}, department_id, ${WAIT_TENTHS_SQL('wait_seconds')}`,
  ];
}

/** For loaders outside the app (the benchmark). */
export const REBUILD_WAIT_MONTHLY = rebuildWaitMonthlySql();

export async function rebuildWaitMonthly(manager: EntityManager): Promise<void> {
  for (const sql of REBUILD_WAIT_MONTHLY) await manager.query(sql);
}

/**
 * The waits of a `wait_monthly` row (alias `w`) longer than `:thresholdSeconds`, a whole number of
 * minutes: all of a tenth above it, none below, `above_tenth_n` of the tenth at it.
 */
export const WAITS_OVER_SQL = `CASE WHEN w.tenths * 6 > :thresholdSeconds THEN w.n WHEN w.tenths * 6 = :thresholdSeconds THEN w.above_tenth_n ELSE 0 END`;
