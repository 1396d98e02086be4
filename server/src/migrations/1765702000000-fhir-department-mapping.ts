import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The FHIR department mapping table: a code system and code (from an imported Encounter) and the
 * department it stands for, null until an admin maps it. Types spelled out here, so this migration
 * never changes with the code.
 */
export class FhirDepartmentMapping1765702000000 implements MigrationInterface {
  name = 'FhirDepartmentMapping1765702000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.createTable(
      new Table({
        name: 'fhir_department_mapping',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'system', type: 'varchar', length: '255' },
          { name: 'code', type: 'varchar', length: '255' },
          { name: 'display', type: 'varchar', length: '200', isNullable: true },
          { name: 'department_id', type: 'integer', isNullable: true },
          {
            name: 'created_at',
            type: postgres ? 'timestamptz' : 'datetime',
            default: postgres ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))",
          },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['department_id'], referencedTableName: 'department', referencedColumnNames: ['id'] })],
        indices: [new TableIndex({ name: 'UQ_fhir_department_mapping_code', columnNames: ['system', 'code'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('fhir_department_mapping');
  }
}
