import type { EntityManager } from 'typeorm';
import type { CommentSentiment, QuestionKind, RatingDimension, SurveyLanguage } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';

/*
 * The statements of a survey submission, as plain SQL with bound values. The public submit is the
 * busiest write (#12: ≥ 1,000/s): TypeORM's entity operations build each statement anew and inline
 * ids into its text, so better-sqlite3 prepares every one again; these texts are constant (one per
 * number of answers), so their prepared statements are reused. Same SQL on both databases.
 */

/** The patient as a submission needs them; on PostgreSQL the row is locked (see PublicSurveysService.submit). */
export async function lockPatientForSubmit(
  manager: EntityManager,
  patientId: number,
): Promise<{ erased: boolean; preferredLanguage: SurveyLanguage | null } | null> {
  const lock = manager.connection.options.type === 'postgres' ? ' FOR UPDATE' : '';
  const rows = (await runRawSql(manager, `SELECT erased_at, preferred_language FROM patient WHERE id = $1${lock}`, [patientId])) as {
    erased_at: unknown;
    preferred_language: SurveyLanguage | null;
  }[];
  const row = rows[0];
  return row ? { erased: row.erased_at !== null, preferredLanguage: row.preferred_language } : null;
}

/** Marks the link used unless it already is or has expired: of two submits at once, one claims it. */
export async function claimInvitation(manager: EntityManager, invitationId: number, now: Date): Promise<boolean> {
  const result = (await runRawSql(manager, 'UPDATE survey_invitation SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND expires_at > $3 RETURNING id', [
    now,
    invitationId,
    now,
  ])) as unknown[];
  // TypeORM answers an UPDATE on PostgreSQL with [rows, count], on SQLite with the rows RETURNING gave.
  const rows = manager.connection.options.type === 'postgres' ? (result[0] as unknown[]) : result;
  return rows.length === 1;
}

export interface NewResponse {
  invitationId: number;
  encounterId: number;
  patientId: number;
  departmentId: number;
  templateVersionId: number;
  submittedAt: Date;
  submittedOn: string;
  nps: number | null;
  csat: number | null;
  needsRecovery: boolean;
  comment: string | null;
  language: SurveyLanguage;
  /** The comment's sentiment and the tagger version that read it (themes/response-tags.ts); null without tags. */
  commentSentiment: CommentSentiment | null;
  taggerVersion: string | null;
}

/** Inserts the response row; its id. */
export async function insertResponse(manager: EntityManager, r: NewResponse): Promise<number> {
  const rows = (await runRawSql(
    manager,
    `INSERT INTO survey_response (invitation_id, encounter_id, patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, csat, needs_recovery, comment, language, comment_sentiment, tagger_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [r.invitationId, r.encounterId, r.patientId, r.departmentId, r.templateVersionId, r.submittedAt, r.submittedOn, r.nps, r.csat, r.needsRecovery, r.comment, r.language, r.commentSentiment, r.taggerVersion],
  )) as { id: number }[];
  return Number(rows[0]?.id);
}

export interface NewAnswer {
  questionId: string;
  kind: QuestionKind;
  dimension: RatingDimension | null;
  valueNumber: number | null;
  valueText: string | null;
}

const ANSWER_COLUMNS = 5;

/** All the answers of one response in one multi-row INSERT. */
export async function insertAnswers(manager: EntityManager, responseId: number, answers: readonly NewAnswer[]): Promise<void> {
  if (answers.length === 0) return;
  const rows = answers.map((_, i) => {
    const at = 1 + i * (ANSWER_COLUMNS + 1);
    return `($${at}, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5})`;
  });
  const params = answers.flatMap((a) => [responseId, a.questionId, a.kind, a.dimension, a.valueNumber, a.valueText]);
  await runRawSql(manager, `INSERT INTO survey_answer (response_id, question_id, kind, dimension, value_number, value_text) VALUES ${rows.join(', ')}`, params);
}

/** At risk follows the latest NPS; the language the patient answered in becomes that of their next links. */
export async function updatePatientAfterSurvey(manager: EntityManager, patientId: number, detractor: boolean, language: SurveyLanguage | null): Promise<void> {
  await runRawSql(
    manager,
    'UPDATE patient SET latest_survey_detractor = $1, preferred_language = COALESCE($2, preferred_language), updated_at = CURRENT_TIMESTAMP WHERE id = $3',
    [detractor, language, patientId],
  );
}
