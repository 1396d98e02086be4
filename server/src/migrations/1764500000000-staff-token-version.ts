import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `staff_user.token_version`: every access token carries it and a password reset or deactivation
 * increments it, which revokes the user's earlier tokens exactly (not to the second).
 */
export class StaffTokenVersion1764500000000 implements MigrationInterface {
  name = 'StaffTokenVersion1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff_user', new TableColumn({ name: 'token_version', type: 'integer', default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('staff_user', 'token_version');
  }
}
