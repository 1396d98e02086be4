import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Wait histograms by day, ISO week and month, per department and for all departments (0), in tenths
 * of a minute (encounters/wait-histogram.ts), filled from the encounters. SQL spelled out so it
 * never changes with the code.
 */

const TENTHS = 'CAST(ROUND(wait_seconds / 6.0) AS integer)';
const SQLITE_MONDAY = "date(checked_in_on, '-' || ((CAST(strftime('%w', checked_in_on) AS integer) + 6) % 7) || ' days')";
const POSTGRES_MONDAY = "to_char(date_trunc('week', CAST(checked_in_on AS date)), 'YYYY-MM-DD')";

function fill(monday: string): string[] {
  const firstDay = { day: 'checked_in_on', week: monday, month: "substr(checked_in_on, 1, 7) || '-01'" };
  return Object.entries(firstDay).flatMap(([span, first]) =>
    ['department_id', '0'].map(
      (department) =>
        `INSERT INTO wait_histogram (span, first_day, department_id, tenths, n, seconds, above_tenth_n)
         SELECT '${span}', ${first}, ${department}, ${TENTHS}, COUNT(*), SUM(wait_seconds), SUM(CASE WHEN wait_seconds > 6 * ${TENTHS} THEN 1 ELSE 0 END)
           FROM encounter WHERE wait_seconds IS NOT NULL GROUP BY 1, 2, 3, 4`,
    ),
  );
}

export class WaitHistogram1765956000000 implements MigrationInterface {
  name = 'WaitHistogram1765956000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      postgres
        ? `CREATE TABLE "wait_histogram" ("span" character varying(5) NOT NULL, "first_day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "tenths" integer NOT NULL, "n" integer NOT NULL, "seconds" bigint NOT NULL, "above_tenth_n" integer NOT NULL, CONSTRAINT "PK_f4a0a4d5695d70a1810d98b672e" PRIMARY KEY ("span", "department_id", "first_day", "tenths"))`
        : `CREATE TABLE "wait_histogram" ("span" varchar(5) NOT NULL, "first_day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "tenths" integer NOT NULL, "n" integer NOT NULL, "seconds" bigint NOT NULL, "above_tenth_n" integer NOT NULL, PRIMARY KEY ("span", "department_id", "first_day", "tenths")) WITHOUT ROWID`,
    );
    for (const sql of fill(postgres ? POSTGRES_MONDAY : SQLITE_MONDAY)) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "wait_histogram"');
  }
}
