/*
 * Bringing the hospital's history in from its HIS: CSV / Excel with a column mapping, or FHIR R4.
 * One importer on the server; these are the shapes the client, the CLI and the tests share.
 */

/** `nhs_fft`: a CSV of NHS Friends and Family Test answers and comments (historical feedback, fixed columns, no mapping). */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'fhir', 'nhs_fft'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats read through a column mapping; the others (FHIR, NHS FFT) have fixed fields and start without one. */
export function importNeedsMapping(format: ImportFormat): boolean {
  return format === 'csv' || format === 'xlsx';
}

/** File extensions the Import page's picker, the upload (when no format is named) and the CLI's folder scan accept. */
export const IMPORT_FILE_EXTENSIONS: Readonly<Record<string, ImportFormat>> = { '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'fhir' };

/** Text encodings a CSV may come in; `auto` detects UTF-8 (with or without BOM) or else GB18030. */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'gb18030'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/**
 * The fields a tabular row maps to. One row is one visit with its patient's details; a row without
 * a visit number brings in (or corrects) the patient only.
 */
export const IMPORT_FIELDS = [
  'patientNumber',
  'patientName',
  'phone',
  'gender',
  'birthDate',
  'visitNumber',
  'department',
  'clinician',
  'checkedInAt',
  'calledAt',
  'finishedAt',
  'nextVisitDue',
  'charge',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Needed in every row. A row with `visitNumber` also needs `department` and `checkedInAt`. */
export const IMPORT_REQUIRED_FIELDS: readonly ImportField[] = ['patientNumber', 'patientName'];
export const IMPORT_VISIT_FIELDS: readonly ImportField[] = ['visitNumber', 'department', 'checkedInAt'];

/** Column mapping: field → the file's column header (unmapped fields are absent). */
export type ImportColumnMapping = Partial<Record<ImportField, string>>;

/** A mapping saved under a name, for next month's file. */
export interface SavedImportMapping {
  name: string;
  mapping: ImportColumnMapping;
  updatedAt: string;
}
export const IMPORT_MAPPING_NAME_MAX_LENGTH = 50;

/** A patient or visit number from the HIS (its source key) is at most this long. */
export const IMPORT_SOURCE_NUMBER_MAX_LENGTH = 64;
/** A visit's charge is at most this many yuan (fen fit a 32-bit integer with room to spare). */
export const IMPORT_CHARGE_MAX_YUAN = 10_000_000;

/** The largest file an upload (or the CLI) takes; streamed to disk, never held in memory. */
export const IMPORT_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
/**
 * The largest FHIR file: a bundle is parsed whole (5-8 times its size in memory), so 100 MB is the
 * bound for a 2 GB heap; bigger exports come as several bundles. Refused at upload, and by the reader.
 */
export const IMPORT_FHIR_MAX_BYTES = 100 * 1024 * 1024;

/** How many rows the upload answer shows, and how many the preview validates (without writing). */
export const IMPORT_SAMPLE_ROWS = 20;
export const IMPORT_PREVIEW_ROWS = 1000;

export const IMPORT_JOB_STATUSES = ['uploaded', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** Why a row (or FHIR entry) was not stored; the client translates `imports.problems.<code>`. */
export const IMPORT_ROW_PROBLEMS = [
  'missing_field',
  'bad_phone',
  'bad_gender',
  'bad_date',
  'bad_time',
  'bad_charge',
  'too_long',
  'unknown_department',
  'times_out_of_order',
  'time_in_future',
  'next_visit_not_after_visit',
  'duplicate_visit_number',
  'patient_conflict',
  'unknown_patient',
  'unresolved_reference',
  'invalid_resource',
  /** A cell holds a NUL byte, a line break or another control character. */
  'control_characters',
  /** FFT: the answer code is not 1-7. */
  'bad_answer',
  /** A day/month date both ways valid (5/6/2022): not guessed. */
  'ambiguous_date',
  /** FFT: a Comment ID seen earlier in the same file. */
  'duplicate_id',
] as const;
export type ImportRowProblem = (typeof IMPORT_ROW_PROBLEMS)[number];

export interface ImportRowError {
  /** 1-based data row of the file (the header is row 0), or the 0-based entry index of a FHIR bundle. */
  row: number;
  /** The mapped field (or FHIR element path) at fault, when one is. */
  field: string | null;
  problem: ImportRowProblem;
  /** The offending value, shortened; never more than 100 characters. */
  value: string | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ImportSummary {
  patients: ImportCounts;
  encounters: ImportCounts;
  /** FHIR resources of other types, counted and skipped: `{ Observation: 120, Claim: 30 }`. */
  skippedByType: Record<string, number>;
  /** FHIR department codes with no mapping yet (their encounters went to the unmapped department). */
  unmappedDepartments: string[];
  errorCount: number;
  /** Survey responses (imported feedback, format `nhs_fft`); absent on summaries of older jobs. */
  responses?: ImportCounts;
}

export interface ImportJob {
  id: number;
  format: ImportFormat;
  fileName: string;
  mappingName: string | null;
  status: ImportJobStatus;
  startedBy: { id: number; username: string } | null;
  createdAt: string;
  finishedAt: string | null;
  /** Bytes of the file read so far and in all: the progress bar (a stream's row count is not known ahead). */
  bytesDone: number;
  bytesTotal: number;
  /** Rows (or entries) read so far. */
  rowsDone: number;
  /** Final for `done`; the counts so far while `running`. */
  summary: ImportSummary | null;
}

/** The answer to an upload: what the file looks like, for the mapping step. */
export interface ImportUpload {
  job: ImportJob;
  /** Detected for CSV (`utf-8` or `gb18030`); null for Excel and FHIR. */
  encoding: Exclude<ImportEncoding, 'auto'> | null;
  /** Header row (CSV / first sheet); empty for FHIR. */
  columns: string[];
  /** The first `IMPORT_SAMPLE_ROWS` data rows, as text. */
  sampleRows: string[][];
  /** A mapping guessed from the headers (Chinese or English names), to start the user off. */
  suggestedMapping: ImportColumnMapping;
}

export interface ImportRunRequest {
  mapping?: ImportColumnMapping;
  /** Save the mapping under this name (replacing one of the same name). */
  saveMappingAs?: string;
  encoding?: ImportEncoding;
}

/** Validation of the first `IMPORT_PREVIEW_ROWS` rows, nothing written. */
export interface ImportPreview {
  rowsChecked: number;
  summary: ImportSummary;
  errors: ImportRowError[];
}

/** One FHIR code (serviceType / type / class) and the department its encounters go to. */
export interface FhirDepartmentMapping {
  id: number;
  system: string;
  code: string;
  display: string | null;
  /** null: seen in an import, not mapped yet (its encounters are in the unmapped department). */
  departmentId: number | null;
}

/** The department code imported encounters with an unmapped FHIR department go to. */
export const UNMAPPED_DEPARTMENT_CODE = 'unmapped';

/**
 * The fields a mapping must give a column: always the required ones, and the visit fields once a
 * visit number is mapped (rows then describe visits). The client marks these; the server checks them.
 */
export function requiredImportFields(mapping: ImportColumnMapping): ImportField[] {
  const visits = mapping.visitNumber ? IMPORT_VISIT_FIELDS : [];
  return IMPORT_FIELDS.filter((field) => IMPORT_REQUIRED_FIELDS.includes(field) || visits.includes(field));
}
