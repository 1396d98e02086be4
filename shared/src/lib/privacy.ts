import type { AuditEntry } from './audit';
import type { Patient } from './patients';

/**
 * Why a patient's personal data is erased: the grounds for deletion of PIPL art. 47. A fixed list,
 * not free text, so the audit entry of an erasure cannot itself carry the erased person's details.
 */
export const ERASURE_REASONS = ['patient_request', 'consent_withdrawn', 'purpose_fulfilled', 'retention_expired', 'unlawful_processing'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export interface ErasePatientRequest {
  reason: ErasureReason;
}

/** The answer to an erasure; asking again changes nothing and answers `alreadyErased: true`. */
export interface PatientErasure {
  patientId: number;
  erasedAt: string;
  alreadyErased: boolean;
  cancelledCallbacks: number;
  revokedInvitations: number;
}

/** A stored row as JSON: column names in camelCase, instants as ISO strings. */
export type ExportedRow = Record<string, string | number | boolean | null>;

/** Everything stored about one patient (PIPL art. 45, right of access and portability). */
export interface PatientExport {
  exportedAt: string;
  patient: Patient;
  transitions: ExportedRow[];
  encounters: ExportedRow[];
  surveyInvitations: ExportedRow[];
  surveyResponses: { response: ExportedRow; answers: ExportedRow[] }[];
  callbacks: { callback: ExportedRow; attempts: ExportedRow[] }[];
  auditEntries: AuditEntry[];
}
