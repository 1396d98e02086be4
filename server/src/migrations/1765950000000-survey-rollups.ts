import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The satisfaction rollup (indicators/rollups/survey-rollup.ts): `survey_daily`, its journal, and
 * the triggers on `survey_response` and `survey_invitation` that journal every change to their
 * figures in the transaction that makes it. The table starts empty and `rollup_state` has no
 * 'survey' row: the server, which knows the hospital's time zone, builds the rollup at its next
 * start. SQL spelled out so it never changes with the code (the score columns follow SCALE in
 * shared/: NPS 0-10, CSAT 1-5). A later migration that rebuilds either table on SQLite drops these
 * triggers and must create them again: the server refuses to start without them.
 */

const NPS = Array.from({ length: 11 }, (_, v) => `nps_${v}`);
const CSAT = [1, 2, 3, 4, 5].map((v) => `csat_${v}`);
const FIGURES = ['responses', ...NPS, ...CSAT, 'invitations', 'answered'];

const JOURNAL_COLUMNS = 'sign, day, created_at, department_id, template_version_id, nps, csat, invited, answered';
type Row = 'NEW' | 'OLD';
/** A response's scores on its submission day. */
const responseRow = (sign: number, r: Row) => `(${sign}, ${r}.submitted_on, NULL, ${r}.department_id, ${r}.template_version_id, ${r}.nps, ${r}.csat, 0, 0)`;
/** The response answers its invitation: `answered` on the invitation's creation day. */
const answeredSelect = (sign: number, r: Row) =>
  `SELECT ${sign}, NULL, i.created_at, i.department_id, i.template_version_id, NULL, NULL, 0, 1 FROM survey_invitation i WHERE i.id = ${r}.invitation_id`;
/** An invitation, and whether a response answers it. */
const invitationRow = (sign: number, r: Row) =>
  `(${sign}, NULL, ${r}.created_at, ${r}.department_id, ${r}.template_version_id, NULL, NULL, 1,
    CASE WHEN EXISTS (SELECT 1 FROM survey_response a WHERE a.invitation_id = ${r}.id) THEN 1 ELSE 0 END)`;
/** The columns the figures read; an update leaving all of them alone journals nothing. */
const RESPONSE_COLUMNS = ['submitted_on', 'department_id', 'template_version_id', 'nps', 'csat', 'invitation_id'];
const INVITATION_COLUMNS = ['created_at', 'department_id', 'template_version_id'];
const changed = (columns: string[], isNot: string) => columns.map((c) => `OLD.${c} ${isNot} NEW.${c}`);
const insertJournal = `INSERT INTO survey_rollup_journal (${JOURNAL_COLUMNS})`;

const SQLITE = [
  `CREATE TABLE "survey_daily" ("day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "template_id" integer NOT NULL, ${FIGURES.map((c) => `"${c}" integer NOT NULL`).join(', ')}, PRIMARY KEY ("day", "department_id", "template_id"))`,
  `CREATE TABLE "survey_rollup_journal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sign" integer NOT NULL, "day" varchar(10), "created_at" datetime, "department_id" integer NOT NULL, "template_version_id" integer NOT NULL, "nps" integer, "csat" integer, "invited" integer NOT NULL, "answered" integer NOT NULL)`,
  `CREATE TRIGGER survey_rollup_response_insert AFTER INSERT ON survey_response BEGIN
     ${insertJournal} VALUES ${responseRow(1, 'NEW')};
     ${insertJournal} ${answeredSelect(1, 'NEW')};
   END`,
  `CREATE TRIGGER survey_rollup_response_update AFTER UPDATE OF ${RESPONSE_COLUMNS.join(', ')} ON survey_response
   WHEN ${changed(RESPONSE_COLUMNS, 'IS NOT').join(' OR ')}
   BEGIN
     ${insertJournal} VALUES ${responseRow(-1, 'OLD')}, ${responseRow(1, 'NEW')};
     ${insertJournal} ${answeredSelect(-1, 'OLD')};
     ${insertJournal} ${answeredSelect(1, 'NEW')};
   END`,
  `CREATE TRIGGER survey_rollup_response_delete AFTER DELETE ON survey_response BEGIN
     ${insertJournal} VALUES ${responseRow(-1, 'OLD')};
     ${insertJournal} ${answeredSelect(-1, 'OLD')};
   END`,
  `CREATE TRIGGER survey_rollup_invitation_insert AFTER INSERT ON survey_invitation BEGIN
     ${insertJournal} VALUES ${invitationRow(1, 'NEW')};
   END`,
  `CREATE TRIGGER survey_rollup_invitation_update AFTER UPDATE OF ${INVITATION_COLUMNS.join(', ')} ON survey_invitation
   WHEN ${changed(INVITATION_COLUMNS, 'IS NOT').join(' OR ')}
   BEGIN
     ${insertJournal} VALUES ${invitationRow(-1, 'OLD')}, ${invitationRow(1, 'NEW')};
   END`,
  `CREATE TRIGGER survey_rollup_invitation_delete AFTER DELETE ON survey_invitation BEGIN
     ${insertJournal} VALUES ${invitationRow(-1, 'OLD')};
   END`,
];

/** One trigger function per table: -OLD unless an insert, +NEW unless a delete. */
const postgresFunction = (table: string, columns: string[], journal: (sign: number, r: Row) => string) => `
  CREATE FUNCTION ${table}_rollup_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND ${changed(columns, 'IS NOT DISTINCT FROM').join(' AND ')} THEN
      RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      ${journal(-1, 'OLD')}
    END IF;
    IF TG_OP <> 'DELETE' THEN
      ${journal(1, 'NEW')}
    END IF;
    RETURN NULL;
  END $$`;

const POSTGRES = [
  `CREATE TABLE "survey_daily" ("day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "template_id" integer NOT NULL, ${FIGURES.map((c) => `"${c}" integer NOT NULL`).join(', ')}, CONSTRAINT "PK_4e73c14bfea365f7b542c5ffdfa" PRIMARY KEY ("day", "department_id", "template_id"))`,
  `CREATE TABLE "survey_rollup_journal" ("id" SERIAL NOT NULL, "sign" integer NOT NULL, "day" character varying(10), "created_at" TIMESTAMP WITH TIME ZONE, "department_id" integer NOT NULL, "template_version_id" integer NOT NULL, "nps" integer, "csat" integer, "invited" integer NOT NULL, "answered" integer NOT NULL, CONSTRAINT "PK_1b0c69f11268cbb64c805e0a7e4" PRIMARY KEY ("id"))`,
  postgresFunction('survey_response', RESPONSE_COLUMNS, (sign, r) => `${insertJournal} VALUES ${responseRow(sign, r)}; ${insertJournal} ${answeredSelect(sign, r)};`),
  `CREATE TRIGGER survey_response_rollup AFTER INSERT OR DELETE OR UPDATE OF ${RESPONSE_COLUMNS.join(', ')} ON survey_response
   FOR EACH ROW EXECUTE FUNCTION survey_response_rollup_journal_row()`,
  postgresFunction('survey_invitation', INVITATION_COLUMNS, (sign, r) => `${insertJournal} VALUES ${invitationRow(sign, r)};`),
  `CREATE TRIGGER survey_invitation_rollup AFTER INSERT OR DELETE OR UPDATE OF ${INVITATION_COLUMNS.join(', ')} ON survey_invitation
   FOR EACH ROW EXECUTE FUNCTION survey_invitation_rollup_journal_row()`,
];

export class SurveyRollups1765950000000 implements MigrationInterface {
  name = 'SurveyRollups1765950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      for (const table of ['survey_response', 'survey_invitation']) {
        await queryRunner.query(`DROP TRIGGER ${table}_rollup ON ${table}`);
        await queryRunner.query(`DROP FUNCTION ${table}_rollup_journal_row()`);
      }
    } else {
      for (const table of ['response', 'invitation']) for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER survey_rollup_${table}_${op}`);
    }
    await queryRunner.query(`DELETE FROM rollup_state WHERE name = 'survey'`);
    for (const table of ['survey_rollup_journal', 'survey_daily']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
