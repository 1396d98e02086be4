import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  type Gender,
  MOBILE_PHONE_PATTERN,
  type Patient,
  type RegisterPatientRequest,
  type SurveyLanguage,
  type UpdatePatientRequest,
  normalizeMobilePhone,
} from '@huifang/shared';
import { EARLIEST_DAY, isCalendarDay } from '@huifang/shared';

/** What the register / edit form holds. */
export interface PatientFormValue {
  name: string;
  phone: string;
  gender: Gender | null;
  /** `YYYY-MM-DD` from the datepicker; '' or null when not given (null also for text that is no date). */
  birthDate: string | null;
  note: string;
  consentCalls: boolean;
  consentSurveys: boolean;
  /** The language of the patient's survey links; null: the phone's. Edited on an existing patient only. */
  preferredLanguage: SurveyLanguage | null;
}

/** `{ mobilePhone: true }` unless the value, normalised (spaces, dashes, +86), is a mainland mobile number. */
export const mobilePhoneValidator: ValidatorFn = (
  control: AbstractControl<string | null>,
): ValidationErrors | null => {
  const value = control.value ?? '';
  if (value.trim() === '') {
    return null;
  }
  return MOBILE_PHONE_PATTERN.test(normalizeMobilePhone(value.trim())) ? null : { mobilePhone: true };
};

/**
 * A birth date: a real calendar day (`date`), not after `today()` (`futureDate`), not before the earliest day the API accepts
 * (`tooEarly`). Empty is fine (the field is optional).
 */
export function birthDateValidator(today: () => string): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = (control.value ?? '').trim();
    if (value === '') {
      return null;
    }
    if (!isCalendarDay(value)) {
      return { date: true };
    }
    if (value > today()) {
      return { futureDate: true };
    }
    return value < EARLIEST_DAY ? { tooEarly: true } : null;
  };
}

/** The registration body: trimmed, the phone normalised to 11 digits, empty optional fields left out. */
export function registerRequestFrom(value: PatientFormValue): RegisterPatientRequest {
  const request: RegisterPatientRequest = {
    name: value.name.trim(),
    phone: normalizeMobilePhone(value.phone.trim()),
  };
  if (value.gender) request.gender = value.gender;
  if (value.birthDate?.trim()) request.birthDate = value.birthDate.trim();
  if (value.note.trim()) request.note = value.note.trim();
  request.consent = { followUpCalls: value.consentCalls, surveys: value.consentSurveys };
  return request;
}

/** The PATCH body: only what changed; a cleared birth date or note is sent as null. */
export function updateRequestFrom(patient: Patient, value: PatientFormValue): UpdatePatientRequest {
  const changes: UpdatePatientRequest = {};
  const name = value.name.trim();
  const phone = normalizeMobilePhone(value.phone.trim());
  const birthDate = value.birthDate?.trim() || null;
  const note = value.note.trim() || null;
  if (name !== patient.name) changes.name = name;
  if (phone !== patient.phone) changes.phone = phone;
  if (value.gender && value.gender !== patient.gender) changes.gender = value.gender;
  if (birthDate !== patient.birthDate) changes.birthDate = birthDate;
  if (note !== (patient.note ?? null)) changes.note = note;
  if (value.preferredLanguage !== (patient.preferredLanguage ?? null)) changes.preferredLanguage = value.preferredLanguage;
  return changes;
}

/** The form's starting value: empty for a registration, the patient's data for an edit. */
export function formValueFor(patient: Patient | null): PatientFormValue {
  return {
    name: patient?.name ?? '',
    phone: patient?.phone ?? '',
    gender: patient?.gender ?? null,
    birthDate: patient?.birthDate ?? '',
    note: patient?.note ?? '',
    consentCalls: patient?.consent.followUpCalls.granted ?? false,
    consentSurveys: patient?.consent.surveys.granted ?? false,
    preferredLanguage: patient?.preferredLanguage ?? null,
  };
}
