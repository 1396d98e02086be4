import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampTypeFor } from './support/timestamp-type';

/** The eight departments every install starts with (name, English name, code). */
const DEFAULT_DEPARTMENTS = [
  ['internal_medicine', '内科', 'Internal Medicine'],
  ['surgery', '外科', 'Surgery'],
  ['pediatrics', '儿科', 'Pediatrics'],
  ['obstetrics_gynecology', '妇产科', 'Obstetrics & Gynecology'],
  ['orthopedics', '骨科', 'Orthopedics'],
  ['ophthalmology', '眼科', 'Ophthalmology'],
  ['stomatology', '口腔科', 'Stomatology'],
  ['rehabilitation', '康复科', 'Rehabilitation Medicine'],
] as const;

/** Staff accounts, departments and server settings. Written with TypeORM's Table API to run on both databases. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = timestampTypeFor(queryRunner.connection.options.type);
    const now = ts === 'timestamptz' ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };

    await queryRunner.createTable(
      new Table({
        name: 'app_setting',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'updated_at', type: ts, default: now },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'staff_user',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '32', isUnique: true },
          { name: 'display_name', type: 'varchar', length: '64' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'password_changed_at', type: ts, default: now },
          { name: 'active', type: 'boolean', default: true },
          { name: 'last_login_at', type: ts, isNullable: true },
          { name: 'created_at', type: ts, default: now },
          { name: 'updated_at', type: ts, default: now },
        ],
        checks: [{ name: 'CHK_staff_user_role', expression: "role IN ('admin', 'quality_manager', 'front_desk')" }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'department',
        columns: [
          id,
          { name: 'code', type: 'varchar', length: '32', isUnique: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'name_en', type: 'varchar', length: '64' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_at', type: ts, default: now },
        ],
      }),
    );
    await queryRunner.createIndex('department', new TableIndex({ name: 'UQ_department_name', columnNames: ['name'], isUnique: true }));

    // Constant literals (no quotes inside), so one statement serves both databases.
    const rows = DEFAULT_DEPARTMENTS.map(([code, name, nameEn]) => `('${code}', '${name}', '${nameEn}')`);
    await queryRunner.query(`INSERT INTO department (code, name, name_en) VALUES ${rows.join(', ')}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('department');
    await queryRunner.dropTable('staff_user');
    await queryRunner.dropTable('app_setting');
  }
}
