import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampTypeFor } from './support/timestamp-type';

/** Patients with consent, their append-only stage history, encounters, and the audit log. */
export class PatientsEncountersAudit1763990000000 implements MigrationInterface {
  name = 'PatientsEncountersAudit1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampTypeFor(queryRunner.connection.options.type);
    const now = ts === 'timestamptz' ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    const day = (name: string, nullable = true) => ({ name, type: 'varchar', length: '10', isNullable: nullable });
    const staffFk = (column: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'staff_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' });

    await queryRunner.createTable(
      new Table({
        name: 'patient',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'phone', type: 'varchar', length: '11' },
          { name: 'gender', type: 'varchar', length: '10', default: "'unknown'" },
          day('birth_date'),
          { name: 'note', type: 'text', isNullable: true },
          { name: 'stage', type: 'varchar', length: '20' },
          { name: 'stage_since', type: ts },
          day('last_visit_on'),
          day('next_visit_due'),
          { name: 'last_department_id', type: 'integer', isNullable: true },
          { name: 'consent_calls', type: 'boolean', isNullable: true },
          { name: 'consent_calls_at', type: ts, isNullable: true },
          { name: 'consent_calls_by', type: 'integer', isNullable: true },
          { name: 'consent_surveys', type: 'boolean', isNullable: true },
          { name: 'consent_surveys_at', type: ts, isNullable: true },
          { name: 'consent_surveys_by', type: 'integer', isNullable: true },
          { name: 'created_by', type: 'integer', isNullable: true },
          { name: 'created_at', type: ts, default: now },
          { name: 'updated_at', type: ts, default: now },
        ],
        checks: [
          { name: 'CHK_patient_stage', expression: "stage IN ('first_visit', 'treatment', 'rehabilitation', 'follow_up')" },
        ],
        indices: [
          new TableIndex({ name: 'UQ_patient_phone_name', columnNames: ['phone', 'name'], isUnique: true }),
          new TableIndex({ name: 'IDX_patient_name', columnNames: ['name'] }),
          new TableIndex({ name: 'IDX_patient_phone', columnNames: ['phone'] }),
          new TableIndex({ name: 'IDX_patient_stage', columnNames: ['stage'] }),
          new TableIndex({ name: 'IDX_patient_next_visit_due', columnNames: ['next_visit_due'] }),
          new TableIndex({ name: 'IDX_patient_last_department', columnNames: ['last_department_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['last_department_id'], referencedTableName: 'department', referencedColumnNames: ['id'] }),
          staffFk('consent_calls_by'),
          staffFk('consent_surveys_by'),
          staffFk('created_by'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'encounter',
        columns: [
          id,
          { name: 'patient_id', type: 'integer' },
          { name: 'department_id', type: 'integer' },
          { name: 'clinician', type: 'varchar', length: '50', isNullable: true },
          { name: 'checked_in_at', type: ts },
          day('checked_in_on', false),
          { name: 'called_at', type: ts, isNullable: true },
          { name: 'finished_at', type: ts, isNullable: true },
          day('next_visit_due'),
          { name: 'created_by', type: 'integer', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_encounter_patient_checked_in', columnNames: ['patient_id', 'checked_in_at'] }),
          new TableIndex({ name: 'IDX_encounter_department_checked_in', columnNames: ['department_id', 'checked_in_at'] }),
          new TableIndex({ name: 'IDX_encounter_checked_in_at', columnNames: ['checked_in_at'] }),
          // At most one open encounter per patient and department, enforced by the database.
          new TableIndex({
            name: 'UQ_encounter_open_per_department',
            columnNames: ['patient_id', 'department_id'],
            isUnique: true,
            where: 'finished_at IS NULL',
          }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['patient_id'], referencedTableName: 'patient', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['department_id'], referencedTableName: 'department', referencedColumnNames: ['id'] }),
          staffFk('created_by'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'stage_transition',
        columns: [
          id,
          { name: 'patient_id', type: 'integer' },
          { name: 'from_stage', type: 'varchar', length: '20', isNullable: true },
          { name: 'to_stage', type: 'varchar', length: '20' },
          { name: 'at', type: ts },
          { name: 'by_id', type: 'integer', isNullable: true },
          { name: 'reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'encounter_id', type: 'integer', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_stage_transition_patient_at', columnNames: ['patient_id', 'at'] }),
          new TableIndex({ name: 'IDX_stage_transition_at', columnNames: ['at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['patient_id'], referencedTableName: 'patient', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['encounter_id'], referencedTableName: 'encounter', referencedColumnNames: ['id'] }),
          staffFk('by_id'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          id,
          { name: 'at', type: ts },
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '40' },
          { name: 'entity_type', type: 'varchar', length: '40' },
          { name: 'entity_id', type: 'integer', isNullable: true },
          { name: 'patient_id', type: 'integer', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_entry_at', columnNames: ['at'] }),
          new TableIndex({ name: 'IDX_audit_entry_patient_at', columnNames: ['patient_id', 'at'] }),
          new TableIndex({ name: 'IDX_audit_entry_actor_at', columnNames: ['actor_id', 'at'] }),
        ],
        foreignKeys: [staffFk('actor_id')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entry');
    await queryRunner.dropTable('stage_transition');
    await queryRunner.dropTable('encounter');
    await queryRunner.dropTable('patient');
  }
}
