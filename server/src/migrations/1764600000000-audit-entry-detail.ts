import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_entry.detail`: extra facts of an action as JSON (a patient search's masked query and result
 * count). A plain ADD COLUMN on both databases: SQLite need not rebuild the (large) audit table.
 */
export class AuditEntryDetail1764600000000 implements MigrationInterface {
  name = 'AuditEntryDetail1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD COLUMN "detail" varchar(500)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "detail"`);
  }
}
