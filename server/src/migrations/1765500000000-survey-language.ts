import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The patient's survey language (`patient.preferred_language`: set from their last answered survey
 * or on the patient form; null = follow the phone) and the language an invitation's link carries
 * (`survey_invitation.language`). Plain nullable ADD COLUMNs on both databases; the values are
 * checked by the API (`SURVEY_LANGUAGES`), so SQLite need not rebuild the tables for a CHECK.
 */
export class SurveyLanguage1765500000000 implements MigrationInterface {
  name = 'SurveyLanguage1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "patient" ADD COLUMN "preferred_language" varchar(2)`);
    await queryRunner.query(`ALTER TABLE "survey_invitation" ADD COLUMN "language" varchar(2)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_invitation" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "patient" DROP COLUMN "preferred_language"`);
  }
}
