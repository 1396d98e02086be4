import type { EntityManager } from 'typeorm';
import { runRawSql, storedInstant } from '../core/database/raw-sql';
import type { SurveyInvitationEntity } from './survey-invitation.entity';

export type InvitationForLink = Pick<SurveyInvitationEntity, 'id' | 'encounterId' | 'patientId' | 'departmentId' | 'templateVersionId' | 'expiresAt' | 'usedAt'>;

/**
 * The link's invitation by the hash of its token, as plain SQL (one prepared statement, reused): it
 * opens every public survey request, the busiest of them the submit (#12).
 */
export async function invitationByTokenHash(manager: EntityManager, tokenHash: string): Promise<InvitationForLink | null> {
  const rows = (await runRawSql(
    manager,
    'SELECT id, encounter_id, patient_id, department_id, template_version_id, expires_at, used_at FROM survey_invitation WHERE token_hash = $1',
    [tokenHash],
  )) as { id: number; encounter_id: number; patient_id: number; department_id: number; template_version_id: number; expires_at: Date | string; used_at: Date | string | null }[];
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    encounterId: row.encounter_id,
    patientId: row.patient_id,
    departmentId: row.department_id,
    templateVersionId: row.template_version_id,
    expiresAt: storedInstant(row.expires_at),
    usedAt: row.used_at === null ? null : storedInstant(row.used_at),
  };
}
