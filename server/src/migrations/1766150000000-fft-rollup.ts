import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * FFT answers join the satisfaction rollup (indicators/rollups/survey-rollup.ts): `survey_daily`
 * gains one column per FFT code (1-6) and `survey_rollup_journal` the response's `fft`, and the
 * triggers on `survey_response` journal it (and journal an update of it). Until now the dashboard
 * counted FFT answers from the responses themselves: a year's range of responses read row by row
 * (175 ms on a 1M-visit hospital, most of a cold satisfaction figure), whether or not any carried an
 * FFT answer. The 'survey' rollup_state row is removed: the server rebuilds the rollup, with the new
 * columns, at its next start (as migration 1765950000000 did). SQL spelled out so it never changes
 * with the code.
 */

const FFT = [1, 2, 3, 4, 5, 6].map((v) => `fft_${v}`);
type Row = 'NEW' | 'OLD';

const journalColumns = (withFft: boolean) => `sign, day, created_at, department_id, template_version_id, nps, csat, invited, answered${withFft ? ', fft' : ''}`;
const responseRow = (sign: number, r: Row, withFft: boolean) =>
  `(${sign}, ${r}.submitted_on, NULL, ${r}.department_id, ${r}.template_version_id, ${r}.nps, ${r}.csat, 0, 0${withFft ? `, ${r}.fft` : ''})`;
const answeredSelect = (sign: number, r: Row) =>
  `SELECT ${sign}, NULL, i.created_at, i.department_id, i.template_version_id, NULL, NULL, 0, 1 FROM survey_invitation i WHERE i.id = ${r}.invitation_id`;
const responseColumns = (withFft: boolean) => ['submitted_on', 'department_id', 'template_version_id', 'nps', 'csat', 'invitation_id', ...(withFft ? ['fft'] : [])];
const RATING_JOURNAL = 'INSERT INTO survey_rating_journal (sign, day, department_id, template_version_id, dimension, value)';
const RATED = `a.kind = 'rating' AND a.dimension IS NOT NULL AND a.value_number IS NOT NULL`;
const answersOfResponse = (sign: number, r: Row) =>
  `SELECT ${sign}, ${r}.submitted_on, ${r}.department_id, ${r}.template_version_id, a.dimension, a.value_number FROM survey_answer a
    WHERE a.response_id = ${r}.id AND ${RATED}`;
const changed = (columns: string[], isNot: string) => columns.map((c) => `OLD.${c} ${isNot} NEW.${c}`);

function sqliteTriggers(withFft: boolean): string[] {
  const insertJournal = `INSERT INTO survey_rollup_journal (${journalColumns(withFft)})`;
  const insertAnswered = `INSERT INTO survey_rollup_journal (${journalColumns(false)})`;
  const columns = responseColumns(withFft);
  return [
    `CREATE TRIGGER survey_rollup_response_insert AFTER INSERT ON survey_response BEGIN
       ${insertJournal} VALUES ${responseRow(1, 'NEW', withFft)};
       ${insertAnswered} ${answeredSelect(1, 'NEW')};
     END`,
    `CREATE TRIGGER survey_rollup_response_update AFTER UPDATE OF ${columns.join(', ')} ON survey_response
     WHEN ${changed(columns, 'IS NOT').join(' OR ')}
     BEGIN
       ${insertJournal} VALUES ${responseRow(-1, 'OLD', withFft)}, ${responseRow(1, 'NEW', withFft)};
       ${insertAnswered} ${answeredSelect(-1, 'OLD')};
       ${insertAnswered} ${answeredSelect(1, 'NEW')};
       ${RATING_JOURNAL} ${answersOfResponse(-1, 'OLD')};
       ${RATING_JOURNAL} ${answersOfResponse(1, 'NEW')};
     END`,
    `CREATE TRIGGER survey_rollup_response_delete AFTER DELETE ON survey_response BEGIN
       ${insertJournal} VALUES ${responseRow(-1, 'OLD', withFft)};
       ${insertAnswered} ${answeredSelect(-1, 'OLD')};
     END`,
  ];
}

function postgresTrigger(withFft: boolean): string[] {
  const insertJournal = `INSERT INTO survey_rollup_journal (${journalColumns(withFft)})`;
  const insertAnswered = `INSERT INTO survey_rollup_journal (${journalColumns(false)})`;
  const columns = responseColumns(withFft);
  const journal = (sign: number, r: Row) => `${insertJournal} VALUES ${responseRow(sign, r, withFft)}; ${insertAnswered} ${answeredSelect(sign, r)};
      IF TG_OP = 'UPDATE' THEN ${RATING_JOURNAL} ${answersOfResponse(sign, r)}; END IF;`;
  return [
    `CREATE OR REPLACE FUNCTION survey_response_rollup_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
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
     END $$`,
    'DROP TRIGGER survey_response_rollup ON survey_response',
    `CREATE TRIGGER survey_response_rollup AFTER INSERT OR DELETE OR UPDATE OF ${columns.join(', ')} ON survey_response
     FOR EACH ROW EXECUTE FUNCTION survey_response_rollup_journal_row()`,
  ];
}

const DROP_SQLITE_TRIGGERS = ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER survey_rollup_response_${op}`);

export class FftRollup1766150000000 implements MigrationInterface {
  name = 'FftRollup1766150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const column of FFT) await queryRunner.query(`ALTER TABLE "survey_daily" ADD "${column}" integer NOT NULL DEFAULT 0`);
    await queryRunner.query('ALTER TABLE "survey_rollup_journal" ADD "fft" integer');
    for (const sql of postgres ? postgresTrigger(true) : [...DROP_SQLITE_TRIGGERS, ...sqliteTriggers(true)]) await queryRunner.query(sql);
    await queryRunner.query(`DELETE FROM rollup_state WHERE name = 'survey'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const sql of postgres ? postgresTrigger(false) : [...DROP_SQLITE_TRIGGERS, ...sqliteTriggers(false)]) await queryRunner.query(sql);
    await queryRunner.query('ALTER TABLE "survey_rollup_journal" DROP COLUMN "fft"');
    for (const column of FFT) await queryRunner.query(`ALTER TABLE "survey_daily" DROP COLUMN "${column}"`);
    await queryRunner.query(`DELETE FROM rollup_state WHERE name = 'survey'`);
  }
}
