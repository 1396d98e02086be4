import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampTypeFor } from './support/timestamp-type';

/*
 * Import of the hospital's history from its HIS (#11): import jobs with their row errors, saved
 * column mappings, the source identifiers that make imports idempotent, and on the encounter its
 * charge and the job that brought it. An imported patient may have no mobile number (phone ''):
 * the unique (phone, name) index becomes partial so two such namesakes can both exist.
 * The value lists of the CHECK constraints are frozen copies (migrations import nothing from the app).
 */
const FORMATS = `'csv', 'xlsx', 'fhir'`;
const STATUSES = `'uploaded', 'running', 'done', 'failed'`;
const PROBLEMS = [
  'missing_field', 'bad_phone', 'bad_gender', 'bad_date', 'bad_time', 'bad_charge', 'too_long', 'unknown_department',
  'times_out_of_order', 'time_in_future', 'next_visit_not_after_visit', 'duplicate_visit_number', 'patient_conflict',
  'unknown_patient', 'unresolved_reference', 'invalid_resource', 'control_characters',
].map((p) => `'${p}'`).join(', ');

export class HistoryImport1765700000000 implements MigrationInterface {
  name = 'HistoryImport1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const driver = queryRunner.connection.options.type;
    const ts = timestampTypeFor(driver);
    const now = driver === 'postgres' ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    const staffFk = (column: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'staff_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' });
    await queryRunner.createTable(
      new Table({
        name: 'import_job',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'format', type: 'varchar', length: '10' },
          { name: 'file_name', type: 'varchar', length: '255' },
          { name: 'file_path', type: 'varchar', length: '1000' },
          { name: 'encoding', type: 'varchar', length: '10', isNullable: true },
          { name: 'mapping_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'created_by', type: 'integer', isNullable: true },
          { name: 'created_at', type: ts, default: now },
          { name: 'started_at', type: ts, isNullable: true },
          { name: 'finished_at', type: ts, isNullable: true },
          { name: 'bytes_done', type: 'bigint', default: 0 },
          { name: 'bytes_total', type: 'bigint', default: 0 },
          { name: 'rows_done', type: 'integer', default: 0 },
          { name: 'summary', type: 'text', isNullable: true },
        ],
        checks: [{ expression: `format IN (${FORMATS})` }, { expression: `status IN (${STATUSES})` }],
        indices: [new TableIndex({ name: 'IDX_import_job_created', columnNames: ['created_at', 'id'] })],
        foreignKeys: [staffFk('created_by')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'import_row_error',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'job_id', type: 'integer' },
          { name: 'row', type: 'integer' },
          { name: 'field', type: 'varchar', length: '100', isNullable: true },
          { name: 'problem', type: 'varchar', length: '40' },
          { name: 'value', type: 'varchar', length: '100', isNullable: true },
        ],
        checks: [{ expression: `problem IN (${PROBLEMS})` }],
        indices: [new TableIndex({ name: 'IDX_import_row_error_job_row', columnNames: ['job_id', 'row', 'id'] })],
        foreignKeys: [new TableForeignKey({ columnNames: ['job_id'], referencedTableName: 'import_job', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'import_mapping',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '50', isUnique: true },
          { name: 'mapping', type: 'text' },
          { name: 'updated_at', type: ts },
          { name: 'updated_by', type: 'integer', isNullable: true },
        ],
        foreignKeys: [staffFk('updated_by')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'source_identifier',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'source_key', type: 'varchar', length: '255' },
          { name: 'entity_id', type: 'integer' },
        ],
        checks: [{ expression: `kind IN ('patient', 'encounter')` }],
        indices: [
          new TableIndex({ name: 'UQ_source_identifier_key', columnNames: ['kind', 'source_key'], isUnique: true }),
          new TableIndex({ name: 'IDX_source_identifier_entity', columnNames: ['kind', 'entity_id'] }),
        ],
      }),
    );
    await queryRunner.addColumns('encounter', [
      new TableColumn({ name: 'charge_cents', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'import_job_id', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.createForeignKey(
      'encounter',
      new TableForeignKey({ columnNames: ['import_job_id'], referencedTableName: 'import_job', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
    );
    await queryRunner.query('DROP INDEX "UQ_patient_phone_name"');
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_patient_phone_name" ON "patient" ("phone", "name") WHERE phone <> ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "UQ_patient_phone_name"');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_patient_phone_name" ON "patient" ("phone", "name")');
    const encounter = await queryRunner.getTable('encounter');
    const fk = encounter?.foreignKeys.find((key) => key.columnNames.includes('import_job_id'));
    if (fk) await queryRunner.dropForeignKey('encounter', fk);
    await queryRunner.dropColumn('encounter', 'import_job_id');
    await queryRunner.dropColumn('encounter', 'charge_cents');
    await queryRunner.dropTable('source_identifier');
    await queryRunner.dropTable('import_mapping');
    await queryRunner.dropTable('import_row_error');
    await queryRunner.dropTable('import_job');
  }
}
