import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The patient-search rate limit's counter (it counted audit rows before each search, so searches
 * sent at once all passed). Timestamps are spelled out here rather than taken from the
 * application's column helpers, so this migration never changes with the code.
 */
export class PatientSearchCount1765000000000 implements MigrationInterface {
  name = 'PatientSearchCount1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'patient_search_count',
        columns: [
          { name: 'user_id', type: 'integer', isPrimary: true },
          { name: 'window_start', type: ts },
          { name: 'searches', type: 'integer' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('patient_search_count');
  }
}
