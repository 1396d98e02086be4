import type { EntityManager } from 'typeorm';
import { WAIT_THRESHOLD_MINUTES } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';

/*
 * Wait-time percentiles over a year are the slowest figure: hundreds of thousands of waits to sort.
 * Minutes are reported with one decimal (DOMAIN.md), and rounding keeps order, so the nearest-rank
 * percentile of the waits rounded to tenths of a minute is exactly the rounded percentile. A month
 * of one department has only a few hundred distinct tenths, so `wait_monthly` keeps, per month,
 * department and tenth: how many waits, their exact seconds (for the mean) and how many exceeded
 * the threshold (a tenth can straddle it). Whole months of a period read it; the days at the edges
 * read the encounters.
 */

const THRESHOLD_SECONDS = WAIT_THRESHOLD_MINUTES * 60;

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
    `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, over_n) VALUES ($1, $2, $3, 1, $4, $5)
     ON CONFLICT (month, department_id, tenths)
     DO UPDATE SET n = wait_monthly.n + 1, seconds = wait_monthly.seconds + excluded.seconds, over_n = wait_monthly.over_n + excluded.over_n`,
    [encounter.checkedInOn.slice(0, 7), encounter.departmentId, waitTenths(waitSeconds), waitSeconds, waitSeconds > THRESHOLD_SECONDS ? 1 : 0],
  );
}

/** Rebuilds the monthly counts from the encounters (migration, demo data, bulk loads). */
export const REBUILD_WAIT_MONTHLY = [
  'DELETE FROM wait_monthly',
    `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, over_n)
     SELECT substr(checked_in_on, 1, 7), department_id, ${WAIT_TENTHS_SQL('wait_seconds')}, COUNT(*), SUM(wait_seconds),
            SUM(CASE WHEN wait_seconds > ${THRESHOLD_SECONDS} THEN 1 ELSE 0 END)
       FROM encounter WHERE wait_seconds IS NOT NULL
      GROUP BY substr(checked_in_on, 1, 7), department_id, ${WAIT_TENTHS_SQL('wait_seconds')}`,
];

export async function rebuildWaitMonthly(manager: EntityManager): Promise<void> {
  for (const sql of REBUILD_WAIT_MONTHLY) await manager.query(sql);
}
