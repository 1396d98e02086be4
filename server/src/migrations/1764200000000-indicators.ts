import type { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampTypeFor } from './support/timestamp-type';

/**
 * What the indicator queries need to stay indexed on large tables:
 * - `encounter.wait_seconds`, written when the patient is called in, so the wait-time histogram
 *   reads one covering index instead of computing a difference per row (a generated column would
 *   not do: SQLite can only add VIRTUAL ones, which it recomputes from the table row);
 * - `encounter.returned_on` / `superseded`, the fate of the return expectation an encounter set
 *   (`next_visit_due`), kept up to date at check-in and finish, so churn needs no per-row lookups;
 * - `callback.completed_at`, so the time from due to completion needs no join to the attempts;
 * - `survey_rating_daily`, daily counts of rating answers, so dimension scores need no join;
 * - `wait_monthly`, monthly wait histograms in tenths of a minute (see encounters/wait-rollup.ts);
 * - covering indexes for each indicator's period filter.
 *
 * The backfill SQL is copied from the feature modules as they were when this migration was written
 * (encounters/wait-seconds.ts, return-expectations.ts, wait-rollup.ts, callbacks/completion-time.ts,
 * surveys/rating-rollup.ts), so later edits there do not change what a migration does.
 */
export class Indicators1764200000000 implements MigrationInterface {
  name = 'Indicators1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE encounter ADD COLUMN wait_seconds integer');
    await queryRunner.query(backfillWaitSecondsSql(queryRunner.connection.options.type));
    await queryRunner.query('ALTER TABLE encounter ADD COLUMN returned_on varchar(10)');
    await queryRunner.query('ALTER TABLE encounter ADD COLUMN superseded boolean NOT NULL DEFAULT FALSE');
    for (const sql of BACKFILL_RETURN_EXPECTATIONS) await queryRunner.query(sql);
    await queryRunner.query(`ALTER TABLE callback ADD COLUMN completed_at ${timestampTypeFor(queryRunner.connection.options.type)}`);
    await queryRunner.query(BACKFILL_COMPLETED_AT);
    await queryRunner.query(
      `CREATE TABLE survey_rating_daily (day varchar(10) NOT NULL, department_id integer NOT NULL, dimension varchar(40) NOT NULL,
         value integer NOT NULL, n integer NOT NULL, PRIMARY KEY (day, department_id, dimension, value))`,
    );
    await queryRunner.query(BUILD_RATING_COUNTS);
    await queryRunner.query(
      `CREATE TABLE wait_monthly (month varchar(7) NOT NULL, department_id integer NOT NULL, tenths integer NOT NULL,
         n integer NOT NULL, seconds bigint NOT NULL, over_n integer NOT NULL, PRIMARY KEY (month, department_id, tenths))`,
    );
    await queryRunner.query(BUILD_WAIT_MONTHLY);

    // Plain ALTER/CREATE: TypeORM's SQLite table API would rebuild the table, which foreign keys forbid.
    for (const [name, table, columns, where] of INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" (${columns})${where ? ` WHERE ${where}` : ''}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await queryRunner.query(`DROP INDEX "${name}"`);
    await queryRunner.query('DROP TABLE wait_monthly');
    await queryRunner.query('DROP TABLE survey_rating_daily');
    await queryRunner.query('ALTER TABLE callback DROP COLUMN completed_at');
    for (const column of ['superseded', 'returned_on', 'wait_seconds']) await queryRunner.query(`ALTER TABLE encounter DROP COLUMN ${column}`);
  }
}

const INDEXES: [name: string, table: string, columns: string, where?: string][] = [
  ['IDX_encounter_day_wait', 'encounter', 'checked_in_on, department_id, wait_seconds'],
  ['IDX_encounter_expectation', 'encounter', 'next_visit_due, department_id, superseded, returned_on, patient_id', 'next_visit_due IS NOT NULL'],
  ['IDX_encounter_patient_day', 'encounter', 'patient_id, checked_in_on'],
  ['IDX_response_day_department', 'survey_response', 'submitted_on, department_id, nps, csat'],
  ['IDX_answer_response_rating', 'survey_answer', 'response_id, kind, dimension, value_number'],
  ['IDX_callback_due_department', 'callback', 'due_at, department_id, status, kind, outcome'],
  ['IDX_callback_completed', 'callback', 'status, due_at, department_id, completed_at'],
  ['IDX_stage_transition_at_stages', 'stage_transition', 'at, from_stage, to_stage, patient_id'],
];

function backfillWaitSecondsSql(driver: string): string {
  const seconds =
    driver === 'postgres'
      ? 'ROUND(EXTRACT(EPOCH FROM (called_at - checked_in_at)))'
      : 'ROUND((julianday(called_at) - julianday(checked_in_at)) * 86400)';
  return `UPDATE encounter SET wait_seconds = CAST(${seconds} AS integer) WHERE called_at IS NOT NULL`;
}

const BACKFILL_RETURN_EXPECTATIONS = [
  `UPDATE encounter SET returned_on = (
      SELECT MIN(x.checked_in_on) FROM encounter x
       WHERE x.patient_id = encounter.patient_id AND x.id <> encounter.id AND x.checked_in_on >= encounter.next_visit_due)
    WHERE next_visit_due IS NOT NULL`,
  `UPDATE encounter SET superseded = (EXISTS (
      SELECT 1 FROM encounter s
       WHERE s.patient_id = encounter.patient_id AND s.id <> encounter.id AND s.next_visit_due IS NOT NULL
         AND s.checked_in_at > encounter.checked_in_at AND s.checked_in_on < encounter.next_visit_due))
    WHERE next_visit_due IS NOT NULL`,
];

const BACKFILL_COMPLETED_AT = `UPDATE callback SET completed_at = (
    SELECT MAX(a.at) FROM callback_attempt a WHERE a.callback_id = callback.id AND a.outcome <> 'no_answer')
  WHERE status = 'completed' AND completed_at IS NULL`;

const BUILD_RATING_COUNTS = `INSERT INTO survey_rating_daily (day, department_id, dimension, value, n)
   SELECT r.submitted_on, r.department_id, a.dimension, a.value_number, COUNT(*)
     FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
    WHERE a.kind = 'rating' AND a.dimension IS NOT NULL AND a.value_number IS NOT NULL
    GROUP BY r.submitted_on, r.department_id, a.dimension, a.value_number`;

/** Waits rounded half up to tenths of a minute; 1800 s is the 30-minute wait threshold. */
const BUILD_WAIT_MONTHLY = `INSERT INTO wait_monthly (month, department_id, tenths, n, seconds, over_n)
     SELECT substr(checked_in_on, 1, 7), department_id, CAST(ROUND(wait_seconds / 6.0) AS integer), COUNT(*), SUM(wait_seconds),
            SUM(CASE WHEN wait_seconds > 1800 THEN 1 ELSE 0 END)
       FROM encounter WHERE wait_seconds IS NOT NULL
      GROUP BY substr(checked_in_on, 1, 7), department_id, CAST(ROUND(wait_seconds / 6.0) AS integer)`;
