import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The wait figures read the day/week/month histograms (`wait_histogram`, migration 1765956000000):
 * the monthly ones are no longer read, and keeping them cost every call one more write.
 */
export class DropWaitMonthly1765990000000 implements MigrationInterface {
  name = 'DropWaitMonthly1765990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE wait_monthly');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE wait_monthly (month varchar(7) NOT NULL, department_id integer NOT NULL, tenths integer NOT NULL,
         n integer NOT NULL, seconds bigint NOT NULL, above_tenth_n integer NOT NULL, PRIMARY KEY (month, department_id, tenths))`,
    );
    await queryRunner.query(
      `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, above_tenth_n)
       SELECT substr(checked_in_on, 1, 7), department_id, CAST(ROUND(wait_seconds / 6.0) AS integer), COUNT(*), SUM(wait_seconds),
              SUM(CASE WHEN wait_seconds > 6 * CAST(ROUND(wait_seconds / 6.0) AS integer) THEN 1 ELSE 0 END)
         FROM encounter WHERE wait_seconds IS NOT NULL
        GROUP BY 1, 2, 3`,
    );
  }
}
