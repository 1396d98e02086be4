import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The wait threshold became a hospital setting, so the monthly wait histograms must answer "how
 * many waits exceed T" for any whole-minute T. `over_n` (waits over the fixed 30 minutes) becomes
 * `above_tenth_n`: the waits in a tenth-of-a-minute bucket that are longer than the bucket's own
 * value (seconds > tenths × 6). Whole buckets above T × 10 are all over T; in the bucket at T × 10
 * exactly these are. Rebuilt from the encounters; SQL spelled out so it never changes with the code.
 */
export class WaitMonthlyAnyThreshold1765100000000 implements MigrationInterface {
  name = 'WaitMonthlyAnyThreshold1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE wait_monthly RENAME COLUMN over_n TO above_tenth_n');
    await queryRunner.query('DELETE FROM wait_monthly');
    await queryRunner.query(
      `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, above_tenth_n)
       SELECT substr(checked_in_on, 1, 7), department_id, CAST(ROUND(wait_seconds / 6.0) AS integer), COUNT(*), SUM(wait_seconds),
              SUM(CASE WHEN wait_seconds > 6 * CAST(ROUND(wait_seconds / 6.0) AS integer) THEN 1 ELSE 0 END)
         FROM encounter WHERE wait_seconds IS NOT NULL
        GROUP BY substr(checked_in_on, 1, 7), department_id, CAST(ROUND(wait_seconds / 6.0) AS integer)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE wait_monthly RENAME COLUMN above_tenth_n TO over_n');
    await queryRunner.query('DELETE FROM wait_monthly');
    await queryRunner.query(
      `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, over_n)
       SELECT substr(checked_in_on, 1, 7), department_id, CAST(ROUND(wait_seconds / 6.0) AS integer), COUNT(*), SUM(wait_seconds),
              SUM(CASE WHEN wait_seconds > 1800 THEN 1 ELSE 0 END)
         FROM encounter WHERE wait_seconds IS NOT NULL
        GROUP BY substr(checked_in_on, 1, 7), department_id, CAST(ROUND(wait_seconds / 6.0) AS integer)`,
    );
  }
}
