import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The satisfaction rollups (indicators/rollups/survey-rollup.ts, rating-rollup.ts): `survey_daily`
 * and `survey_rating_daily` (recreated per template, one column per rating value, kept by triggers
 * now instead of by the submit), their journals, and the triggers on `survey_response`,
 * `survey_invitation` and `survey_answer` that journal every change to their figures in the
 * transaction that makes it. The tables start empty and `rollup_state` has no 'survey' row: the
 * server, which knows the hospital's time zone, builds the rollups at its next start. SQL spelled
 * out so it never changes with the code (the value columns follow SCALE in shared/: NPS 0-10, CSAT
 * and ratings 1-5). A later migration that rebuilds one of the three tables on SQLite drops these
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
const RATINGS = [1, 2, 3, 4, 5].map((v) => `rating_${v}`);
const RATING_JOURNAL_COLUMNS = 'sign, day, department_id, template_version_id, dimension, value';
const insertRatingJournal = `INSERT INTO survey_rating_journal (${RATING_JOURNAL_COLUMNS})`;
/** A rating answer, on its response's day, department and template version. */
const RATED = (a: string) => `${a}.kind = 'rating' AND ${a}.dimension IS NOT NULL AND ${a}.value_number IS NOT NULL`;
const answerSelect = (sign: number, r: Row) =>
  `SELECT ${sign}, s.submitted_on, s.department_id, s.template_version_id, ${r}.dimension, ${r}.value_number FROM survey_response s
    WHERE s.id = ${r}.response_id AND ${RATED(r)}`;
/** A response moved (day, department, template): its rating answers move with it. */
const answersOfResponse = (sign: number, r: Row) =>
  `SELECT ${sign}, ${r}.submitted_on, ${r}.department_id, ${r}.template_version_id, a.dimension, a.value_number FROM survey_answer a
    WHERE a.response_id = ${r}.id AND ${RATED('a')}`;
const ANSWER_COLUMNS = ['response_id', 'kind', 'dimension', 'value_number'];
const changed = (columns: string[], isNot: string) => columns.map((c) => `OLD.${c} ${isNot} NEW.${c}`);
const insertJournal = `INSERT INTO survey_rollup_journal (${JOURNAL_COLUMNS})`;

const SQLITE = [
  'DROP TABLE survey_rating_daily',
  `CREATE TABLE "survey_rating_daily" ("day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "template_id" integer NOT NULL, "dimension" varchar(40) NOT NULL, ${RATINGS.map((c) => `"${c}" integer NOT NULL`).join(', ')}, PRIMARY KEY ("day", "department_id", "template_id", "dimension"))`,
  `CREATE TABLE "survey_rating_journal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sign" integer NOT NULL, "day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "template_version_id" integer NOT NULL, "dimension" varchar(40) NOT NULL, "value" integer NOT NULL)`,
  `CREATE TRIGGER survey_rollup_answer_insert AFTER INSERT ON survey_answer BEGIN
     ${insertRatingJournal} ${answerSelect(1, 'NEW')};
   END`,
  `CREATE TRIGGER survey_rollup_answer_update AFTER UPDATE OF ${ANSWER_COLUMNS.join(', ')} ON survey_answer
   WHEN ${changed(ANSWER_COLUMNS, 'IS NOT').join(' OR ')}
   BEGIN
     ${insertRatingJournal} ${answerSelect(-1, 'OLD')};
     ${insertRatingJournal} ${answerSelect(1, 'NEW')};
   END`,
  `CREATE TRIGGER survey_rollup_answer_delete AFTER DELETE ON survey_answer BEGIN
     ${insertRatingJournal} ${answerSelect(-1, 'OLD')};
   END`,
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
     ${insertRatingJournal} ${answersOfResponse(-1, 'OLD')};
     ${insertRatingJournal} ${answersOfResponse(1, 'NEW')};
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
  'DROP TABLE survey_rating_daily',
  `CREATE TABLE "survey_rating_daily" ("day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "template_id" integer NOT NULL, "dimension" character varying(40) NOT NULL, ${RATINGS.map((c) => `"${c}" integer NOT NULL`).join(', ')}, CONSTRAINT "PK_100e2db97a0fd10d30400f2de47" PRIMARY KEY ("day", "department_id", "template_id", "dimension"))`,
  `CREATE TABLE "survey_rating_journal" ("id" SERIAL NOT NULL, "sign" integer NOT NULL, "day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "template_version_id" integer NOT NULL, "dimension" character varying(40) NOT NULL, "value" integer NOT NULL, CONSTRAINT "PK_4ea2ceea14bfb848c7e70532aa1" PRIMARY KEY ("id"))`,
  postgresFunction('survey_answer', ANSWER_COLUMNS, (sign, r) => `${insertRatingJournal} ${answerSelect(sign, r)};`),
  `CREATE TRIGGER survey_answer_rollup AFTER INSERT OR DELETE OR UPDATE OF ${ANSWER_COLUMNS.join(', ')} ON survey_answer
   FOR EACH ROW EXECUTE FUNCTION survey_answer_rollup_journal_row()`,
  `CREATE TABLE "survey_daily" ("day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "template_id" integer NOT NULL, ${FIGURES.map((c) => `"${c}" integer NOT NULL`).join(', ')}, CONSTRAINT "PK_4e73c14bfea365f7b542c5ffdfa" PRIMARY KEY ("day", "department_id", "template_id"))`,
  `CREATE TABLE "survey_rollup_journal" ("id" SERIAL NOT NULL, "sign" integer NOT NULL, "day" character varying(10), "created_at" TIMESTAMP WITH TIME ZONE, "department_id" integer NOT NULL, "template_version_id" integer NOT NULL, "nps" integer, "csat" integer, "invited" integer NOT NULL, "answered" integer NOT NULL, CONSTRAINT "PK_1b0c69f11268cbb64c805e0a7e4" PRIMARY KEY ("id"))`,
  // Answers are inserted after their response and deleted before it: only an update moves them.
  postgresFunction(
    'survey_response',
    RESPONSE_COLUMNS,
    (sign, r) => `${insertJournal} VALUES ${responseRow(sign, r)}; ${insertJournal} ${answeredSelect(sign, r)};
      IF TG_OP = 'UPDATE' THEN ${insertRatingJournal} ${answersOfResponse(sign, r)}; END IF;`,
  ),
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
      for (const table of ['survey_response', 'survey_invitation', 'survey_answer']) {
        await queryRunner.query(`DROP TRIGGER ${table}_rollup ON ${table}`);
        await queryRunner.query(`DROP FUNCTION ${table}_rollup_journal_row()`);
      }
    } else {
      for (const table of ['response', 'invitation', 'answer']) for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER survey_rollup_${table}_${op}`);
    }
    await queryRunner.query(`DELETE FROM rollup_state WHERE name = 'survey'`);
    for (const table of ['survey_rating_journal', 'survey_rating_daily', 'survey_rollup_journal', 'survey_daily']) await queryRunner.query(`DROP TABLE "${table}"`);
    // The earlier shape, empty: migration 1764200000000 filled it, the submit kept it.
    await queryRunner.query(
      `CREATE TABLE survey_rating_daily (day varchar(10) NOT NULL, department_id integer NOT NULL, dimension varchar(40) NOT NULL,
         value integer NOT NULL, n integer NOT NULL, PRIMARY KEY (day, department_id, dimension, value))`,
    );
  }
}
