import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The drivers-of-dissatisfaction rollup (indicators/rollups/driver-rollup.ts): `driver_count` by day,
 * ISO week and month × department (and 0, all), its journal, the triggers on `survey_response`,
 * `survey_answer`, `response_theme` and `encounter` (its wait) that journal every change in the
 * writing transaction, an index to find a visit's responses, and the rollup built from the rows
 * already there (it is keyed by the stored submission day: no time zone involved). SQL spelled out so
 * it never changes with the code (NPS 0-10 as x or y, -1 for none; the wait bands < 15, 15-30, 30-60,
 * ≥ 60 min of shared WAIT_BANDS). A later migration that rebuilds one of the four tables on SQLite
 * drops these triggers and must create them again: the server refuses to start without them.
 */

type Row = 'NEW' | 'OLD';
const JOURNAL = 'INSERT INTO driver_count_journal (sign, day, department_id, kind, label, x, y)';
const WAIT_BAND = (c: string) =>
  `CASE WHEN ${c} >= 0 AND ${c} < 900 THEN 'under_15' WHEN ${c} >= 900 AND ${c} < 1800 THEN '15_30' WHEN ${c} >= 1800 AND ${c} < 3600 THEN '30_60' WHEN ${c} >= 3600 THEN 'over_60' END`;
const RATED = (a: string) => `${a}.kind = 'rating' AND ${a}.dimension IS NOT NULL AND ${a}.value_number IS NOT NULL`;

/** Whether an update changed any of `columns` (true outside an update: the SQL is only used in update bodies). */
const anyChanged = (columns: string[], postgres: boolean) => `(${columns.map((c) => `OLD.${c} ${postgres ? 'IS DISTINCT FROM' : 'IS NOT'} NEW.${c}`).join(' OR ')})`;

/** A tagged comment with an NPS answer: the commented count of its band. */
const COMMENTED_INPUTS = ['submitted_on', 'department_id', 'nps', 'comment_sentiment'];
const commented = (sign: number, r: Row) =>
  `${JOURNAL} SELECT ${sign}, ${r}.submitted_on, ${r}.department_id, 'commented', '', ${r}.nps, -1 WHERE ${r}.comment_sentiment IS NOT NULL AND ${r}.nps IS NOT NULL`;
/** The response's visit's wait band × its NPS × CSAT. */
const WAIT_INPUTS = ['submitted_on', 'department_id', 'nps', 'csat', 'encounter_id'];
const waitOfResponse = (sign: number, r: Row) =>
  `${JOURNAL} SELECT ${sign}, ${r}.submitted_on, ${r}.department_id, 'wait', ${WAIT_BAND('e.wait_seconds')}, COALESCE(${r}.nps, -1), COALESCE(${r}.csat, -1)
     FROM encounter e WHERE e.id = ${r}.encounter_id AND e.wait_seconds >= 0`;
/** A response moved (day, department) or re-scored: its rating answers follow. */
const RATING_INPUTS = ['submitted_on', 'department_id', 'nps'];
const ratingsOfResponse = (sign: number, r: Row, when: string) =>
  `${JOURNAL} SELECT ${sign}, ${r}.submitted_on, ${r}.department_id, 'rating', a.dimension, a.value_number, COALESCE(${r}.nps, -1)
     FROM survey_answer a WHERE a.response_id = ${r}.id AND ${RATED('a')} AND ${when}`;
const RESPONSE_COLUMNS = [...new Set([...COMMENTED_INPUTS, ...WAIT_INPUTS])];
/** A rating answer, on its response's day, department and NPS. */
const ANSWER_COLUMNS = ['response_id', 'kind', 'dimension', 'value_number'];
const answer = (sign: number, r: Row) =>
  `${JOURNAL} SELECT ${sign}, s.submitted_on, s.department_id, 'rating', ${r}.dimension, ${r}.value_number, COALESCE(s.nps, -1)
     FROM survey_response s WHERE s.id = ${r}.response_id AND ${RATED(r)}`;
/** A theme of a comment with an NPS answer (response_theme carries the response's day, department and NPS). */
const THEME_COLUMNS = ['theme_key', 'submitted_on', 'department_id', 'nps'];
const theme = (sign: number, r: Row) =>
  `${JOURNAL} SELECT ${sign}, ${r}.submitted_on, ${r}.department_id, 'theme', ${r}.theme_key, ${r}.nps, -1 WHERE ${r}.nps IS NOT NULL`;
/** A visit's wait changed: the wait rows of the responses answering it move band. */
const waitsOfEncounter = (sign: number, r: Row) =>
  `${JOURNAL} SELECT ${sign}, s.submitted_on, s.department_id, 'wait', ${WAIT_BAND(`${r}.wait_seconds`)}, COALESCE(s.nps, -1), COALESCE(s.csat, -1)
     FROM survey_response s WHERE s.encounter_id = ${r}.id AND ${r}.wait_seconds >= 0`;

/** The response's own rows; on an update only the kinds whose inputs changed (retagging a comment leaves ratings and wait alone). */
function responseRows(sign: number, r: Row, postgres: boolean, update: boolean): string[] {
  if (!update) return [commented(sign, r), waitOfResponse(sign, r)];
  const when = (columns: string[]) => anyChanged(columns, postgres);
  return [
    `${commented(sign, r)} AND ${when(COMMENTED_INPUTS)}`,
    `${waitOfResponse(sign, r)} AND ${when(WAIT_INPUTS)}`,
    ratingsOfResponse(sign, r, when(RATING_INPUTS)),
  ];
}

const sqliteTriggers = (name: string, table: string, columns: string[], rows: (sign: number, r: Row, update: boolean) => string[], ops = ['insert', 'update', 'delete']) =>
  ops.map((op) => {
    const body =
      op === 'insert' ? rows(1, 'NEW', false) : op === 'delete' ? rows(-1, 'OLD', false) : [...rows(-1, 'OLD', true), ...rows(1, 'NEW', true)];
    const event = op === 'update' ? `UPDATE OF ${columns.join(', ')}` : op.toUpperCase();
    const when = op === 'update' ? `WHEN ${anyChanged(columns, false)}` : '';
    return `CREATE TRIGGER ${name}_${op} AFTER ${event} ON ${table} ${when} BEGIN ${body.map((s) => `${s};`).join('\n')} END`;
  });

/** One trigger function per table: -OLD unless an insert, +NEW unless a delete. */
const postgresTrigger = (table: string, columns: string[], rows: (sign: number, r: Row, update: boolean) => string[], events = 'INSERT OR DELETE OR UPDATE OF') => [
  `CREATE FUNCTION ${table}_driver_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND NOT ${anyChanged(columns, true)} THEN
       RETURN NULL;
     END IF;
     IF TG_OP <> 'INSERT' THEN
       ${rows(-1, 'OLD', false).map((s) => `${s};`).join('\n')}
     END IF;
     IF TG_OP <> 'DELETE' THEN
       ${rows(1, 'NEW', false).map((s) => `${s};`).join('\n')}
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER ${table}_drivers AFTER ${events} ${columns.join(', ')} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_driver_journal_row()`,
];
// PostgreSQL's response function: the update's kinds chosen by TG_OP (one body for both signs).
const postgresResponseRows = (sign: number, r: Row) => [
  `IF TG_OP = 'UPDATE' THEN ${responseRows(sign, r, true, true).join(';\n')}; ELSE ${responseRows(sign, r, true, false).join(';\n')}; END IF`,
];

/** Every source row as a journal row with sign +1 (the first build). */
const SOURCE_ROWS = `(SELECT 1 AS sign, r.submitted_on AS day, r.department_id, 'commented' AS kind, '' AS label, r.nps AS x, -1 AS y
                        FROM survey_response r WHERE r.comment_sentiment IS NOT NULL AND r.nps IS NOT NULL
                      UNION ALL
                      SELECT 1, t.submitted_on, t.department_id, 'theme', t.theme_key, t.nps, -1 FROM response_theme t WHERE t.nps IS NOT NULL
                      UNION ALL
                      SELECT 1, r.submitted_on, r.department_id, 'rating', a.dimension, a.value_number, COALESCE(r.nps, -1)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE ${RATED('a')}
                      UNION ALL
                      SELECT 1, r.submitted_on, r.department_id, 'wait', ${WAIT_BAND('e.wait_seconds')}, COALESCE(r.nps, -1), COALESCE(r.csat, -1)
                        FROM survey_response r JOIN encounter e ON e.id = r.encounter_id WHERE e.wait_seconds >= 0)`;
/** The days of each department from the source rows, then all departments' days, and weeks and months, from those. */
const fromDays = (span: string, department: string, firstDay: string, only = '') =>
  `INSERT INTO driver_count (span, department_id, first_day, kind, label, x, y, n)
   SELECT '${span}', ${department}, ${firstDay}, kind, label, x, y, SUM(n) FROM driver_count WHERE span = 'day'${only} GROUP BY 2, 3, 4, 5, 6, 7`;
const build = (monday: string) => [
  `INSERT INTO driver_count (span, department_id, first_day, kind, label, x, y, n)
   SELECT 'day', j.department_id, j.day, j.kind, j.label, j.x, j.y, SUM(j.sign) FROM ${SOURCE_ROWS} j GROUP BY 2, 3, 4, 5, 6, 7`,
  fromDays('day', '0', 'first_day', ' AND department_id <> 0'),
  fromDays('week', 'department_id', monday),
  fromDays('month', 'department_id', "substr(first_day, 1, 7) || '-01'"),
];
const SQLITE_MONDAY = "date(first_day, '-' || ((CAST(strftime('%w', first_day) AS integer) + 6) % 7) || ' days')";
const POSTGRES_MONDAY = "to_char(date_trunc('week', CAST(first_day AS date)), 'YYYY-MM-DD')";
const INDEX = 'CREATE INDEX "IDX_response_encounter" ON "survey_response" ("encounter_id")';

const SQLITE = [
  `CREATE TABLE "driver_count" ("span" varchar(5) NOT NULL, "department_id" integer NOT NULL, "first_day" varchar(10) NOT NULL, "kind" varchar(10) NOT NULL, "label" varchar(40) NOT NULL, "x" integer NOT NULL, "y" integer NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("span", "department_id", "first_day", "kind", "label", "x", "y")) WITHOUT ROWID`,
  `CREATE TABLE "driver_count_journal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sign" integer NOT NULL, "day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "label" varchar(40) NOT NULL, "x" integer NOT NULL, "y" integer NOT NULL)`,
  INDEX,
  ...sqliteTriggers('driver_count_response', 'survey_response', RESPONSE_COLUMNS, (sign, r, update) => responseRows(sign, r, false, update)),
  ...sqliteTriggers('driver_count_answer', 'survey_answer', ANSWER_COLUMNS, (sign, r) => [answer(sign, r)]),
  ...sqliteTriggers('driver_count_theme', 'response_theme', THEME_COLUMNS, (sign, r) => [theme(sign, r)]),
  // A visit gets responses only after it is called: inserts and deletes have none to move.
  ...sqliteTriggers('driver_count_encounter', 'encounter', ['wait_seconds'], (sign, r) => [waitsOfEncounter(sign, r)], ['update']),
  ...build(SQLITE_MONDAY),
];

const POSTGRES = [
  `CREATE TABLE "driver_count" ("span" character varying(5) NOT NULL, "department_id" integer NOT NULL, "first_day" character varying(10) NOT NULL, "kind" character varying(10) NOT NULL, "label" character varying(40) NOT NULL, "x" integer NOT NULL, "y" integer NOT NULL, "n" integer NOT NULL, CONSTRAINT "PK_b15a130d845c70caeba32d3ab00" PRIMARY KEY ("span", "department_id", "first_day", "kind", "label", "x", "y"))`,
  `CREATE TABLE "driver_count_journal" ("id" SERIAL NOT NULL, "sign" integer NOT NULL, "day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "kind" character varying(10) NOT NULL, "label" character varying(40) NOT NULL, "x" integer NOT NULL, "y" integer NOT NULL, CONSTRAINT "PK_0e064ced9f97ecb6ec02fc6f668" PRIMARY KEY ("id"))`,
  INDEX,
  ...postgresTrigger('survey_response', RESPONSE_COLUMNS, postgresResponseRows),
  ...postgresTrigger('survey_answer', ANSWER_COLUMNS, (sign, r) => [answer(sign, r)]),
  ...postgresTrigger('response_theme', THEME_COLUMNS, (sign, r) => [theme(sign, r)]),
  ...postgresTrigger('encounter', ['wait_seconds'], (sign, r) => [waitsOfEncounter(sign, r)], 'UPDATE OF'),
  ...build(POSTGRES_MONDAY),
];

const TABLES = ['survey_response', 'survey_answer', 'response_theme', 'encounter'];

export class DriverCounts1766040000000 implements MigrationInterface {
  name = 'DriverCounts1766040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      for (const table of TABLES) {
        await queryRunner.query(`DROP TRIGGER ${table}_drivers ON ${table}`);
        await queryRunner.query(`DROP FUNCTION ${table}_driver_journal_row()`);
      }
    } else {
      for (const table of ['response', 'answer', 'theme']) for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER driver_count_${table}_${op}`);
      await queryRunner.query('DROP TRIGGER driver_count_encounter_update');
    }
    await queryRunner.query('DROP INDEX "IDX_response_encounter"');
    await queryRunner.query('DROP TABLE "driver_count_journal"');
    await queryRunner.query('DROP TABLE "driver_count"');
  }
}
