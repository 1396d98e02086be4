import type { EntityManager } from 'typeorm';
import { WAIT_TENTHS_SQL } from '../encounters/wait-rollup';
import { IMPORT_TRANSITION_REASON } from './import-batch-write';

/*
 * After an import's last batch, what the desk keeps current row by row is brought up to date in
 * bulk: set-based statements over the touched patients (in chunks), and the wait rollup of the
 * touched months. Follow-up rules do not fire: this is history, not a visit happening now.
 */

/** Patients per statement: each statement is one short transaction, so the desk's writes interleave. */
export const DERIVED_CHUNK = 2000;

function idList(ids: readonly number[]): string {
  // Ids come from the database, never from input; checked anyway, as they are written into the SQL.
  if (!ids.every((id) => Number.isSafeInteger(id))) throw new Error('patient ids must be integers');
  return ids.join(', ');
}

/** Last visit, last department and the expected return in force, from the encounters. */
export function patientVisitStatements(ids: readonly number[]): string[] {
  const list = idList(ids);
  return [
    `UPDATE patient SET
       last_visit_on = (SELECT MAX(e.checked_in_on) FROM encounter e WHERE e.patient_id = patient.id),
       last_department_id = COALESCE(
         (SELECT e.department_id FROM encounter e WHERE e.patient_id = patient.id ORDER BY e.checked_in_at DESC, e.id DESC LIMIT 1),
         patient.last_department_id),
       next_visit_due = (SELECT e.next_visit_due FROM encounter e
          WHERE e.patient_id = patient.id AND e.finished_at IS NOT NULL AND e.next_visit_due IS NOT NULL
          ORDER BY e.finished_at DESC, e.id DESC LIMIT 1)
     WHERE id IN (${list})`,
  ];
}

/**
 * The fate of every return expectation of these patients (encounters/return-expectations.ts). One
 * statement for both columns: each expectation row is found and rewritten once, not twice (neither
 * subquery reads a column the statement writes, so the order rows are updated in does not matter).
 */
export function returnExpectationStatements(ids: readonly number[]): string[] {
  const list = idList(ids);
  return [
    `UPDATE encounter SET
       returned_on = (
         SELECT MIN(x.checked_in_on) FROM encounter x
          WHERE x.patient_id = encounter.patient_id AND x.id <> encounter.id AND x.checked_in_on >= encounter.next_visit_due),
       superseded = (EXISTS (
         SELECT 1 FROM encounter s
          WHERE s.patient_id = encounter.patient_id AND s.id <> encounter.id AND s.next_visit_due IS NOT NULL
            AND s.checked_in_at > encounter.checked_in_at AND s.checked_in_on < encounter.next_visit_due))
     WHERE next_visit_due IS NOT NULL AND patient_id IN (${list})`,
  ];
}

/**
 * An imported patient's stage follows from their encounters: registered in first_visit at the first
 * visit (written with the patient), a second visit moves them to follow_up at that visit. Only for
 * patients whose whole stage history was written by imports: a desk-made transition is never overridden.
 */
export function stageStatements(ids: readonly number[]): string[] {
  const list = idList(ids);
  const reason = `'${IMPORT_TRANSITION_REASON}'`;
  const importMadeOnly = (p: string) =>
    `NOT EXISTS (SELECT 1 FROM stage_transition t WHERE t.patient_id = ${p}.id AND (t.by_id IS NOT NULL OR t.reason IS NULL OR t.reason <> ${reason}))`;
  const secondVisit = (p: string) => `(SELECT e.id FROM encounter e WHERE e.patient_id = ${p}.id ORDER BY e.checked_in_at, e.id LIMIT 1 OFFSET 1)`;
  return [
    `INSERT INTO stage_transition (patient_id, from_stage, to_stage, at, by_id, reason, encounter_id)
     SELECT p.id, 'first_visit', 'follow_up', e.checked_in_at, NULL, ${reason}, e.id
       FROM patient p JOIN encounter e ON e.id = ${secondVisit('p')}
      WHERE p.id IN (${list}) AND p.stage = 'first_visit' AND ${importMadeOnly('p')}`,
    `UPDATE patient SET stage = 'follow_up',
       stage_since = (SELECT MAX(t.at) FROM stage_transition t WHERE t.patient_id = patient.id AND t.to_stage = 'follow_up')
     WHERE id IN (${list}) AND stage = 'first_visit'
       AND EXISTS (SELECT 1 FROM stage_transition t WHERE t.patient_id = patient.id AND t.to_stage = 'follow_up' AND t.reason = ${reason})
       AND ${importMadeOnly('patient')}`,
  ];
}

/** Rebuilds one month of the wait rollup (encounters/wait-rollup.ts) from its encounters. */
export async function rebuildWaitMonth(manager: EntityManager, month: string): Promise<void> {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error('month must be YYYY-MM');
  await manager.query(`DELETE FROM wait_monthly WHERE month = '${month}'`);
  await manager.query(
    `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, above_tenth_n)
     SELECT '${month}', department_id, ${WAIT_TENTHS_SQL('wait_seconds')}, COUNT(*), SUM(wait_seconds),
            SUM(CASE WHEN wait_seconds > 6 * ${WAIT_TENTHS_SQL('wait_seconds')} THEN 1 ELSE 0 END)
       FROM encounter
      WHERE checked_in_on >= '${month}-01' AND checked_in_on <= '${month}-31' AND wait_seconds IS NOT NULL
      GROUP BY department_id, ${WAIT_TENTHS_SQL('wait_seconds')}`,
  );
}

/** Everything derived for one chunk of patients, in the caller's transaction. */
export async function refreshPatients(manager: EntityManager, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  for (const sql of [...patientVisitStatements(ids), ...returnExpectationStatements(ids), ...stageStatements(ids)]) await manager.query(sql);
}
