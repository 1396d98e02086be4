/** One page of a list: `?page=1&pageSize=20` (pageSize at most 100). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Every error the API answers with has this shape; `message` names the field for validation errors. */
export interface ApiError<C extends ErrorCode = ErrorCode> {
  statusCode: number;
  error: string;
  /** English, for developers and logs only: clients show the translation of `code`, never this. */
  message: string | string[];
  /** Stable, typed reason (see `ErrorCode`): clients branch and translate on this, never on `message`. */
  code: C;
  /** The values the code's message needs (declared in `ErrorParams`); absent for codes without any. */
  params?: ErrorParamsOf<C>;
  /** Correlates the answer with the server's log line for the same request. */
  requestId?: string;
}

/**
 * Typed error codes, grouped by feature (`<feature>.<reason>`); generic ones follow the HTTP status.
 * Add a code here (in its feature's group), never as a bare string in a feature; declare its params
 * in `ErrorParams` and give it a message under `errorCodes` in both client translation files.
 */
export const ERROR_CODES = {
  // Generic: the HTTP status says it all.
  badRequest: 'request.invalid',
  unauthorized: 'auth.unauthorized',
  forbidden: 'auth.forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  gone: 'gone',
  payloadTooLarge: 'request.too_large',
  unsupportedMediaType: 'request.unsupported_media_type',
  tooDeep: 'request.too_deep',
  rateLimited: 'rate_limited',
  internal: 'internal',
  // Input checks: `params.fields` holds the offending field paths (`answers.0.value`).
  validation: 'validation.failed',
  outOfRange: 'validation.out_of_range',
  timeInFuture: 'validation.time_in_future',
  periodReversed: 'validation.period_reversed',
  periodTooLong: 'validation.period_too_long',
  // Database
  duplicate: 'conflict.duplicate',
  reference: 'conflict.reference',
  databaseBusy: 'database.busy',
  databaseUnreachable: 'database.unreachable',
  // Auth
  loginFailed: 'auth.login_failed',
  /** Too many failed logins for this username from this address: wait `Retry-After` seconds. */
  loginLocked: 'auth.locked',
  tokenMissing: 'auth.token_missing',
  tokenInvalid: 'auth.token_invalid',
  roleForbidden: 'auth.role_forbidden',
  // Users
  userNotFound: 'user.not_found',
  usernameTaken: 'user.username_taken',
  userSelfDemotion: 'user.self_demotion',
  // Departments
  departmentNotFound: 'department.not_found',
  departmentCodeTaken: 'department.code_taken',
  departmentNameTaken: 'department.name_taken',
  /** Check-in refused: the department was deactivated. */
  departmentInactive: 'department.inactive',
  // Patients
  patientNotFound: 'patient.not_found',
  patientDuplicate: 'patient.duplicate',
  patientNamePhoneTaken: 'patient.name_phone_taken',
  patientErased: 'patient.erased',
  patientSearchTerms: 'patient.search_terms_invalid',
  // Stage transitions
  stageChanged: 'stage.changed',
  stageTransitionNotAllowed: 'stage.transition_not_allowed',
  stageEncounterMismatch: 'stage.encounter_mismatch',
  // Encounters
  encounterNotFound: 'encounter.not_found',
  encounterOpenInDepartment: 'encounter.open_in_department',
  encounterFinished: 'encounter.finished',
  encounterAlreadyCalled: 'encounter.already_called',
  encounterNotCalled: 'encounter.not_called',
  encounterCheckInTooOld: 'encounter.check_in_too_old',
  encounterCallBeforeCheckIn: 'encounter.call_before_check_in',
  encounterFinishBeforeCall: 'encounter.finish_before_call',
  encounterNextVisitTooEarly: 'encounter.next_visit_too_early',
  encounterNextVisitTooLate: 'encounter.next_visit_too_late',
  // Callbacks
  callbackNotFound: 'callback.not_found',
  callbackClosed: 'callback.closed',
  callbackClaimed: 'callback.claimed',
  callbackChanged: 'callback.changed',
  callbackNotClaimedByYou: 'callback.not_claimed_by_you',
  callbackClaimExpired: 'callback.claim_expired',
  callbackAlreadyRecorded: 'callback.already_recorded',
  /** The patient withdrew (or never gave) consent to follow-up calls: the callback cannot be worked. */
  callbackNoConsent: 'callback.no_consent',
  callbackDueInPast: 'callback.due_in_past',
  callbackKindForbidden: 'callback.kind_forbidden',
  // Survey invitations and the public survey
  surveyVisitNotFinished: 'survey.visit_not_finished',
  surveyDeclined: 'survey.declined',
  surveyTooSoon: 'survey.too_soon',
  surveyAnswersInvalid: 'survey.answers_invalid',
  surveyLinkNotFound: 'survey_link.not_found',
  surveyLinkExpired: 'survey_link.expired',
  surveyLinkAnswered: 'survey_link.answered',
  // Survey templates
  templateNotFound: 'template.not_found',
  templateDraftExists: 'template.draft_exists',
  templateNotDraft: 'template.not_draft',
  templateNonePublished: 'template.none_published',
  templateQuestionsInvalid: 'template.questions_invalid',
  // Indicators
  indicatorNotFound: 'indicator.not_found',
  indicatorKeyOutsidePeriod: 'indicator.key_outside_period',
  indicatorTemplateSatisfactionOnly: 'indicator.template_satisfaction_only',
  indicatorRollupsBuilding: 'indicator.rollups_building',
  /** A drill-down export would hold more rows than one file may (narrow the period or segment). */
  indicatorExportTooLarge: 'indicator.export_too_large',
  // Audit log
  /** The audit export's filter matches more than one file may hold. */
  auditExportTooLarge: 'audit.export_too_large',
  // Hospital settings
  settingsLogoTooLarge: 'settings.logo_too_large',
  settingsLogoType: 'settings.logo_type',
  settingsLogoMissing: 'settings.logo_missing',
  // Imports from the HIS
  /** The upload is no CSV / Excel file the reader can parse (a broken quote, a corrupt workbook). */
  importFileUnreadable: 'import.file_unreadable',
  /** The upload's format is none of csv / xlsx / fhir (named or from its extension). */
  importUnknownFormat: 'import.unknown_format',
  importFileTooLarge: 'import.file_too_large',
  /** The multipart upload had no `file` part. */
  importFileMissing: 'import.file_missing',
  importJobNotFound: 'import.job_not_found',
  /** Only an uploaded job can be previewed or run (it is running or has run). */
  importNotRunnable: 'import.not_runnable',
  importMappingNotFound: 'import.mapping_not_found',
  /** A CSV detected as UTF-8 from its start has bytes further on that are no UTF-8 (a GB18030 file with an ASCII start). */
  importNotUtf8: 'import.not_utf8',
  // Comment themes (the list admins extend)
  commentThemeNotFound: 'comment_theme.not_found',
  commentThemeKeyTaken: 'comment_theme.key_taken',
  /** Phrases belong to an admin's own themes: the built-in ones are found by the tagger's lexicons and model. */
  commentThemeBuiltInPhrases: 'comment_theme.built_in_phrases',
  // Improvement actions and indicator targets (issue #15); `message` names the field (the code implies it)
  improvementNotFound: 'improvement.not_found',
  improvementEndBeforeStart: 'improvement.end_before_start',
  /** No indicator key (`wait_median`, `dimension:<dimension>`, `theme_share:<theme>`, …). */
  improvementUnknownIndicator: 'improvement.unknown_indicator',
  /** `theme_share:<key>` names no comment theme. */
  improvementUnknownTheme: 'improvement.unknown_theme',
  /** The owner is no active staff user. */
  improvementUnknownOwner: 'improvement.unknown_owner',
  improvementUnknownDepartment: 'improvement.unknown_department',
  targetNotFound: 'indicator_target.not_found',
  /** A target's value outside its indicator's range (percent 0-100, NPS -100..100, …). */
  targetValueOutOfRange: 'indicator_target.value_out_of_range',
  // The monthly assessment report (issue #15); `message` names the field
  /** `month` is no `YYYY-MM`. */
  reportMonthInvalid: 'report.month_invalid',
  /** `month` has not begun yet. */
  reportMonthInFuture: 'report.month_in_future',
  /** Regenerate asked for the current month: it is provisional (computed on each request), never stored. */
  reportMonthOpen: 'report.month_open',
  reportUnknownDepartment: 'report.unknown_department',
  /** `format` is none of json, pdf, xlsx. */
  reportFormatInvalid: 'report.format_invalid',
  /** This server has no Chromium to print the PDF with (set CHROME_BIN); JSON and Excel still work. */
  reportPdfUnavailable: 'report.pdf_unavailable',
  // Outreach (issue #16)
  outreachMessageNotFound: 'outreach.message_not_found',
  /** Only a failed message can be sent again. */
  outreachNotFailed: 'outreach.not_failed',
  /** A receipt whose HMAC signature or timestamp does not verify (or no webhook secret is configured). */
  outreachSignatureInvalid: 'outreach.signature_invalid',
  /** A receipt naming no message Huifang sent on that channel. */
  outreachReceiptUnknown: 'outreach.receipt_unknown',
  /** A message template uses placeholders its kind does not offer (`params.variables`, without braces). */
  outreachUnknownTemplateVariables: 'outreach.unknown_template_variables',
  /** A survey message's template has no `{link}` in its body: the patient could not answer. */
  outreachLinkRequired: 'outreach.link_required',
  // FHIR import and export
  fhirMappingNotFound: 'fhir_mapping.not_found',
  /** A FHIR code cannot be mapped to the "unmapped" department: that is where unmapped codes already go. */
  fhirMappingUnmappedTarget: 'fhir_mapping.unmapped_target',
  /** `POST /api/fhir` got JSON that is no FHIR resource (no `resourceType`). */
  fhirNotAResource: 'fhir.not_a_resource',
  /** A FHIR read of a resource Huifang does not hold (`Questionnaire/9`). */
  fhirResourceNotFound: 'fhir.not_found',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Field paths a validation error names (`phone`, `answers.0.value`); the client translates their labels. */
export interface FieldsParams {
  fields: string[];
}

/**
 * The parameters each code's message needs, sent as `params` in the error body. Values are plain
 * numbers, strings (calendar days as `YYYY-MM-DD`) or field lists; never a patient's personal data.
 * A code not listed here carries no params.
 */
export interface ErrorParams {
  'validation.failed': FieldsParams;
  'validation.period_too_long': { maxDays: number };
  'survey.answers_invalid': FieldsParams;
  'template.questions_invalid': FieldsParams;
  'auth.locked': { retryAfterMinutes: number };
  'encounter.check_in_too_old': { maxDays: number };
  'encounter.not_found': { encounterId: number };
  'patient.not_found': { patientId: number };
  'patient.duplicate': { existingPatientId: number };
  'callback.not_found': { callbackId: number };
  'callback.claimed': { claimedBy: string };
  'survey.too_soon': { lastInvitedDay: string; nextAllowedDay: string };
  'department.not_found': { departmentId: number };
  'comment_theme.not_found': { key: string };
  'template.not_found': { templateId: number };
  'settings.logo_too_large': { maxKb: number };
  'audit.export_too_large': { max: number; total: number };
  'indicator.export_too_large': { max: number };
  'import.file_too_large': { maxMb: number };
  'import.job_not_found': { jobId: number };
  'improvement.not_found': { actionId: number };
  'indicator_target.not_found': { targetId: number };
  'indicator_target.value_out_of_range': { min: number; max: number };
  'outreach.message_not_found': { messageId: number };
  'outreach.unknown_template_variables': { variables: string[] };
}

export type ErrorParamsOf<C extends ErrorCode> = C extends keyof ErrorParams ? ErrorParams[C] : never;

/** The names of each code's params, at run time (the client's translation test checks them). */
export const ERROR_PARAM_NAMES: { [C in keyof ErrorParams]: readonly (keyof ErrorParams[C])[] } = {
  'validation.failed': ['fields'],
  'validation.period_too_long': ['maxDays'],
  'survey.answers_invalid': ['fields'],
  'template.questions_invalid': ['fields'],
  'auth.locked': ['retryAfterMinutes'],
  'encounter.check_in_too_old': ['maxDays'],
  'encounter.not_found': ['encounterId'],
  'patient.not_found': ['patientId'],
  'patient.duplicate': ['existingPatientId'],
  'callback.not_found': ['callbackId'],
  'callback.claimed': ['claimedBy'],
  'survey.too_soon': ['lastInvitedDay', 'nextAllowedDay'],
  'department.not_found': ['departmentId'],
  'comment_theme.not_found': ['key'],
  'template.not_found': ['templateId'],
  'settings.logo_too_large': ['maxKb'],
  'audit.export_too_large': ['max', 'total'],
  'indicator.export_too_large': ['max'],
  'import.file_too_large': ['maxMb'],
  'import.job_not_found': ['jobId'],
  'improvement.not_found': ['actionId'],
  'indicator_target.not_found': ['targetId'],
  'indicator_target.value_out_of_range': ['min', 'max'],
  'outreach.message_not_found': ['messageId'],
  'outreach.unknown_template_variables': ['variables'],
};

/** The param names a code's message may use (none for most codes). */
export function errorParamNames(code: ErrorCode): readonly string[] {
  return (ERROR_PARAM_NAMES as Partial<Record<ErrorCode, readonly string[]>>)[code] ?? [];
}

/** The code an error gets when the feature that raised it named none. */
export function defaultErrorCode(statusCode: number): ErrorCode {
  switch (statusCode) {
    case 400:
      return ERROR_CODES.badRequest;
    case 401:
      return ERROR_CODES.unauthorized;
    case 403:
      return ERROR_CODES.forbidden;
    case 404:
      return ERROR_CODES.notFound;
    case 409:
      return ERROR_CODES.conflict;
    case 410:
      return ERROR_CODES.gone;
    case 413:
      return ERROR_CODES.payloadTooLarge;
    case 415:
      return ERROR_CODES.unsupportedMediaType;
    case 429:
      return ERROR_CODES.rateLimited;
    default:
      return statusCode >= 500 ? ERROR_CODES.internal : ERROR_CODES.badRequest;
  }
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface HealthResponse {
  status: 'ok';
  database: DatabaseKind;
}

/** `GET /api/health/live`: the process answers; the database is not asked. */
export interface LivenessResponse {
  status: 'ok';
}
