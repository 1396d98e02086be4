import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `patient.latest_survey_detractor` follows the NPS alone (DOMAIN.md: at risk when the latest survey
 * answer was a detractor, NPS 0-6). It used to follow the service-recovery rule (also CSAT <= 2 or a
 * rating <= 2): recompute it from each patient's latest response.
 */
export class AtRiskByNps1764310000000 implements MigrationInterface {
  name = 'AtRiskByNps1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE patient SET latest_survey_detractor = COALESCE(
         (SELECT r.nps <= 6 FROM survey_response r WHERE r.patient_id = patient.id ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1),
         FALSE)`,
    );
  }

  async down(): Promise<void> {
    // The broader flag cannot be told apart afterwards; the NPS-only one stays.
  }
}
