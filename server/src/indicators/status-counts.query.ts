import { RELATIONSHIP_STATUSES, type RelationshipStatus } from '@huifang/shared';
import { statusExpression, type StatusClock } from '../patients/relationship-status';
import { STATUS_COUNT_ROWS } from '../patients/status-rollup';
import { num } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

/**
 * Today's count of patients per relationship status, optionally of one department (the latest
 * visit's): the status rule over the rollup's keys weighted by their patients (status-rollup.ts), a
 * few thousand rows however many patients there are.
 */
export async function statusCounts(sql: IndicatorSql, departmentId: number | null, clock: StatusClock): Promise<Record<RelationshipStatus, number>> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT ${statusExpression('p')} AS status, SUM(p.n) AS n
       FROM ${STATUS_COUNT_ROWS} p ${departmentId === null ? '' : 'WHERE p.last_department_id = :departmentId'}
      GROUP BY 1`,
    { ...clock, departmentId },
  );
  const counts = Object.fromEntries(RELATIONSHIP_STATUSES.map((status) => [status, 0])) as Record<RelationshipStatus, number>;
  for (const row of rows) counts[row['status'] as RelationshipStatus] = num(row['n']);
  return counts;
}

/** Open callbacks whose due time has passed. */
export async function overdueCallbacks(sql: IndicatorSql, departmentId: number | null, now: Date): Promise<number> {
  const [row] = await sql.query<Record<string, unknown>>(
    `SELECT COUNT(*) AS n FROM callback c
      WHERE c.status IN ('pending', 'claimed') AND c.due_at < :now ${departmentId === null ? '' : 'AND c.department_id = :departmentId'}`,
    { now, departmentId },
  );
  return num(row?.['n']);
}
