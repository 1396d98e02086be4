import type { EntityManager } from 'typeorm';
import { integerList, returnExpectationSql } from '../encounters/return-expectations';
import { rebuildWaitHistograms } from '../encounters/wait-histogram';
import { IMPORT_TRANSITION_REASON } from './import-batch-write';

/*
 * In each import batch's transaction, what the desk keeps current row by row is brought up to date in
 * bulk: set-based statements over the batch's touched patients (in chunks), and the wait rollup of its
 * months. So a job that fails later leaves no committed row with stale derived state. Follow-up rules
 * apply only as far as history calls for them (RuleFiring.onImportedHistory): a return cancels the
 * win-back calls, the expected return still ahead gets its reminder, past visits fire nothing.
 */

/** Patients per statement: keeps the IN lists and each statement's work bounded. */
export const DERIVED_CHUNK = 2000;

/** Last visit, last department and the expected return in force, from the encounters. */
export function patientVisitStatements(ids: readonly number[]): string[] {
  const list = integerList(ids);
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
 * An imported patient's stage follows from their encounters, whatever order the files and rows came
 * in: registered in first_visit at their first visit (at the registration itself while they have
 * none), moved to follow_up at the second. Recomputed from the encounters each time, and only for
 * patients whose whole stage history was written by imports: a desk-made transition is never overridden.
 */
export function stageStatements(ids: readonly number[]): string[] {
  const list = integerList(ids);
  const reason = `'${IMPORT_TRANSITION_REASON}'`;
  const importMadeOnly = (patientId: string) =>
    `NOT EXISTS (SELECT 1 FROM stage_transition o WHERE o.patient_id = ${patientId} AND (o.by_id IS NOT NULL OR o.reason IS NULL OR o.reason <> ${reason}))`;
  const secondVisit = (patientId: string, column: string) =>
    `(SELECT e.${column} FROM encounter e WHERE e.patient_id = ${patientId} ORDER BY e.checked_in_at, e.id LIMIT 1 OFFSET 1)`;
  const ours = `patient_id IN (${list}) AND ${importMadeOnly('stage_transition.patient_id')}`;
  return [
    `UPDATE stage_transition SET at = COALESCE((SELECT MIN(e.checked_in_at) FROM encounter e WHERE e.patient_id = stage_transition.patient_id), at)
      WHERE from_stage IS NULL AND to_stage = 'first_visit' AND ${ours}`,
    `DELETE FROM stage_transition WHERE to_stage = 'follow_up' AND ${secondVisit('stage_transition.patient_id', 'id')} IS NULL AND ${ours}`,
    `UPDATE stage_transition SET at = ${secondVisit('stage_transition.patient_id', 'checked_in_at')}, encounter_id = ${secondVisit('stage_transition.patient_id', 'id')}
      WHERE to_stage = 'follow_up' AND ${ours}`,
    `INSERT INTO stage_transition (patient_id, from_stage, to_stage, at, by_id, reason, encounter_id)
     SELECT p.id, 'first_visit', 'follow_up', e.checked_in_at, NULL, ${reason}, e.id
       FROM patient p JOIN encounter e ON e.id = ${secondVisit('p.id', 'id')}
      WHERE p.id IN (${list}) AND ${importMadeOnly('p.id')}
        AND NOT EXISTS (SELECT 1 FROM stage_transition t WHERE t.patient_id = p.id AND t.to_stage = 'follow_up')`,
    `UPDATE patient SET
       stage = CASE WHEN EXISTS (SELECT 1 FROM stage_transition t WHERE t.patient_id = patient.id AND t.to_stage = 'follow_up') THEN 'follow_up' ELSE 'first_visit' END,
       stage_since = (SELECT MAX(t.at) FROM stage_transition t WHERE t.patient_id = patient.id)
     WHERE id IN (${list}) AND ${importMadeOnly('patient.id')}`,
  ];
}

/** Rebuilds the wait histograms (encounters/wait-histogram.ts) of these months from their encounters. */
export async function rebuildWaitMonths(manager: EntityManager, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  await rebuildWaitHistograms(manager, months);
}

/** Everything derived for these patients, in the caller's transaction. */
export async function refreshPatients(manager: EntityManager, ids: readonly number[]): Promise<void> {
  const sorted = [...ids].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += DERIVED_CHUNK) {
    const chunk = sorted.slice(i, i + DERIVED_CHUNK);
    for (const sql of [...patientVisitStatements(chunk), ...returnExpectationSql(chunk), ...stageStatements(chunk)]) await manager.query(sql);
  }
}
