/*
 * What a patient's relationship phase and value are worked out from (DOMAIN.md, "Relationship
 * phases and patient value"): their encounters, survey answers and whether they ever reached
 * rehabilitation or follow-up. Days are day numbers (days since 1970-01-01, see day-number.ts) so the
 * rules compare integers; times are epoch milliseconds.
 */

export interface EncounterFact {
  /** Check-in day (hospital time zone). */
  day: number;
  /** Check-in instant: orders encounters of one day. */
  at: number;
  /** A visit counts once finished (DOMAIN.md: visits are finished encounters). */
  finished: boolean;
  /** The expected return this visit set (`nextVisitDue`), as a day number. */
  due: number | null;
  chargeFen: number | null;
  departmentId: number;
}

export interface ResponseFact {
  day: number;
  at: number;
  /** The NPS answer, when the response has one. */
  nps: number | null;
}

export interface PatientHistory {
  patientId: number;
  /** The first day the patient is known: registration or the first encounter, whichever is earlier. */
  since: number;
  /** The department of the latest visit (the patient's department in lists and the relationship view). */
  departmentId: number | null;
  /** Sorted by `at`. */
  encounters: EncounterFact[];
  /** Sorted by `at`. */
  responses: ResponseFact[];
  /** The first day the patient reached rehabilitation or follow-up, if ever. */
  outcomeDay: number | null;
}
