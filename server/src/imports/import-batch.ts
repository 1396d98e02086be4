import type { EntityManager } from 'typeorm';
import type { Gender, ImportRowError } from '@huifang/shared';
import { encounterProblem, failedKind, finishTimeOf, rowError } from './import-checks';
import { SOURCE_KEY_MAX_LENGTH, type ImportedEncounter, type ImportedPatient, type ImportItem } from './import-records';
import type { SeenVisitKeys } from './seen-visit-keys';
import { encountersById, entityIdsByKey, patientsById, patientsByPhone, type StoredEncounter, type StoredPatient } from './stored-rows';

/*
 * One batch of an import, planned: which rows are refused and why, which patients and encounters
 * are new, which change, which stay as they are. Planning only reads (so the preview runs it too);
 * `writeBatch` stores the plan. New rows get negative placeholder ids until the write assigns real ones.
 */

export interface UnmappedCode {
  system: string;
  code: string;
  display: string | null;
}

export interface BatchContext {
  manager: EntityManager;
  now: Date;
  /** The calendar day of an instant in the hospital's time zone. */
  dayOf(at: Date): string;
  /** Visit keys stored earlier in this file: a second row with one is a duplicate. */
  seenVisitKeys: SeenVisitKeys;
  /** The unmapped department's id (created on first need when running; a placeholder in a preview). */
  unmappedDepartmentId(): Promise<number>;
  /** Next placeholder id (negative). */
  placeholderId(): number;
}

export interface PlannedPatient extends Omit<StoredPatient, 'erased'> {
  /** The earliest check-in of the patient's encounters in this batch: when their registration is dated. */
  firstVisitAt: Date | null;
}

export interface PlannedEncounter {
  id: number;
  patientId: number;
  departmentId: number;
  clinician: string | null;
  checkedInAt: Date;
  checkedInOn: string;
  calledAt: Date | null;
  finishedAt: Date;
  nextVisitDue: string | null;
  chargeCents: number | null;
}

export type Outcome = 'created' | 'updated' | 'unchanged';

export interface BatchPlan {
  newPatients: Map<number, PlannedPatient>;
  patientUpdates: Map<number, Partial<Pick<StoredPatient, 'name' | 'phone' | 'gender' | 'birthDate'>>>;
  newEncounters: Map<number, PlannedEncounter>;
  encounterUpdates: Map<number, PlannedEncounter>;
  /** Patients whose encounters changed owner: the old owner's derived state changes too. */
  formerPatients: Set<number>;
  /** Months (`YYYY-MM`) whose wait rollup the batch changes: of new and changed visits, before and after. */
  months: Set<string>;
  newKeys: { kind: 'patient' | 'encounter'; key: string; entityId: number }[];
  outcomes: { kind: 'patient' | 'encounter'; id: number; outcome: Outcome }[];
  failures: { kind: 'patients' | 'encounters' | 'responses'; errors: ImportRowError[] }[];
  skippedTypes: string[];
  unmapped: UnmappedCode[];
  rowsRead: number;
}

export async function planBatch(ctx: BatchContext, items: readonly ImportItem[]): Promise<BatchPlan> {
  const plan: BatchPlan = {
    newPatients: new Map(),
    patientUpdates: new Map(),
    newEncounters: new Map(),
    encounterUpdates: new Map(),
    formerPatients: new Set(),
    months: new Set(),
    newKeys: [],
    outcomes: [],
    failures: [],
    skippedTypes: [],
    unmapped: [],
    rowsRead: items.length,
  };
  const known = await readStored(ctx.manager, items);
  const unmappedSeen = new Set<string>();

  for (const item of items) {
    if (item.skippedType) {
      plan.skippedTypes.push(item.skippedType);
      continue;
    }
    const fail = (errors: ImportRowError[]) => plan.failures.push({ kind: failedKind(item), errors });
    if (item.errors?.length) {
      fail(item.errors);
      continue;
    }
    const keyProblem = tooLongKey(item);
    if (keyProblem) {
      fail([keyProblem]);
      continue;
    }
    const visitDay = item.encounter ? ctx.dayOf(item.encounter.checkedInAt) : null;
    if (item.encounter && visitDay) {
      const problem = encounterProblem(item.row, item.encounter, visitDay, ctx.now);
      if (problem) {
        fail([problem]);
        continue;
      }
      const repeated = item.encounter.keys.find((key) => ctx.seenVisitKeys.has(key));
      if (repeated) {
        fail([rowError(item.row, 'visitNumber', 'duplicate_visit_number', repeated)]);
        continue;
      }
    }

    const patient = item.patient ? decidePatient(ctx, known, plan, item.patient) : null;
    if (patient && 'conflict' in patient) {
      fail([rowError(item.row, 'patientNumber', 'patient_conflict', item.patient?.keys[0] ?? null)]);
      continue;
    }
    let encounter: EncounterDecision | null = null;
    if (item.encounter && visitDay) {
      const patientId = patient && item.patient?.keys.includes(item.encounter.patientKey) ? patient.id : known.patientIds.get(item.encounter.patientKey);
      if (patientId === undefined) {
        fail([rowError(item.row, 'patientNumber', 'unknown_patient', item.encounter.patientKey)]);
        continue;
      }
      const departmentId = await departmentOf(ctx, item.encounter, plan, unmappedSeen);
      encounter = decideEncounter(ctx, known, item.encounter, patientId, departmentId, visitDay);
    }
    if (patient && item.patient) applyPatient(known, plan, item.patient, patient, encounter?.row.checkedInAt ?? null);
    if (encounter && item.encounter) applyEncounter(ctx, known, plan, item.encounter, encounter);
  }
  return plan;
}

/* ---------- reading what is stored ---------- */

interface Known {
  patientIds: Map<string, number>;
  patients: Map<number, StoredPatient>;
  byPhoneName: Map<string, number>;
  encounterIds: Map<string, number>;
  encounters: Map<number, StoredEncounter>;
}

const phoneName = (phone: string, name: string) => `${phone}\u0000${name}`;

async function readStored(manager: EntityManager, items: readonly ImportItem[]): Promise<Known> {
  const patientKeys: string[] = [];
  const encounterKeys: string[] = [];
  const importedPatients: ImportedPatient[] = [];
  for (const item of items) {
    if (item.errors?.length || item.skippedType) continue;
    if (item.patient) {
      patientKeys.push(...item.patient.keys);
      importedPatients.push(item.patient);
    }
    if (item.encounter) {
      patientKeys.push(item.encounter.patientKey);
      encounterKeys.push(...item.encounter.keys);
    }
  }
  const patientIds = await entityIdsByKey(manager, 'patient', patientKeys);
  const encounterIds = await entityIdsByKey(manager, 'encounter', encounterKeys);
  const patients = new Map<number, StoredPatient>();
  for (const p of await patientsById(manager, [...patientIds.values()])) patients.set(p.id, p);
  for (const p of await patientsByPhone(manager, phonesToMatch(importedPatients, patientIds, patients))) patients.set(p.id, p);
  const byPhoneName = new Map<string, number>();
  for (const p of patients.values()) if (p.phone) byPhoneName.set(phoneName(p.phone, p.name), p.id);
  const encounters = new Map<number, StoredEncounter>();
  for (const e of await encountersById(manager, [...encounterIds.values()])) encounters.set(e.id, e);
  return { patientIds, patients, byPhoneName, encounterIds, encounters };
}

/**
 * The phones to look patients up by: a record none of whose keys is known may be a stored patient
 * with the same phone and name, and a known patient whose phone or name changes must not take
 * another's. A known patient keeping both needs no look-up (most rows of a visit export).
 */
function phonesToMatch(imported: readonly ImportedPatient[], patientIds: ReadonlyMap<string, number>, stored: ReadonlyMap<number, StoredPatient>): string[] {
  const phones: string[] = [];
  for (const patient of imported) {
    if (!patient.phone) continue;
    const id = patient.keys.map((key) => patientIds.get(key)).find((found) => found !== undefined);
    const known = id === undefined ? undefined : stored.get(id);
    if (known && known.phone === patient.phone && known.name === patient.name) continue;
    phones.push(patient.phone);
  }
  return phones;
}

function tooLongKey(item: ImportItem): ImportRowError | null {
  const keys = [...(item.patient?.keys ?? []), ...(item.encounter?.keys ?? []), ...(item.encounter ? [item.encounter.patientKey] : [])];
  const long = keys.find((key) => key.length > SOURCE_KEY_MAX_LENGTH);
  return long ? rowError(item.row, item.encounter?.keys.includes(long) ? 'visitNumber' : 'patientNumber', 'too_long', long) : null;
}

/* ---------- patients ---------- */

type PatientChanges = BatchPlan['patientUpdates'] extends Map<number, infer C> ? C : never;
type PatientDecision = { id: number; isNew: boolean; changes: PatientChanges } | { conflict: true };

function decidePatient(ctx: BatchContext, known: Known, plan: BatchPlan, patient: ImportedPatient): PatientDecision {
  const ids = [...new Set(patient.keys.map((key) => known.patientIds.get(key)).filter((id): id is number => id !== undefined))];
  if (ids.length > 1) return { conflict: true };
  // No key known: the same (phone, name) as a stored patient is that patient.
  const id = ids[0] ?? (patient.phone ? known.byPhoneName.get(phoneName(patient.phone, patient.name)) : undefined);
  if (id === undefined) return { id: ctx.placeholderId(), isNew: true, changes: {} };
  const stored = plan.newPatients.get(id) ?? known.patients.get(id);
  if (!stored || ('erased' in stored && stored.erased)) {
    // An erased patient's personal data is not brought back; their keys still find them.
    return { id, isNew: false, changes: {} };
  }
  const changes: PatientChanges = {};
  if (patient.name !== stored.name) changes.name = patient.name;
  if (patient.phone !== null && patient.phone !== stored.phone) changes.phone = patient.phone;
  if (patient.gender !== null && patient.gender !== stored.gender) changes.gender = patient.gender;
  if (patient.birthDate !== null && patient.birthDate !== stored.birthDate) changes.birthDate = patient.birthDate;
  if (changes.name !== undefined || changes.phone !== undefined) {
    const phone = changes.phone ?? stored.phone;
    const clash = phone ? known.byPhoneName.get(phoneName(phone, changes.name ?? stored.name)) : undefined;
    if (clash !== undefined && clash !== id) return { conflict: true };
  }
  return { id, isNew: false, changes };
}

function applyPatient(known: Known, plan: BatchPlan, patient: ImportedPatient, decision: { id: number; isNew: boolean; changes: PatientChanges }, visitAt: Date | null): void {
  const { id } = decision;
  for (const key of patient.keys) {
    if (known.patientIds.get(key) === undefined) {
      known.patientIds.set(key, id);
      plan.newKeys.push({ kind: 'patient', key, entityId: id });
    }
  }
  if (decision.isNew) {
    const row: PlannedPatient = {
      id,
      name: patient.name,
      phone: patient.phone ?? '',
      gender: (patient.gender ?? 'unknown') as Gender,
      birthDate: patient.birthDate,
      firstVisitAt: visitAt,
    };
    plan.newPatients.set(id, row);
    if (row.phone) known.byPhoneName.set(phoneName(row.phone, row.name), id);
    plan.outcomes.push({ kind: 'patient', id, outcome: 'created' });
    return;
  }
  const planned = plan.newPatients.get(id);
  if (planned && visitAt && (!planned.firstVisitAt || visitAt < planned.firstVisitAt)) planned.firstVisitAt = visitAt;
  const changed = Object.keys(decision.changes).length > 0;
  if (changed) {
    const stored = planned ?? known.patients.get(id);
    if (stored?.phone) known.byPhoneName.delete(phoneName(stored.phone, stored.name));
    if (planned) Object.assign(planned, decision.changes);
    else {
      plan.patientUpdates.set(id, { ...plan.patientUpdates.get(id), ...decision.changes });
      const current = known.patients.get(id);
      if (current) Object.assign(current, decision.changes);
    }
    const now = planned ?? known.patients.get(id);
    if (now?.phone) known.byPhoneName.set(phoneName(now.phone, now.name), id);
  }
  // A patient created earlier in this batch stays "created".
  plan.outcomes.push({ kind: 'patient', id, outcome: planned ? 'created' : changed ? 'updated' : 'unchanged' });
}

/* ---------- encounters ---------- */

interface EncounterDecision {
  row: PlannedEncounter;
  outcome: Outcome;
  formerPatientId: number | null;
  formerMonth: string | null;
}

async function departmentOf(ctx: BatchContext, encounter: ImportedEncounter, plan: BatchPlan, seen: Set<string>): Promise<number> {
  if ('departmentId' in encounter.department) return encounter.department.departmentId;
  const { system, code, display } = encounter.department.unmapped;
  const name = `${system}|${code}`;
  if (!seen.has(name)) {
    seen.add(name);
    plan.unmapped.push({ system, code, display });
  }
  return ctx.unmappedDepartmentId();
}

function decideEncounter(ctx: BatchContext, known: Known, encounter: ImportedEncounter, patientId: number, departmentId: number, visitDay: string): EncounterDecision {
  const id = encounter.keys.map((key) => known.encounterIds.get(key)).find((found) => found !== undefined);
  const stored = id === undefined ? undefined : known.encounters.get(id);
  if (id === undefined || !stored) {
    const row: PlannedEncounter = {
      id: id ?? ctx.placeholderId(),
      patientId,
      departmentId,
      clinician: encounter.clinician,
      checkedInAt: encounter.checkedInAt,
      checkedInOn: visitDay,
      calledAt: encounter.calledAt,
      finishedAt: finishTimeOf(encounter),
      nextVisitDue: encounter.nextVisitDue,
      chargeCents: encounter.chargeCents,
    };
    return { row, outcome: 'created', formerPatientId: null, formerMonth: null };
  }
  // Fields the record leaves out keep what is stored.
  const calledAt = encounter.calledAt ?? stored.calledAt;
  const row: PlannedEncounter = {
    id,
    patientId,
    departmentId,
    clinician: encounter.clinician ?? stored.clinician,
    checkedInAt: encounter.checkedInAt,
    checkedInOn: visitDay,
    calledAt,
    finishedAt: encounter.finishedAt ?? stored.finishedAt ?? finishTimeOf({ ...encounter, calledAt }),
    nextVisitDue: encounter.nextVisitDue ?? stored.nextVisitDue,
    chargeCents: encounter.chargeCents ?? stored.chargeCents,
  };
  const same =
    row.patientId === stored.patientId &&
    row.departmentId === stored.departmentId &&
    row.clinician === stored.clinician &&
    sameInstant(row.checkedInAt, stored.checkedInAt) &&
    sameInstant(row.calledAt, stored.calledAt) &&
    sameInstant(row.finishedAt, stored.finishedAt) &&
    row.nextVisitDue === stored.nextVisitDue &&
    row.chargeCents === stored.chargeCents;
  return {
    row,
    outcome: same ? 'unchanged' : 'updated',
    formerPatientId: stored.patientId !== patientId ? stored.patientId : null,
    formerMonth: ctx.dayOf(stored.checkedInAt).slice(0, 7),
  };
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

function applyEncounter(ctx: BatchContext, known: Known, plan: BatchPlan, encounter: ImportedEncounter, decision: EncounterDecision): void {
  const { row } = decision;
  for (const key of encounter.keys) {
    ctx.seenVisitKeys.add(key);
    if (known.encounterIds.get(key) === undefined) {
      known.encounterIds.set(key, row.id);
      plan.newKeys.push({ kind: 'encounter', key, entityId: row.id });
    }
  }
  if (decision.outcome === 'created') plan.newEncounters.set(row.id, row);
  if (decision.outcome === 'updated') plan.encounterUpdates.set(row.id, row);
  if (decision.formerPatientId !== null) plan.formerPatients.add(decision.formerPatientId);
  if (decision.outcome !== 'unchanged') {
    plan.months.add(row.checkedInOn.slice(0, 7));
    if (decision.formerMonth) plan.months.add(decision.formerMonth);
  }
  if (decision.outcome !== 'unchanged') known.encounters.set(row.id, { ...row });
  plan.outcomes.push({ kind: 'encounter', id: row.id, outcome: decision.outcome });
}
