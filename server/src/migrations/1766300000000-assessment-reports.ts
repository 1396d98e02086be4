import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The archive of monthly assessment reports (issue #15, reports/): each stored report frozen as JSON,
 * one per month and department (0 = the whole hospital), so the schedule of two instances stores it
 * once (insert-or-ignore on the unique key). SQL frozen here.
 */
export class AssessmentReports1766300000000 implements MigrationInterface {
  name = 'AssessmentReports1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE TABLE "assessment_report" ("id" SERIAL NOT NULL, "month" character varying(7) NOT NULL, "department_id" integer NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "generated_by" integer, "report" text NOT NULL, CONSTRAINT "PK_441abaf982dbcca3e921ad7c049" PRIMARY KEY ("id"))`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "assessment_report" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "month" varchar(7) NOT NULL, "department_id" integer NOT NULL, "generated_at" datetime NOT NULL, "generated_by" integer, "report" text NOT NULL)`,
      );
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_assessment_report_month_department" ON "assessment_report" ("month", "department_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_assessment_report_month_department"`);
    await queryRunner.query(`DROP TABLE "assessment_report"`);
  }
}
