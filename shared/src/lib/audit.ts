/** What the audit log records: every read of one patient and every change (DOMAIN.md, Actors). */
export const AUDIT_ACTIONS = [
  'patient.read',
  'patient.search',
  'patient.timeline.read',
  'patient.create',
  'patient.update',
  'patient.consent',
  'patient.transition',
  'patient.export',
  'patient.erase',
  'encounter.check_in',
  'encounter.call',
  'encounter.finish',
  'survey.invite',
  'survey.template',
  'callback.read',
  'callback.create',
  'callback.claim',
  'callback.release',
  'callback.attempt',
  'callback.reschedule',
  'callback.cancel',
  'follow_up_rules.update',
  'settings.update',
  'user.create',
  'user.update',
  'department.create',
  'department.update',
  'comment_theme.create',
  'comment_theme.update',
  'indicators.drill_down',
  'indicators.export',
  'audit.purge',
  'audit.export',
  'import.upload',
  'import.run',
  'import.mapping_delete',
  /** The refused rows of an import (names, phones, patient numbers), as a page or the CSV. */
  'import.errors_read',
  /** The first rows of an upload checked against a mapping. */
  'import.preview',
  /** An upload abandoned before it was run (the job and its file removed). */
  'import.delete',
  'fhir_mapping.update',
  'fhir.read',
  'improvement.create',
  'improvement.update',
  'improvement.note',
  'indicator_target.update',
  'indicator_target.delete',
  /** A stored monthly assessment report replaced by a fresh one. */
  'report.regenerate',
  /** An admin sent a failed outreach message again. */
  'outreach.retry',
  /** A patient's reply opted out of a purpose: the consent is withdrawn (no staff actor). */
  'outreach.opt_out',
  /** A delivery receipt whose signature did not verify (its body is not kept). */
  'outreach.receipt_rejected',
  /** An admin saved the hospital's own text of a message template (kind and language in the detail, never the text). */
  'outreach.template_update',
  /** An admin put a message template back to the built-in text. */
  'outreach.template_reset',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number; username: string } | null;
  action: AuditAction;
  entityType: string;
  entityId: number | null;
  patientId: number | null;
  ip: string | null;
  /** What a search asked (masked) and found, as JSON; null for most actions. Never a full phone or name. */
  detail: string | null;
}

export interface AuditQuery {
  patientId?: number;
  actorId?: number;
  action?: AuditAction;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** One CSV export holds at most this many entries; a wider filter is refused (narrow the dates). */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
