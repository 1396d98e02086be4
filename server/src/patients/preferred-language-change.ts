import type { SurveyLanguage } from '@huifang/shared';
import type { AuditEvent } from '../audit/audit.service';

/**
 * The audit entry of a change of the patient's survey language made on the way (an invitation in a
 * chosen language, an answer in another): a `patient.update` like an edit of the record; none when
 * the language stays.
 */
export function preferredLanguageChange(patientId: number, before: SurveyLanguage | null, after: SurveyLanguage | null | undefined): AuditEvent | null {
  if (!after || after === before) return null;
  return { action: 'patient.update', entityType: 'patient', entityId: patientId, patientId, detail: `preferredLanguage: ${before ?? 'none'} → ${after}` };
}
