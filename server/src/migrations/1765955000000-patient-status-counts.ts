import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The relationship-status rollup (patients/status-rollup.ts): patients counted per key (latest
 * department, due date of the outstanding return or '', detractor), the journal, and the triggers
 * that journal every change of a patient's key in the transaction that makes it. The key needs no
 * time zone, so the counts are filled here from the patients. SQL spelled out so it never changes
 * with the code. A later migration that rebuilds `patient` on SQLite (TypeORM copies it into a new
 * table) drops these triggers and must create them again: the server refuses to start without them.
 */

const DEPARTMENT = (r: string) => `COALESCE(${r}.last_department_id, 0)`;
const DUE_ON = (r: string) =>
  `CASE WHEN ${r}.next_visit_due IS NOT NULL AND (${r}.last_visit_on IS NULL OR ${r}.last_visit_on < ${r}.next_visit_due) THEN ${r}.next_visit_due ELSE '' END`;
const key = (r: string) => `${DEPARTMENT(r)}, ${DUE_ON(r)}, ${r}.latest_survey_detractor`;
const row = (sign: number, r: 'NEW' | 'OLD') => `(${sign}, ${key(r)})`;
const JOURNAL_COLUMNS = 'sign, department_id, due_on, detractor';
const KEY_COLUMNS = ['last_department_id', 'next_visit_due', 'last_visit_on', 'latest_survey_detractor'];
const sameKey = (distinct: string) =>
  `${DEPARTMENT('OLD')} ${distinct} ${DEPARTMENT('NEW')} AND (${DUE_ON('OLD')}) ${distinct} (${DUE_ON('NEW')}) AND OLD.latest_survey_detractor ${distinct} NEW.latest_survey_detractor`;
const FILL = `INSERT INTO patient_status_counts (department_id, due_on, detractor, n) SELECT ${key('p')}, COUNT(*) FROM patient p GROUP BY 1, 2, 3`;

const SQLITE = [
  `CREATE TABLE "patient_status_counts" ("department_id" integer NOT NULL, "due_on" varchar(10) NOT NULL, "detractor" boolean NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("department_id", "due_on", "detractor"))`,
  `CREATE TABLE "patient_status_journal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sign" integer NOT NULL, "department_id" integer NOT NULL, "due_on" varchar(10) NOT NULL, "detractor" boolean NOT NULL)`,
  `CREATE TRIGGER patient_status_insert AFTER INSERT ON patient BEGIN
     INSERT INTO patient_status_journal (${JOURNAL_COLUMNS}) VALUES ${row(1, 'NEW')};
   END`,
  `CREATE TRIGGER patient_status_update AFTER UPDATE OF ${KEY_COLUMNS.join(', ')} ON patient
   WHEN NOT (${sameKey('IS')})
   BEGIN
     INSERT INTO patient_status_journal (${JOURNAL_COLUMNS}) VALUES ${row(-1, 'OLD')}, ${row(1, 'NEW')};
   END`,
  `CREATE TRIGGER patient_status_delete AFTER DELETE ON patient BEGIN
     INSERT INTO patient_status_journal (${JOURNAL_COLUMNS}) VALUES ${row(-1, 'OLD')};
   END`,
  FILL,
];

const POSTGRES = [
  `CREATE TABLE "patient_status_counts" ("department_id" integer NOT NULL, "due_on" character varying(10) NOT NULL, "detractor" boolean NOT NULL, "n" integer NOT NULL, CONSTRAINT "PK_3489deb38e8d8a8999a93a17e2b" PRIMARY KEY ("department_id", "due_on", "detractor"))`,
  `CREATE TABLE "patient_status_journal" ("id" SERIAL NOT NULL, "sign" integer NOT NULL, "department_id" integer NOT NULL, "due_on" character varying(10) NOT NULL, "detractor" boolean NOT NULL, CONSTRAINT "PK_d36bb9604b5081553c2b7fabe62" PRIMARY KEY ("id"))`,
  `CREATE FUNCTION patient_status_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND ${sameKey('IS NOT DISTINCT FROM')} THEN
       RETURN NULL;
     END IF;
     IF TG_OP <> 'INSERT' THEN
       INSERT INTO patient_status_journal (${JOURNAL_COLUMNS}) VALUES ${row(-1, 'OLD')};
     END IF;
     IF TG_OP <> 'DELETE' THEN
       INSERT INTO patient_status_journal (${JOURNAL_COLUMNS}) VALUES ${row(1, 'NEW')};
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER patient_status AFTER INSERT OR DELETE OR UPDATE OF ${KEY_COLUMNS.join(', ')} ON patient
   FOR EACH ROW EXECUTE FUNCTION patient_status_journal_row()`,
  FILL,
];

export class PatientStatusCounts1765955000000 implements MigrationInterface {
  name = 'PatientStatusCounts1765955000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP TRIGGER patient_status ON patient');
      await queryRunner.query('DROP FUNCTION patient_status_journal_row()');
    } else {
      for (const name of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER patient_status_${name}`);
    }
    for (const table of ['patient_status_journal', 'patient_status_counts']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
