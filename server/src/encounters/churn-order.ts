import type { EntityManager } from 'typeorm';

/*
 * The churn cohort counts distinct patients (DOMAIN.md, Indicators). COUNT(DISTINCT patient_id)
 * over a year of return expectations (~210k rows at 1M encounters) cost 450 ms of SQLite CPU and
 * 1.6 s on PostgreSQL. Instead each expectation row (`next_visit_due` set, not `superseded`) keeps
 * the due day of the same patient's previous expectation in the order (due, id): then a patient
 * counts once in a range of due days [A, B] through exactly one row, the first one in the range,
 * which is the row in the range whose previous due day is null or before A. No DISTINCT, no sort.
 *
 * Four such columns: among all the patient's expectations (`prev_due`), within the row's department
 * (`prev_dept_due`: department filter or grouping), and the same two among the lapsed ones
 * (`returned_on` null: `prev_lapsed_due`, `prev_lapsed_dept_due`, null on the other rows). Rows that
 * are no expectation hold nulls. Triggers (migration 1765970000000) recompute a patient's rows on
 * every write that changes what they depend on; this is the same computation for the rebuild.
 */

/** The columns, in the order `churnOrderSelect` computes them. */
export const CHURN_ORDER_COLUMNS = ['prev_due', 'prev_dept_due', 'prev_lapsed_due', 'prev_lapsed_dept_due'] as const;

/** The encounter columns the four depend on: a write changing none of them leaves them alone. */
export const CHURN_ORDER_INPUTS = ['next_visit_due', 'superseded', 'returned_on', 'department_id', 'patient_id'] as const;

const EXPECTATION = 'next_visit_due IS NOT NULL AND superseded = FALSE';
const LAPSED = 'returned_on IS NULL';

/**
 * `SELECT id, c1..c4` over the expectations [of the given patients]: the four columns as they must
 * be. Windows over the expectations only, not over all rows partitioned by being one: each window is
 * a sort, and a trigger's recompute of one patient cost 170 µs that way instead of 70.
 */
function churnOrderSelect(patients: string | null): string {
  const previous = (partition: string) => `LAG(next_visit_due) OVER (PARTITION BY patient_id${partition} ORDER BY next_visit_due, id)`;
  const lapsed = `(${LAPSED})`;
  return `SELECT id, ${previous('')} AS c1, ${previous(', department_id')} AS c2,
            CASE WHEN ${lapsed} THEN ${previous(`, ${lapsed}`)} END AS c3,
            CASE WHEN ${lapsed} THEN ${previous(`, ${lapsed}, department_id`)} END AS c4
       FROM encounter WHERE ${EXPECTATION}${patients === null ? '' : ` AND patient_id IN (${patients})`}`;
}

/**
 * The statements setting the four columns of the given patients' encounters (`patients`: SQL
 * expressions, e.g. the trigger's `OLD.patient_id, NEW.patient_id`), or of every encounter (null),
 * writing only rows whose values differ: the expectations' computed values, nulls on the other rows.
 * Same text on SQLite (3.33+, UPDATE … FROM) and PostgreSQL but for the null-safe comparison.
 */
export function recomputeChurnOrderSql(postgres: boolean, patients: string | null): string[] {
  const differs = postgres ? 'IS DISTINCT FROM' : 'IS NOT';
  const set = CHURN_ORDER_COLUMNS.map((column, i) => `${column} = x.c${i + 1}`).join(', ');
  const changed = CHURN_ORDER_COLUMNS.map((column, i) => `encounter.${column} ${differs} x.c${i + 1}`).join(' OR ');
  const only = patients === null ? '' : `patient_id IN (${patients}) AND `;
  return [
    `UPDATE encounter SET ${set} FROM (${churnOrderSelect(patients)}) AS x WHERE encounter.id = x.id AND (${changed})`,
    `UPDATE encounter SET ${CHURN_ORDER_COLUMNS.map((c) => `${c} = NULL`).join(', ')}
      WHERE ${only}NOT (${EXPECTATION})
        AND (${CHURN_ORDER_COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')})`,
  ];
}

/** The statement of `rebuildRollupsSql` recomputing the columns of every encounter. */
export function rebuildChurnOrderSql(kind: 'sqlite' | 'postgres'): string[] {
  return recomputeChurnOrderSql(kind === 'postgres', null);
}

/**
 * Runs a bulk load of encounters (the demo data) with PostgreSQL's per-row trigger off, then sets
 * the four columns once for every encounter. Row by row, each insert re-sorts its patient's rows
 * through a plan made before the table had statistics: 2,000 patients' demo cost 30 s that way
 * instead of under 1 s. Inside the caller's transaction: ALTER TABLE locks the table until commit,
 * so no other writer sees the trigger off. SQLite's triggers are cheap here and stay on.
 */
export async function withChurnOrderDeferred<T>(manager: EntityManager, load: () => Promise<T>): Promise<T> {
  if (manager.connection.options.type !== 'postgres') return load();
  await manager.query('ALTER TABLE encounter DISABLE TRIGGER encounter_churn_order');
  const result = await load();
  for (const sql of rebuildChurnOrderSql('postgres')) await manager.query(sql);
  await manager.query('ALTER TABLE encounter ENABLE TRIGGER encounter_churn_order');
  return result;
}
