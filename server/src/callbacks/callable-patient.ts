import type { PatientEntity } from '../patients/patient.entity';

/*
 * Who a follow-up rule may open a call for: a patient with a number to call (imported patients may
 * have none, erased ones have none) who did not decline follow-up calls (not asked yet = may be
 * called). Every rule asks this one condition: the event triggers through `isCallable`, the
 * missed-revisit job through `CALLABLE_PATIENT_SQL`; keep the two the same.
 */

export function isCallable(patient: Pick<PatientEntity, 'phone' | 'consentCalls'>): boolean {
  return patient.phone !== '' && patient.consentCalls !== false;
}

/** `isCallable` over a `patient p` row, for set-based SQL (no parameters: placeholders stay the caller's). */
export const CALLABLE_PATIENT_SQL = `p.phone <> '' AND (p.consent_calls IS NULL OR p.consent_calls = TRUE)`;
