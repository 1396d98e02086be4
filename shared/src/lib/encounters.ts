import { IMPORT_CHARGE_MAX_YUAN } from './imports';
import { addDays, isCalendarDay } from './calendar-day';
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
  /** What the visit cost, in yuan (two decimals), from the HIS import or given at finish; null otherwise. */
  charge?: number | null;
  /** The import that brought this visit in from the HIS; null for visits recorded at the desk. */
  importJobId?: number | null;
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

/**
 * A visit's charge in yuan as the desk gives it at finish: 0 … IMPORT_CHARGE_MAX_YUAN with at most
 * two decimals (fen). The server and the finish dialog check the same rule.
 */
export function isVisitCharge(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= IMPORT_CHARGE_MAX_YUAN && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

export interface FinishRequest {
  at?: string;
  nextVisitDue?: string;
  /** What the visit cost, in yuan (CNY, at most two decimals; up to IMPORT_CHARGE_MAX_YUAN): CLV is money once visits carry charges. */
  charge?: number;
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

/** An expected return date is at most this many days after the visit ("within two years"). */
export const NEXT_VISIT_MAX_DAYS = 2 * 366;

/**
 * Why `nextVisitDue` is refused for a visit on `visitDay`, or null: it must be a real day after the
 * visit day (a return the same day is not a return) and within two years.
 */
export function nextVisitDueProblem(visitDay: string, nextVisitDue: string): 'date' | 'notAfterVisit' | 'tooFar' | null {
  if (!isCalendarDay(nextVisitDue)) return 'date';
  if (nextVisitDue <= visitDay) return 'notAfterVisit';
  return nextVisitDue > addDays(visitDay, NEXT_VISIT_MAX_DAYS) ? 'tooFar' : null;
}

/** Colour hint for a wait: over the hospital's threshold `long`, over twice the threshold `very-long`. */
export type WaitLevel = 'ok' | 'long' | 'very-long';

export function waitLevel(minutes: number | null, thresholdMinutes: number): WaitLevel {
  if (minutes === null) return 'ok';
  if (minutes > 2 * thresholdMinutes) return 'very-long';
  return minutes > thresholdMinutes ? 'long' : 'ok';
}

/** POST /api/encounters/:id/finish answers with the visit and whether a survey invitation is possible now. */
export interface FinishedEncounter extends Encounter {
  surveyOffer: SurveyOffer;
}
