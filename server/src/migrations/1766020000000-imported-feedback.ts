import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editSqliteTable } from './support/sqlite-table-edit';

/*
 * Historical feedback (issue #13, item 5): NHS Friends and Family Test answers imported from
 * spreadsheets are survey responses without an invitation, a visit or a patient (anonymous), so
 * those three columns of `survey_response` become nullable; `fft` holds the FFT answer (1 very good
 * … 6 don't know) as `nps` and `csat` hold theirs, and `import_key` (unique) the source row, so a
 * file imported twice adds nothing. `survey_template.code` marks the template the system keeps for
 * FFT answers (created by the first FFT import; invitations never use a coded template),
 * `import_job.format` takes `nhs_fft` and `import_row_error.problem` the FFT rows' problems.
 *
 * PostgreSQL changes the columns in place. SQLite rebuilds `survey_response`, `import_job` and
 * `import_row_error` (a
 * NOT NULL or CHECK cannot change in place): every row, index and trigger (the satisfaction rollup's
 * among them) is kept. SQL frozen here; the CHECK names are TypeORM's for the entities' expressions.
 */

const FFT_CHECK = `CONSTRAINT "CHK_ec341877aa6372055526e24ea9" CHECK (fft BETWEEN 1 AND 6)`;
const NPS_CHECK = `CONSTRAINT "CHK_9ff739809c750cddea37b6daf1" CHECK (nps BETWEEN 0 AND 10)`;
const FORMAT_CHECK_BEFORE = `CONSTRAINT "CHK_713e9d8261a7cab8326978c24e" CHECK (format IN ('csv', 'xlsx', 'fhir'))`;
const FORMAT_CHECK_AFTER = `CONSTRAINT "CHK_9206c2447b981e6fa4e442964d" CHECK (format IN ('csv', 'xlsx', 'fhir', 'nhs_fft'))`;
const PROBLEMS_BEFORE = [
  'missing_field', 'bad_phone', 'bad_gender', 'bad_date', 'bad_time', 'bad_charge', 'too_long', 'unknown_department',
  'times_out_of_order', 'time_in_future', 'next_visit_not_after_visit', 'duplicate_visit_number', 'patient_conflict',
  'unknown_patient', 'unresolved_reference', 'invalid_resource', 'control_characters',
];
const problemCheck = (name: string, problems: string[]) => `CONSTRAINT "${name}" CHECK (problem IN (${problems.map((p) => `'${p}'`).join(', ')}))`;
const PROBLEM_CHECK_BEFORE = problemCheck('CHK_65b70b269d54acc44d20895f30', PROBLEMS_BEFORE);
const PROBLEM_CHECK_AFTER = problemCheck('CHK_5324c8e6775ec6cb504b23f676', [...PROBLEMS_BEFORE, 'bad_answer', 'ambiguous_date', 'duplicate_id']);
const ANONYMOUS_COLUMNS = ['invitation_id', 'encounter_id', 'patient_id'];
const INDEXES = [
  'CREATE UNIQUE INDEX "UQ_response_import_key" ON "survey_response" ("import_key")',
  'CREATE UNIQUE INDEX "UQ_template_code" ON "survey_template" ("code")',
];

/** survey_response on SQLite: the anonymous columns nullable, the two new columns and the FFT range. */
const RESPONSE_EDITS: [string, string][] = [
  ...ANONYMOUS_COLUMNS.map((column): [string, string] => [`"${column}" integer NOT NULL`, `"${column}" integer`]),
  [`"tagger_version" varchar(16)`, `"tagger_version" varchar(16), "fft" integer, "import_key" varchar(255)`],
  [NPS_CHECK, `${NPS_CHECK}, ${FFT_CHECK}`],
];

export class ImportedFeedback1766020000000 implements MigrationInterface {
  name = 'ImportedFeedback1766020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      for (const column of ANONYMOUS_COLUMNS) await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "${column}" DROP NOT NULL`);
      await queryRunner.query('ALTER TABLE "survey_response" ADD "fft" integer');
      await queryRunner.query('ALTER TABLE "survey_response" ADD "import_key" character varying(255)');
      await queryRunner.query(`ALTER TABLE "survey_response" ADD ${FFT_CHECK}`);
      await queryRunner.query('ALTER TABLE "survey_template" ADD "code" character varying(20)');
      await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "CHK_713e9d8261a7cab8326978c24e"`);
      await queryRunner.query(`ALTER TABLE "import_job" ADD ${FORMAT_CHECK_AFTER}`);
      await queryRunner.query(`ALTER TABLE "import_row_error" DROP CONSTRAINT "CHK_65b70b269d54acc44d20895f30"`);
      await queryRunner.query(`ALTER TABLE "import_row_error" ADD ${PROBLEM_CHECK_AFTER}`);
    } else {
      await editSqliteTable(queryRunner, 'survey_response', RESPONSE_EDITS);
      await editSqliteTable(queryRunner, 'import_job', [[FORMAT_CHECK_BEFORE, FORMAT_CHECK_AFTER]]);
      await editSqliteTable(queryRunner, 'import_row_error', [[PROBLEM_CHECK_BEFORE, PROBLEM_CHECK_AFTER]]);
      await queryRunner.query('ALTER TABLE "survey_template" ADD COLUMN "code" varchar(20)');
    }
    for (const sql of INDEXES) await queryRunner.query(sql);
  }

  /** Back to responses that all have a patient: the imported feedback (and its import jobs) goes. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const imported = 'SELECT id FROM survey_response WHERE import_key IS NOT NULL OR patient_id IS NULL';
    for (const table of ['survey_answer', 'response_theme', 'comment_search_term']) {
      await queryRunner.query(`DELETE FROM "${table}" WHERE response_id IN (${imported})`);
    }
    await queryRunner.query(`DELETE FROM "survey_response" WHERE id IN (${imported})`);
    await queryRunner.query(`DELETE FROM "import_row_error" WHERE job_id IN (SELECT id FROM import_job WHERE format = 'nhs_fft')`);
    await queryRunner.query(`DELETE FROM "import_job" WHERE format = 'nhs_fft'`);
    await queryRunner.query('DROP INDEX "UQ_response_import_key"');
    await queryRunner.query('DROP INDEX "UQ_template_code"');
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`ALTER TABLE "import_row_error" DROP CONSTRAINT "CHK_5324c8e6775ec6cb504b23f676"`);
      await queryRunner.query(`ALTER TABLE "import_row_error" ADD ${PROBLEM_CHECK_BEFORE}`);
      await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "CHK_9206c2447b981e6fa4e442964d"`);
      await queryRunner.query(`ALTER TABLE "import_job" ADD ${FORMAT_CHECK_BEFORE}`);
      await queryRunner.query('ALTER TABLE "survey_template" DROP COLUMN "code"');
      await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "CHK_ec341877aa6372055526e24ea9"`);
      await queryRunner.query('ALTER TABLE "survey_response" DROP COLUMN "import_key"');
      await queryRunner.query('ALTER TABLE "survey_response" DROP COLUMN "fft"');
      for (const column of ANONYMOUS_COLUMNS) await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "${column}" SET NOT NULL`);
      return;
    }
    await queryRunner.query('ALTER TABLE "survey_template" DROP COLUMN "code"');
    await editSqliteTable(queryRunner, 'import_row_error', [[PROBLEM_CHECK_AFTER, PROBLEM_CHECK_BEFORE]]);
    await editSqliteTable(queryRunner, 'import_job', [[FORMAT_CHECK_AFTER, FORMAT_CHECK_BEFORE]]);
    await editSqliteTable(
      queryRunner,
      'survey_response',
      RESPONSE_EDITS.map(([before, after]): [string, string] => [after, before]),
    );
  }
}
