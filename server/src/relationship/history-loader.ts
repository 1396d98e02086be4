import type { EntityManager } from 'typeorm';
import { calendarDayOf, type RelationshipPhase, type ValueTier } from '@huifang/shared';
import { runRawSql, storedInstant } from '../core/database/raw-sql';
import { isCallable } from '../callbacks/callable-patient';
import { integerList } from '../encounters/return-expectations';
import { dayNumber } from './day-number';
import type { PatientHistory } from './patient-history';

/** What the patient row holds now, to tell what a new working-out changes. */
export interface StoredRelationship {
  phase: RelationshipPhase;
  phaseSince: string | null;
  valueScore: number;
  valueTier: ValueTier;
  clv: number;
}

export interface LoadedPatient {
  history: PatientHistory;
  stored: StoredRelationship;
  /** Has a number to call and did not decline calls (callbacks/callable-patient.ts). */
  callable: boolean;
}

/** Which patients: a list of ids, or a range of ids (the pass walks the table in ranges). */
export type PatientScope = { ids: readonly number[] } | { fromId: number; toId: number };

function scopeSql(scope: PatientScope, column: string): { sql: string; params: unknown[] } {
  if ('ids' in scope) return { sql: `${column} IN (${integerList(scope.ids)})`, params: [] };
  return { sql: `${column} BETWEEN $1 AND $2`, params: [scope.fromId, scope.toId] };
}

/**
 * Every history in `scope` in four queries (patients, encounters, survey answers, first outcome
 * stage), each served by an index on patient_id. Days of instants are taken in `timeZone`.
 */
export async function loadHistories(
  manager: EntityManager,
  scope: PatientScope,
  timeZone: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<Map<number, LoadedPatient>> {
  const where = (column: string) => scopeSql(scope, column);
  // PostgreSQL: a working-out that will write locks the rows, so the pass and the worker of another
  // instance do not write over each other with what they read before the other's commit.
  const forUpdate = lock && manager.connection.options.type === 'postgres' ? ' ORDER BY id FOR UPDATE' : '';
  const patients = (await runRawSql(
    manager,
    `SELECT id, created_at, last_department_id, phone, consent_calls, phase, phase_since, value_score, value_tier, clv FROM patient WHERE ${where('id').sql}${forUpdate}`,
    where('id').params,
  )) as PatientRow[];
  const loaded = new Map<number, LoadedPatient>();
  for (const p of patients) {
    const id = Number(p.id);
    loaded.set(id, {
      history: {
        patientId: id,
        since: dayNumber(calendarDayOf(storedInstant(p.created_at), timeZone)),
        departmentId: p.last_department_id === null ? null : Number(p.last_department_id),
        encounters: [],
        responses: [],
        outcomeDay: null,
      },
      stored: { phase: p.phase, phaseSince: p.phase_since, valueScore: Number(p.value_score), valueTier: p.value_tier, clv: Number(p.clv) },
      callable: isCallable({ phone: p.phone, consentCalls: p.consent_calls === null ? null : Boolean(p.consent_calls) }),
    });
  }
  if (loaded.size === 0) return loaded;

  const encounters = (await runRawSql(
    manager,
    `SELECT patient_id, checked_in_on, checked_in_at, finished_at, next_visit_due, charge_cents, department_id
       FROM encounter WHERE ${where('patient_id').sql} ORDER BY patient_id, checked_in_at, id`,
    where('patient_id').params,
  )) as EncounterRow[];
  for (const e of encounters) {
    const history = loaded.get(Number(e.patient_id))?.history;
    if (!history) continue;
    const day = dayNumber(e.checked_in_on);
    history.encounters.push({
      day,
      at: storedInstant(e.checked_in_at).getTime(),
      finished: e.finished_at !== null,
      due: e.next_visit_due === null ? null : dayNumber(e.next_visit_due),
      chargeFen: e.charge_cents === null ? null : Number(e.charge_cents),
      departmentId: Number(e.department_id),
    });
    if (day < history.since) history.since = day;
  }

  const responses = (await runRawSql(
    manager,
    `SELECT patient_id, submitted_on, submitted_at, nps FROM survey_response WHERE ${where('patient_id').sql} ORDER BY patient_id, submitted_at, id`,
    where('patient_id').params,
  )) as ResponseRow[];
  for (const r of responses) {
    loaded.get(Number(r.patient_id))?.history.responses.push({
      day: dayNumber(r.submitted_on),
      at: storedInstant(r.submitted_at).getTime(),
      nps: r.nps === null ? null : Number(r.nps),
    });
  }

  const outcomes = (await runRawSql(
    manager,
    `SELECT patient_id, MIN(at) AS at FROM stage_transition
      WHERE ${where('patient_id').sql} AND to_stage IN ('rehabilitation', 'follow_up') GROUP BY patient_id`,
    where('patient_id').params,
  )) as { patient_id: number; at: Date | string }[];
  for (const o of outcomes) {
    const history = loaded.get(Number(o.patient_id))?.history;
    if (history) history.outcomeDay = dayNumber(calendarDayOf(storedInstant(o.at), timeZone));
  }
  return loaded;
}

/** The lowest and highest patient id, to walk the table in ranges. */
export async function patientIdRange(manager: EntityManager): Promise<{ min: number; max: number } | null> {
  const [row] = (await manager.query('SELECT MIN(id) AS min, MAX(id) AS max FROM patient')) as { min: number | null; max: number | null }[];
  return row?.min === null || row?.min === undefined ? null : { min: Number(row.min), max: Number(row.max) };
}

interface PatientRow {
  id: number;
  phone: string;
  consent_calls: boolean | number | null;
  created_at: Date | string;
  last_department_id: number | null;
  phase: RelationshipPhase;
  phase_since: string | null;
  value_score: number;
  value_tier: ValueTier;
  clv: number;
}

interface EncounterRow {
  patient_id: number;
  checked_in_on: string;
  checked_in_at: Date | string;
  finished_at: Date | string | null;
  next_visit_due: string | null;
  charge_cents: number | null;
  department_id: number;
}

interface ResponseRow {
  patient_id: number;
  submitted_on: string;
  submitted_at: Date | string;
  nps: number | null;
}
