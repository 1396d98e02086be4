import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `patient.erased_at`: when the patient's personal data was erased (PIPL art. 47); null while kept.
 * A plain ADD COLUMN on both databases (SQLite need not rebuild the patient table).
 */
export class PatientErasure1764602000000 implements MigrationInterface {
  name = 'PatientErasure1764602000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.query(`ALTER TABLE "patient" ADD COLUMN "erased_at" ${type}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "patient" DROP COLUMN "erased_at"`);
  }
}
