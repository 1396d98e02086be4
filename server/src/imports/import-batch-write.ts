import type { EntityManager } from 'typeorm';
import { insertChunked, insertChunkedWithIds } from '../core/database/bulk-insert';
import { runRawSql } from '../core/database/raw-sql';
import { EncounterEntity } from '../encounters/encounter.entity';
import { waitSecondsBetween } from '../encounters/wait-seconds';
import { PatientEntity } from '../patients/patient.entity';
import { StageTransitionEntity } from '../patients/stage-transition.entity';
import type { BatchPlan, PlannedEncounter } from './import-batch';
import { ImportRowErrorEntity } from './import-row-error.entity';
import { SourceIdentifierEntity } from './source-identifier.entity';
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

  const patients = [...plan.newPatients.values()].map((p) => ({
    id: patientId(p.id),
    name: p.name,
    phone: p.phone,
    gender: p.gender,
    birthDate: p.birthDate,
    note: null,
    stage: 'first_visit' as const,
    stageSince: p.firstVisitAt ?? now,
    lastVisitOn: null,
    nextVisitDue: null,
    lastDepartmentId: null,
    latestSurveyDetractor: false,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  }));
  await insertChunkedWithIds(manager, PatientEntity, patients);
  // A new patient starts in first_visit (DOMAIN.md): registered, for history, at their first visit.
  await insertChunked(
    manager,
    StageTransitionEntity,
    patients.map((p) => ({ patientId: p.id, fromStage: null, toStage: 'first_visit', at: p.stageSince, byId: null, reason: IMPORT_TRANSITION_REASON, encounterId: null })),
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
  await insertChunkedWithIds(
    manager,
    EncounterEntity,
    [...plan.newEncounters.values()].map((e) => ({ ...encounterRow(e), returnedOn: null, superseded: false, createdBy: null })),
  );
  for (const e of plan.encounterUpdates.values()) {
    const { id, ...row } = encounterRow(e);
    await manager.update(EncounterEntity, { id }, row);
  }

  await insertChunked(
    manager,
    SourceIdentifierEntity,
    plan.newKeys.map((k) => ({ kind: k.kind, sourceKey: k.key, entityId: k.kind === 'patient' ? patientId(k.entityId) : encounterId(k.entityId) })),
  );

  const errors = plan.failures.flatMap((f) => f.errors);
  const room = Math.max(0, MAX_STORED_ROW_ERRORS - job.storedErrors);
  await insertChunked(
    manager,
    ImportRowErrorEntity,
    errors.slice(0, room).map((e) => ({ jobId: job.id, row: e.row, field: e.field, problem: e.problem, value: e.value })),
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
