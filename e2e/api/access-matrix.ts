import type { Role } from '@huifang/shared';

/** Who calls the API: nobody signed in (a patient, the internet), or a staff member of one role. */
export type Caller = 'anonymous' | Role;

const ANYONE: readonly Caller[] = ['anonymous', 'front_desk', 'quality_manager', 'admin'];
const STAFF: readonly Caller[] = ['front_desk', 'quality_manager', 'admin'];
const FRONT_DESK: readonly Caller[] = ['front_desk', 'admin'];
const QUALITY: readonly Caller[] = ['quality_manager', 'admin'];
const ADMIN: readonly Caller[] = ['admin'];
/** No staff token opens it: the caller proves itself with an HMAC signature of the body (outreach receipts), else 401. */
const GATEWAY_SIGNED: readonly Caller[] = [];

/** Routes whose only credential is a signature: every caller without one gets 401, whatever its token. */
export const SIGNED_ROUTES: ReadonlySet<string> = new Set(['POST /api/outreach/receipts/{channel}']);

/**
 * The role × route access matrix (docs/SECURITY.md explains each row): for every route of the
 * OpenAPI document, keyed `METHOD /path` exactly as the document spells it, the callers allowed.
 * Anyone else gets 401 (no valid token) or 403 (a role not listed). Admins may do everything a
 * quality manager may (DOMAIN.md, Actors). A route added without a row here fails
 * access-matrix.e2e-spec.ts, and so does a row whose route is gone.
 *
 * Rows marked "service decides" are also narrowed inside the service for some records.
 */
export const ACCESS_MATRIX: Readonly<Record<string, readonly Caller[]>> = {
  // Public: liveness for the load balancer, the login form, the patient's one-time survey link.
  'GET /api/health': ANYONE,
  'GET /api/health/live': ANYONE,
  'POST /api/auth/login': ANYONE,
  'GET /api/public/surveys/{token}': ANYONE,
  'POST /api/public/surveys/{token}': ANYONE,

  'GET /api/auth/me': STAFF,

  // Staff accounts and the audit log: administration only.
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/{id}': ADMIN,
  'GET /api/audit-log': ADMIN,
  'GET /api/audit-log.csv': ADMIN,

  // Departments: everyone picks one; only admins add, rename or deactivate one.
  'GET /api/departments': STAFF,
  'POST /api/departments': ADMIN,
  'PATCH /api/departments/{id}': ADMIN,

  // Patients: the front desk registers and finds them; quality managers drill down to them
  // (search by name or id only, full phone masked: service decides).
  'GET /api/patients': STAFF,
  'POST /api/patients': FRONT_DESK,
  'GET /api/patients/{id}': STAFF,
  'PATCH /api/patients/{id}': FRONT_DESK,
  'PUT /api/patients/{id}/consent': FRONT_DESK,
  'POST /api/patients/{id}/transitions': FRONT_DESK,
  'GET /api/patients/{id}/timeline': STAFF,
  'GET /api/patients/{id}/relationship': STAFF,
  // PIPL: everything about one patient, and erasure of their personal data: administration only.
  'GET /api/patients/{id}/export': ADMIN,
  'POST /api/patients/{id}/erase': ADMIN,

  // Encounters: the front desk's check-in, call and finish, and its list of who is here.
  'GET /api/encounters': FRONT_DESK,
  'POST /api/encounters': FRONT_DESK,
  'POST /api/encounters/{id}/call': FRONT_DESK,
  'POST /api/encounters/{id}/finish': FRONT_DESK,

  // Indicators: quality managers; the live waiting board also for the front desk.
  'GET /api/indicators/summary': QUALITY,
  'GET /api/indicators/lifecycle-flow': QUALITY,
  'GET /api/indicators/drivers': QUALITY,
  'GET /api/indicators/outreach': QUALITY,
  'GET /api/indicators/lifecycle-flow/patients': QUALITY,
  'GET /api/indicators/lifecycle-flow/patients.csv': QUALITY,
  'GET /api/indicators/themes': QUALITY,
  'GET /api/indicators/relationship': QUALITY,
  // The monthly assessment report, its archive and its explicit, audited regeneration.
  'GET /api/reports/assessment': QUALITY,
  'GET /api/reports/assessment/archive': QUALITY,
  'POST /api/reports/assessment/regenerate': QUALITY,
  'GET /api/indicators/relationship.csv': QUALITY,
  'GET /api/indicators/relationship/patients': QUALITY,
  // The theme list (names and phrases, no patient data): the Themes view's readers see it; admins extend it.
  'GET /api/comment-themes': QUALITY,
  'POST /api/comment-themes': ADMIN,
  'PATCH /api/comment-themes/{key}': ADMIN,
  'GET /api/indicators/live': STAFF,
  'GET /api/indicators/{name}': QUALITY,
  'GET /api/indicators/{name}/patients': QUALITY,
  'GET /api/indicators/{name}/patients.csv': QUALITY,
  // Improvement actions (PDCA): quality work; targets are read there too, set by admins.
  'GET /api/improvement-actions': QUALITY,
  'POST /api/improvement-actions': QUALITY,
  // The staff an action can be given to: active accounts by name only (quality managers may not list accounts).
  'GET /api/improvement-actions/owners': QUALITY,
  'GET /api/improvement-actions/{id}': QUALITY,
  'PATCH /api/improvement-actions/{id}': QUALITY,
  'POST /api/improvement-actions/{id}/notes': QUALITY,
  'GET /api/indicator-targets': QUALITY,
  'PUT /api/indicator-targets': ADMIN,
  'DELETE /api/indicator-targets/{id}': ADMIN,

  // Outreach (issue #16): the outbox and the message templates are administration; receipts come from the gateways, signed.
  'GET /api/outreach/messages': ADMIN,
  'GET /api/outreach/channels': ADMIN,
  'POST /api/outreach/messages/{id}/retry': ADMIN,
  'POST /api/outreach/receipts/{channel}': GATEWAY_SIGNED,
  'GET /api/outreach/templates': ADMIN,
  'PUT /api/outreach/templates/{kind}/{language}': ADMIN,
  'DELETE /api/outreach/templates/{kind}/{language}': ADMIN,
  'POST /api/outreach/templates/preview': ADMIN,

  // Surveys: admins edit templates, quality managers read them and the answers, the front desk invites.
  'GET /api/survey-templates': QUALITY,
  'GET /api/survey-templates/{id}': QUALITY,
  'POST /api/survey-templates': ADMIN,
  'POST /api/survey-templates/{id}/versions': ADMIN,
  'POST /api/survey-templates/{id}/versions/{version}/publish': ADMIN,
  'POST /api/survey-invitations': FRONT_DESK,
  'GET /api/survey-responses': QUALITY,

  // Callbacks: the front desk schedules and works them; quality managers see and work only the
  // service-recovery ones (service decides: another kind is 403).
  'GET /api/callbacks': STAFF,
  'GET /api/callbacks/counts': STAFF,
  'GET /api/callbacks/{id}': STAFF,
  'POST /api/callbacks': FRONT_DESK,
  'POST /api/callbacks/{id}/claim': STAFF,
  'POST /api/callbacks/{id}/release': STAFF,
  'POST /api/callbacks/{id}/attempts': STAFF,
  'POST /api/callbacks/{id}/reschedule': STAFF,
  'POST /api/callbacks/{id}/cancel': STAFF,
  'GET /api/follow-up-rules': ADMIN,
  'PUT /api/follow-up-rules': ADMIN,

  // Hospital settings: every client needs the time zone and thresholds; only admins change them.
  // The logo is public: the patient's survey form shows it.
  'GET /api/settings': STAFF,
  'PUT /api/settings': ADMIN,
  'PUT /api/settings/logo': ADMIN,
  'DELETE /api/settings/logo': ADMIN,
  'GET /api/public/hospital-logo': ANYONE,

  // Imports of the hospital's history from its HIS: administration only (they write patient data in bulk).
  'POST /api/imports': ADMIN,
  'GET /api/imports': ADMIN,
  'GET /api/imports/{id}': ADMIN,
  'POST /api/imports/{id}/peek': ADMIN,
  'DELETE /api/imports/{id}': ADMIN,
  'POST /api/imports/{id}/preview': ADMIN,
  'POST /api/imports/{id}/run': ADMIN,
  'GET /api/imports/{id}/errors': ADMIN,
  'GET /api/imports/{id}/errors.csv': ADMIN,
  'GET /api/import-mappings': ADMIN,
  'DELETE /api/import-mappings/{name}': ADMIN,
  // FHIR R4 export: read-only, as the same records through the API. Patient: a quality manager
  // gets no telecom (service decides); Task: a role sees the kinds it works (service decides).
  // Templates and answered surveys (they hold comments): quality managers and admins.
  'GET /api/fhir/metadata': STAFF,
  'GET /api/fhir/Patient/{id}': STAFF,
  'GET /api/fhir/Encounter/{id}': STAFF,
  'GET /api/fhir/Questionnaire/{id}': QUALITY,
  'GET /api/fhir/QuestionnaireResponse': QUALITY,
  'GET /api/fhir/Task': STAFF,
  // FHIR import: writes patient data in bulk, as the imports routes: administration only.
  'POST /api/fhir': ADMIN,
  // The FHIR department mapping table: administration, like departments themselves.
  'GET /api/fhir-department-mappings': ADMIN,
  'PUT /api/fhir-department-mappings/{id}': ADMIN,
};
