import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The "unmapped" department (where imported encounters wait for their FHIR code to be mapped) was
 * created active, so the desk could check patients into it. It is now created inactive and is no
 * mapping target: this closes the one already created, and unmaps any code pointed at it.
 * ('unmapped' is UNMAPPED_DEPARTMENT_CODE spelled out: migrations never change with the code.)
 */
export class UnmappedDepartmentInactive1765705000000 implements MigrationInterface {
  name = 'UnmappedDepartmentInactive1765705000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE department SET active = FALSE WHERE code = 'unmapped'`);
    await queryRunner.query(
      `UPDATE fhir_department_mapping SET department_id = NULL
        WHERE department_id IN (SELECT d.id FROM department d WHERE d.code = 'unmapped')`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: an inactive unmapped department is what every version expects.
  }
}
