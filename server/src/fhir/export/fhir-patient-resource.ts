import type { Patient } from '@medplum/fhirtypes';
import { SYSTEMS } from '../fhir-systems';
import type { PatientEntity } from '../../patients/patient.entity';

/** A patient as FHIR: id, Huifang identifier, name as one text, mobile, gender, birth date. */
export function toFhirPatient(patient: PatientEntity, { withTelecom }: { withTelecom: boolean }): Patient {
  return {
    resourceType: 'Patient',
    id: String(patient.id),
    meta: { lastUpdated: patient.updatedAt.toISOString() },
    identifier: [{ system: SYSTEMS.patientId, value: String(patient.id) }],
    // An erased patient keeps only the pseudonym; they are no longer active in the hospital's records.
    active: patient.erasedAt === null,
    name: [{ use: 'official', text: patient.name }],
    ...(patient.phone && withTelecom ? { telecom: [{ system: 'phone' as const, value: patient.phone, use: 'mobile' as const }] } : {}),
    gender: patient.gender,
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
  };
}
