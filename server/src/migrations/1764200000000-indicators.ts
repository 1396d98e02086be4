import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillCompletedAt } from '../callbacks/completion-time';
import { timestampTypeFor } from '../core/database/column-types';
import { rebuildRatingCounts } from '../surveys/rating-rollup';
import { backfillReturnExpectations } from '../encounters/return-expectations';
import { rebuildWaitMonthly } from '../encounters/wait-rollup';
import { backfillWaitSecondsSql } from '../encounters/wait-seconds';

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
 */
export class Indicators1764200000000 implements MigrationInterface {
  name = 'Indicators1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE encounter ADD COLUMN wait_seconds integer');
    await queryRunner.query(backfillWaitSecondsSql(queryRunner.connection.options.type));
    await queryRunner.query('ALTER TABLE encounter ADD COLUMN returned_on varchar(10)');
    await queryRunner.query('ALTER TABLE encounter ADD COLUMN superseded boolean NOT NULL DEFAULT FALSE');
    await backfillReturnExpectations(queryRunner.manager);
    await queryRunner.query(`ALTER TABLE callback ADD COLUMN completed_at ${timestampTypeFor(queryRunner.connection.options.type)}`);
    await backfillCompletedAt(queryRunner.manager);
    await queryRunner.query(
      `CREATE TABLE survey_rating_daily (day varchar(10) NOT NULL, department_id integer NOT NULL, dimension varchar(40) NOT NULL,
         value integer NOT NULL, n integer NOT NULL, PRIMARY KEY (day, department_id, dimension, value))`,
    );
    await rebuildRatingCounts(queryRunner.manager);
    await queryRunner.query(
      `CREATE TABLE wait_monthly (month varchar(7) NOT NULL, department_id integer NOT NULL, tenths integer NOT NULL,
         n integer NOT NULL, seconds bigint NOT NULL, over_n integer NOT NULL, PRIMARY KEY (month, department_id, tenths))`,
    );
    await rebuildWaitMonthly(queryRunner.manager);

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
