import type { EntityManager } from 'typeorm';
import { insertRows } from '../core/database/bulk-insert';
import { runRawSql } from '../core/database/raw-sql';
import { EncounterEntity } from '../encounters/encounter.entity';
import { waitSecondsBetween } from '../encounters/wait-seconds';
import { PatientEntity } from '../patients/patient.entity';
import type { BatchPlan, PlannedEncounter } from './import-batch';
import { allocateIds } from './stored-rows';

/** The reason on the stage transitions an import writes; marks a history made by imports (derived-state.ts). */
export const IMPORT_TRANSITION_REASON = 'HIS import';

/** Row errors stored per job; all are counted in the summary. */
export const MAX_STORED_ROW_ERRORS = 100_000;

export interface WrittenBatch {
  /** Placeholder id → real id, for the tally. */
  realId(kind: 'patient' | 'encounter', id: number): number;
  /** Every patient whose derived state this batch may have changed. */
  touchedPatients: number[];
}

/** Stores a planned batch inside the caller's transaction: multi-row inserts, an UPDATE only per changed row. */
export async function writeBatch(
  manager: EntityManager,
  plan: BatchPlan,
  job: { id: number; storedErrors: number },
  now: Date,
): Promise<WrittenBatch> {
  const patientIds = await realIds(manager, 'patient', [...plan.newPatients.keys()]);
  const encounterIds = await realIds(manager, 'encounter', [...plan.newEncounters.keys()].filter((id) => id < 0));
  const patientId = (id: number) => (id < 0 ? (patientIds.get(id) as number) : id);
  const encounterId = (id: number) => (id < 0 ? (encounterIds.get(id) as number) : id);

  const patients = [...plan.newPatients.values()].map((p) => ({ ...p, id: patientId(p.id), stageSince: p.firstVisitAt ?? now }));
  await insertRows(
    manager,
    'patient',
    ['id', 'name', 'phone', 'gender', 'birth_date', 'stage', 'stage_since', 'latest_survey_detractor', 'created_at', 'updated_at'],
    patients.map((p) => [p.id, p.name, p.phone, p.gender, p.birthDate, 'first_visit', p.stageSince, false, now, now]),
  );
  // A new patient starts in first_visit (DOMAIN.md): registered, for history, at their first visit.
  await insertRows(
    manager,
    'stage_transition',
    ['patient_id', 'from_stage', 'to_stage', 'at', 'by_id', 'reason', 'encounter_id'],
    patients.map((p) => [p.id, null, 'first_visit', p.stageSince, null, IMPORT_TRANSITION_REASON, null]),
  );
  for (const [id, changes] of plan.patientUpdates) {
    await manager.update(PatientEntity, { id }, { ...changes, updatedAt: now });
  }

  const encounterRow = (e: PlannedEncounter) => ({
    id: encounterId(e.id),
    patientId: patientId(e.patientId),
    departmentId: e.departmentId,
    clinician: e.clinician,
    checkedInAt: e.checkedInAt,
    checkedInOn: e.checkedInOn,
    calledAt: e.calledAt,
    waitSeconds: e.calledAt ? waitSecondsBetween(e.checkedInAt, e.calledAt) : null,
    finishedAt: e.finishedAt,
    nextVisitDue: e.nextVisitDue,
    chargeCents: e.chargeCents,
    importJobId: job.id,
  });
  await insertRows(
    manager,
    'encounter',
    ['id', 'patient_id', 'department_id', 'clinician', 'checked_in_at', 'checked_in_on', 'called_at', 'wait_seconds', 'finished_at', 'next_visit_due', 'charge_cents', 'import_job_id', 'returned_on', 'superseded', 'created_by'],
    [...plan.newEncounters.values()].map((e) => {
      const r = encounterRow(e);
      return [r.id, r.patientId, r.departmentId, r.clinician, r.checkedInAt, r.checkedInOn, r.calledAt, r.waitSeconds, r.finishedAt, r.nextVisitDue, r.chargeCents, r.importJobId, null, false, null];
    }),
  );
  for (const e of plan.encounterUpdates.values()) {
    const { id, ...row } = encounterRow(e);
    await manager.update(EncounterEntity, { id }, row);
  }

  await insertRows(
    manager,
    'source_identifier',
    ['kind', 'source_key', 'entity_id'],
    plan.newKeys.map((k) => [k.kind, k.key, k.kind === 'patient' ? patientId(k.entityId) : encounterId(k.entityId)]),
  );

  const errors = plan.failures.flatMap((f) => f.errors);
  const room = Math.max(0, MAX_STORED_ROW_ERRORS - job.storedErrors);
  await insertRows(
    manager,
    'import_row_error',
    ['job_id', 'row', 'field', 'problem', 'value'],
    errors.slice(0, room).map((e) => [job.id, e.row, e.field, e.problem, e.value]),
  );
  job.storedErrors += Math.min(room, errors.length);

  const touched = new Set<number>(plan.formerPatients);
  for (const p of patients) touched.add(p.id);
  for (const id of plan.patientUpdates.keys()) touched.add(id);
  for (const e of [...plan.newEncounters.values(), ...plan.encounterUpdates.values()]) touched.add(patientId(e.patientId));
  return {
    realId: (kind, id) => (kind === 'patient' ? patientId(id) : encounterId(id)),
    touchedPatients: [...touched],
  };
}

async function realIds(manager: EntityManager, table: 'patient' | 'encounter', placeholders: number[]): Promise<Map<number, number>> {
  const ids = await allocateIds(manager, table, placeholders.length);
  return new Map(placeholders.map((placeholder, i) => [placeholder, ids[i]]));
}

/** Progress and the running summary, in the batch's transaction (polling sees both together). */
export async function recordProgress(
  manager: EntityManager,
  jobId: number,
  progress: { bytesDone: number; rowsDone: number; summary: string },
): Promise<void> {
  await runRawSql(manager, 'UPDATE import_job SET bytes_done = $1, rows_done = $2, summary = $3 WHERE id = $4', [
    progress.bytesDone,
    progress.rowsDone,
    progress.summary,
    jobId,
  ]);
}
