import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `survey_response.detractor` held the service-recovery trigger (NPS <= 6, CSAT <= 2 or any rating
 * <= 2), not the NPS detractor (0-6) its name promised: the feedback list's "detractors" filter then
 * disagreed with the NPS figure. The column is renamed to what it means; NPS detractors are `nps <= 6`.
 * RENAME COLUMN is the same statement on PostgreSQL and SQLite (3.25+).
 */
export class ResponseNeedsRecovery1765200000000 implements MigrationInterface {
  name = 'ResponseNeedsRecovery1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE survey_response RENAME COLUMN detractor TO needs_recovery');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE survey_response RENAME COLUMN needs_recovery TO detractor');
  }
}
