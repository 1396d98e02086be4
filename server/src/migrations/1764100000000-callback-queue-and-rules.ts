import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampTypeFor } from './support/timestamp-type';

/** Claims, attempts and rule provenance on callbacks; the follow-up rules table with DOMAIN.md's defaults. */
export class CallbackQueueAndRules1764100000000 implements MigrationInterface {
  name = 'CallbackQueueAndRules1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const ts = timestampTypeFor(queryRunner.connection.options.type);
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    // Plain ALTER TABLE: TypeORM's SQLite addColumn rebuilds the table, which foreign keys forbid.
    for (const column of [
      'department_id integer',
      'expected_on varchar(10)',
      'source_key varchar(80)',
      'claimed_by integer',
      `claimed_at ${ts}`,
      `claim_expires_at ${ts}`,
      'attempt_count integer NOT NULL DEFAULT 0',
      'outcome varchar(20)',
      'cancel_reason varchar(200)',
      'note varchar(500)',
      'created_by integer',
    ]) {
      await queryRunner.query(`ALTER TABLE callback ADD COLUMN ${column}`);
    }
    await queryRunner.query("UPDATE callback SET source_key = 'response:' || survey_response_id WHERE survey_response_id IS NOT NULL");
    // Rule firing is idempotent because the database refuses a second callback for one trigger.
    // NULL keys (manual callbacks) never collide.
    await queryRunner.createIndex('callback', new TableIndex({ name: 'UQ_callback_kind_source', columnNames: ['kind', 'source_key'], isUnique: true }));
    await queryRunner.createIndex('callback', new TableIndex({ name: 'IDX_callback_due', columnNames: ['due_at'] }));

    await queryRunner.createTable(
      new Table({
        name: 'callback_attempt',
        columns: [
          id,
          { name: 'callback_id', type: 'integer' },
          { name: 'at', type: ts },
          { name: 'staff_id', type: 'integer', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '20' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_attempt_callback', columnNames: ['callback_id'] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['callback_id'], referencedTableName: 'callback', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['staff_id'], referencedTableName: 'staff_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'follow_up_rule',
        columns: [
          { name: 'key', type: 'varchar', length: '30', isPrimary: true },
          { name: 'enabled', type: 'boolean' },
          { name: 'offset_value', type: 'integer' },
          { name: 'unit', type: 'varchar', length: '5' },
          { name: 'priority', type: 'varchar', length: '10' },
        ],
      }),
    );
    for (const rule of DEFAULT_FOLLOW_UP_RULES) {
      await queryRunner.query(
        `INSERT INTO follow_up_rule (key, enabled, offset_value, unit, priority) VALUES ('${rule.key}', ${postgres ? 'true' : '1'}, ${rule.offset}, '${rule.unit}', '${rule.priority}')`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('follow_up_rule');
    await queryRunner.dropTable('callback_attempt');
    await queryRunner.dropIndex('callback', 'IDX_callback_due');
    await queryRunner.dropIndex('callback', 'UQ_callback_kind_source');
    for (const column of ['created_by', 'note', 'cancel_reason', 'outcome', 'attempt_count', 'claim_expires_at', 'claimed_at', 'claimed_by', 'source_key', 'expected_on', 'department_id']) {
      await queryRunner.query(`ALTER TABLE callback DROP COLUMN ${column}`);
    }
  }
}

/** DOMAIN.md's default follow-up rules as this migration installs them (a frozen copy of callbacks/default-rules.ts). */
const DEFAULT_FOLLOW_UP_RULES = [
  { key: 'post_treatment', offset: 3, unit: 'days', priority: 'normal' },
  { key: 'rehab_check', offset: 30, unit: 'days', priority: 'normal' },
  { key: 'revisit_reminder', offset: 3, unit: 'days', priority: 'normal' },
  { key: 'missed_revisit', offset: 7, unit: 'days', priority: 'normal' },
  { key: 'service_recovery', offset: 24, unit: 'hours', priority: 'high' },
] as const;
