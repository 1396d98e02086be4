import type { SurveyOffer } from './surveys';

/** Where an encounter stands, derived from its times. */
export const ENCOUNTER_STATUSES = ['waiting', 'in_room', 'finished'] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];

export interface Encounter {
  id: number;
  patientId: number;
  patientName: string;
  departmentId: number;
  departmentName: string;
  clinician: string | null;
  checkedInAt: string;
  calledAt: string | null;
  finishedAt: string | null;
  /** `YYYY-MM-DD`: the expected return date set at the end of the visit. */
  nextVisitDue: string | null;
  /** calledAt - checkedInAt in minutes (one decimal); null until called. */
  waitMinutes: number | null;
  status: EncounterStatus;
}

export interface CheckInRequest {
  patientId: number;
  departmentId: number;
  clinician?: string;
  /** Defaults to now; may be earlier (the desk records a late check-in) but never in the future. */
  checkedInAt?: string;
}

export interface CallRequest {
  at?: string;
}

export interface FinishRequest {
  at?: string;
  nextVisitDue?: string;
}

export interface EncounterQuery {
  patientId?: number;
  departmentId?: number;
  status?: EncounterStatus;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const CLINICIAN_MAX_LENGTH = 50;

/** POST /api/encounters/:id/finish answers with the visit and whether a survey invitation is possible now. */
export interface FinishedEncounter extends Encounter {
  surveyOffer: SurveyOffer;
}
