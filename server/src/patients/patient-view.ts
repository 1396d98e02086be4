import {
  maskPhone,
  type ConsentState,
  type Patient,
  type PatientSummary,
  type RelationshipStatus,
  type StaffRef,
} from '@huifang/shared';
import { ageOn } from '@huifang/shared';
import type { PatientEntity } from './patient.entity';

export function toPatientSummary(patient: PatientEntity, status: RelationshipStatus, today: string): PatientSummary {
  return {
    id: patient.id,
    name: patient.name,
    phoneMasked: maskPhone(patient.phone),
    gender: patient.gender,
    birthDate: patient.birthDate,
    age: patient.birthDate ? ageOn(patient.birthDate, today) : null,
    stage: patient.stage,
    status,
    lastVisitOn: patient.lastVisitOn,
    nextVisitDue: patient.nextVisitDue,
    lastDepartmentId: patient.lastDepartmentId,
    phase: patient.phase,
    phaseSince: patient.phaseSince,
    valueScore: Number(patient.valueScore),
    valueTier: patient.valueTier,
    clv: Number(patient.clv),
  };
}

function consent(granted: boolean | null, at: Date | null, by: StaffRef | null): ConsentState {
  return { granted, recordedAt: at?.toISOString() ?? null, recordedBy: by };
}

/** The full record for the patient page: the one place a front-desk user sees the whole phone number. */
export function toPatient(
  patient: PatientEntity,
  status: RelationshipStatus,
  today: string,
  staff: ReadonlyMap<number, StaffRef>,
): Patient {
  const ref = (id: number | null) => (id === null ? null : (staff.get(id) ?? { id, displayName: `#${id}` }));
  return {
    ...toPatientSummary(patient, status, today),
    phone: patient.phone,
    note: patient.note,
    consent: {
      followUpCalls: consent(patient.consentCalls, patient.consentCallsAt, ref(patient.consentCallsBy)),
      surveys: consent(patient.consentSurveys, patient.consentSurveysAt, ref(patient.consentSurveysBy)),
    },
    preferredLanguage: patient.preferredLanguage ?? null,
    stageSince: patient.stageSince.toISOString(),
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}
