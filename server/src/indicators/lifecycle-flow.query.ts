import type { FlowTarget, LifecycleFlowLink, LifecycleStage } from '@huifang/shared';
import type { CalendarDay } from '@huifang/shared';
import { cohortConditions, cohortWindow } from './churn.query';
import { instantBounds, num, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

/**
 * The relationship axis at a glance: stage transitions made in the period (registration, which has
 * no `from`, is left out), and the patients of the period's churn cohort who lapsed, from the stage
 * they are in. A transition belongs to the department of the patient's latest visit.
 */
export async function lifecycleFlow(
  sql: IndicatorSql,
  scope: IndicatorScope,
  timeZone: string,
  graceDays: number,
  today: CalendarDay,
): Promise<LifecycleFlowLink[]> {
  const transitions = await sql.query<Record<string, unknown>>(
    `SELECT t.from_stage AS source, t.to_stage AS target, COUNT(*) AS n
       FROM stage_transition t ${scope.departmentId === null ? '' : 'JOIN patient p ON p.id = t.patient_id'}
      WHERE t.at >= :start AND t.at < :end AND t.from_stage IS NOT NULL
        ${scope.departmentId === null ? '' : 'AND p.last_department_id = :departmentId'}
      GROUP BY t.from_stage, t.to_stage`,
    { ...scope, ...instantBounds(scope, timeZone) },
  );
  const window = cohortWindow(scope, graceDays, today);
  const lapsed = window
    ? await sql.query<Record<string, unknown>>(
        `SELECT p.stage AS source, 'lapsed' AS target, COUNT(DISTINCT e.patient_id) AS n
           FROM encounter e JOIN patient p ON p.id = e.patient_id
          WHERE ${cohortConditions(scope)} AND e.returned_on IS NULL
          GROUP BY p.stage`,
        { ...scope, ...window },
      )
    : [];
  return [...transitions, ...lapsed]
    .map((row) => ({ from: row['source'] as LifecycleStage, to: row['target'] as FlowTarget, n: num(row['n']) }))
    .filter((link) => link.n > 0);
}
