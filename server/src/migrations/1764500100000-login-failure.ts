import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Failed-login counters in the database (they lived in each process's memory): every instance sees
 * them, and a restart does not reset them. Timestamps are spelled out here rather than taken from
 * the application's column helpers, so this migration never changes with the code.
 */
export class LoginFailure1764500100000 implements MigrationInterface {
  name = 'LoginFailure1764500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.createTable(
      new Table({
        name: 'login_failure',
        columns: [
          { name: 'scope_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'failures', type: 'integer' },
          { name: 'first_failure_at', type: ts },
          { name: 'last_failure_at', type: ts },
          { name: 'locked_until', type: ts, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('login_failure', new TableIndex({ name: 'IDX_login_failure_last_failure_at', columnNames: ['last_failure_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_failure');
  }
}
