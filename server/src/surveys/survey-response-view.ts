import { isNpsDetractor, type RatingDimension, type SurveyResponseSummary } from '@huifang/shared';
import type { SurveyResponseEntity } from './survey-response.entity';

/** Expects `patient`, `department`, `templateVersion` and `answers` loaded. */
/** `themes`: the comment's themes with their matched words (response_theme). */
export function toSurveyResponse(row: SurveyResponseEntity, recoveryCallbackId: number | null, themes: SurveyResponseSummary['themes']): SurveyResponseSummary {
  const ratings: Partial<Record<RatingDimension, number>> = {};
  for (const answer of row.answers ?? []) {
    if (answer.kind === 'rating' && answer.dimension && answer.valueNumber !== null) ratings[answer.dimension] = answer.valueNumber;
  }
  return {
    id: row.id,
    submittedAt: row.submittedAt.toISOString(),
    patientId: row.patientId,
    patientName: row.patient?.name ?? '',
    encounterId: row.encounterId,
    departmentId: row.departmentId,
    departmentName: row.department?.name ?? '',
    templateId: row.templateVersion?.templateId ?? 0,
    templateVersion: row.templateVersion?.version ?? 0,
    nps: row.nps,
    csat: row.csat,
    fft: row.fft,
    ratings,
    comment: row.comment,
    npsDetractor: isNpsDetractor(row.nps),
    needsRecovery: row.needsRecovery,
    recoveryCallbackId,
    themes,
  };
}
