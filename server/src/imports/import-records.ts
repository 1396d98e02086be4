import type { Gender, ImportFormat, ImportRowError } from '@huifang/shared';

/*
 * The contract between the readers (tabular: CSV / Excel; FHIR R4) and the one importer that stores
 * what they read. A reader turns its file into `ImportItem`s, one per row or bundle entry, in file
 * order, checking what only it can check (a cell's format, a resource's shape); the importer checks
 * the rest (times in order, the 7-day rule does not apply, duplicates within one file), matches
 * records to stored ones by their source keys and writes in batches.
 */

/**
 * Source keys identify a record in the system it came from, so importing a file twice changes
 * nothing and a corrected file updates what changed. All of a record's keys are stored; any one
 * matches. Forms: `his:<patient number>` / `his-visit:<visit number>` (tabular),
 * `<identifier system>|<identifier value>` and `Patient/<id>` / `Encounter/<id>` (FHIR).
 */
export type SourceKey = string;

/** A patient as the source describes them. `null` fields are not given (a stored value is kept). */
export interface ImportedPatient {
  keys: SourceKey[];
  name: string;
  /** 11 digits, normalised; null when the source has no usable mobile number. */
  phone: string | null;
  gender: Gender | null;
  birthDate: string | null;
}

/** Where an encounter goes: a known department, or a FHIR code nobody has mapped yet. */
export type ImportedDepartment =
  | { departmentId: number }
  | { unmapped: { system: string; code: string; display: string | null } };

export interface ImportedEncounter {
  keys: SourceKey[];
  /** One of its patient's keys (the patient may come earlier in the same file, or be stored already). */
  patientKey: SourceKey;
  department: ImportedDepartment;
  clinician: string | null;
  checkedInAt: Date;
  calledAt: Date | null;
  finishedAt: Date | null;
  /** `YYYY-MM-DD`. */
  nextVisitDue: string | null;
  /** Integer fen (1/100 yuan). */
  chargeCents: number | null;
}

/** A historical survey answer (format `nhs_fft`): anonymous, so no patient, visit or invitation. */
export interface ImportedFeedback {
  /** `nhs_fft:<Comment ID>`, stored as `survey_response.import_key`. */
  key: SourceKey;
  /** The day it was given, `YYYY-MM-DD`. */
  answeredOn: string;
  /** 1 very good … 6 don't know; null for 7 (other / unlabelled). */
  fft: number | null;
  comment: string | null;
}

/** One row of a table or one entry of a bundle. */
export interface ImportItem {
  /** 1-based data row, or the 0-based entry index of a bundle (as `ImportRowError.row`). */
  row: number;
  patient?: ImportedPatient;
  encounter?: ImportedEncounter;
  feedback?: ImportedFeedback;
  /** What a refused row counts as in the summary when neither patient nor encounter says (feedback rows). */
  failsAs?: 'responses';
  /** The reader found the row unusable: nothing of it is stored. */
  errors?: ImportRowError[];
  /** A FHIR resource of a type Huifang does not take (`Observation`): counted and skipped. */
  skippedType?: string;
}

/** A file opened by a reader. `items` streams; `bytesRead` feeds the progress bar. */
export interface ImportSource {
  format: ImportFormat;
  items(): AsyncIterable<ImportItem>;
  bytesRead(): number;
  bytesTotal: number;
}

/** Longest source key stored (`source_identifier.source_key`); a reader refuses a longer one (`too_long`). */
export const SOURCE_KEY_MAX_LENGTH = 255;

/**
 * What the FHIR feature provides under the token `FHIR_FILE_READER`, so FHIR files uploaded to the
 * jobs API (and given to the CLI) are read by its reader and its unmapped department codes recorded.
 */
export const FHIR_FILE_READER = 'huifang:fhir-file-reader';
export interface FhirFileReader {
  open(filePath: string): Promise<ImportSource>;
  /** Called in each batch's transaction with the department codes first seen unmapped in it. */
  onUnmapped?(codes: { system: string; code: string; display: string | null }[], manager: import('typeorm').EntityManager): Promise<void>;
}
