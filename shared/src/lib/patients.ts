import type { ApiError, ErrorParams } from './api';
import type { SurveyLanguage } from './surveys';
import type { LifecycleStage, RelationshipStatus } from './lifecycle';
import type { RelationshipPhase, ValueTier } from './relationship';

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** Mainland China mobile numbers: 1[3-9] then 9 digits, stored as those 11 digits. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const PATIENT_NAME_MAX_LENGTH = 50;
export const PATIENT_NOTE_MAX_LENGTH = 1000;
/** RFC 5321's limit of a forward path. */
export const PATIENT_EMAIL_MAX_LENGTH = 254;
/** The patient list's search text (`?q=`). */
export const PATIENT_SEARCH_MAX_LENGTH = 50;

/** Normalises what staff type (spaces, dashes, +86 / 0086 prefixes) to the stored 11 digits. */
export function normalizeMobilePhone(input: string): string {
  const digits = input.replace(/[\s\-()]/g, '');
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

/** `138****5678`: what lists show (least privilege; the full number only on the patient page). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

export interface StaffRef {
  id: number;
  displayName: string;
}

/** A separate, recorded consent (PIPL): `granted` is null until the patient has been asked. */
export interface ConsentState {
  granted: boolean | null;
  recordedAt: string | null;
  recordedBy: StaffRef | null;
}

export interface ContactConsent {
  followUpCalls: ConsentState;
  surveys: ConsentState;
}

/** A row of the patient list: the phone is masked. */
export interface PatientSummary {
  id: number;
  name: string;
  phoneMasked: string;
  gender: Gender;
  birthDate: string | null;
  age: number | null;
  stage: LifecycleStage;
  status: RelationshipStatus;
  /** Calendar day (hospital time zone) of the latest check-in. */
  lastVisitOn: string | null;
  /** The expected return date currently in force. */
  nextVisitDue: string | null;
  lastDepartmentId: number | null;
  /** Relationship phase and value (DOMAIN.md), worked out by the server; see `GET /api/patients/:id/relationship` for why. */
  phase: RelationshipPhase;
  /** The day the phase began; null until the server first worked the patient out. */
  phaseSince: string | null;
  valueScore: number;
  valueTier: ValueTier;
  /** Customer lifetime value in yuan, or in expected visits where no visit carries a charge (`clvUnit` of the relationship). */
  clv: number;
}

/** One patient, as on the patient page: full phone, consent, note. */
export interface Patient extends PatientSummary {
  phone: string;
  note: string | null;
  consent: ContactConsent;
  /** The language of the patient's survey links: set from their last answered survey or on the patient form; null = the phone's. */
  preferredLanguage: SurveyLanguage | null;
  stageSince: string;
  createdAt: string;
  updatedAt: string;
}

export interface RegisterPatientRequest {
  name: string;
  phone: string;
  gender?: Gender;
  /** `YYYY-MM-DD`, not in the future, not before 1900. */
  birthDate?: string;
  note?: string;
  /** For messages by email (outreach); most patients are reached by SMS or WeChat. */
  email?: string;
  consent?: UpdateConsentRequest;
}

export interface UpdatePatientRequest {
  name?: string;
  phone?: string;
  gender?: Gender;
  birthDate?: string | null;
  note?: string | null;
  preferredLanguage?: SurveyLanguage | null;
}

export interface UpdateConsentRequest {
  followUpCalls?: boolean;
  surveys?: boolean;
}

export interface PatientQuery {
  q?: string;
  stage?: LifecycleStage;
  status?: RelationshipStatus;
  phase?: RelationshipPhase;
  valueTier?: ValueTier;
  departmentId?: number;
  page?: number;
  pageSize?: number;
  /** A sort key (see list-sort.ts), `-` first for descending. */
  sort?: string;
}

/** 409 body when name + phone already belong to a patient: the desk opens `params.existingPatientId` instead. */
export type DuplicatePatientError = ApiError<'patient.duplicate'> & { params: ErrorParams['patient.duplicate'] };

export interface StageTransition {
  id: number;
  patientId: number;
  /** null for the registration entry. */
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: string;
  by: StaffRef | null;
  reason: string | null;
  encounterId: number | null;
}

export interface CreateTransitionRequest {
  to: LifecycleStage;
  /** The stage the user saw: 409 if the patient has moved on since (two desks acting at once). */
  from?: LifecycleStage;
  reason?: string;
  encounterId?: number;
}
