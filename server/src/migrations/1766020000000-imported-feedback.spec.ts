import type { DataSource } from 'typeorm';
import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;
const MIGRATION = 'ImportedFeedback1766020000000';

/** What the rebuild must keep: the rows, and on SQLite every index and trigger of the tables it makes again. */
async function kept(source: DataSource): Promise<{ rows: unknown; dependents: string[] }> {
  const rows: Record<string, unknown[]> = {};
  for (const table of ['survey_response', 'survey_answer', 'response_theme', 'import_job', 'import_row_error', 'survey_rollup_journal']) {
    rows[table] = await source.query(`SELECT * FROM ${table} ORDER BY 1`);
  }
  const dependents =
    source.options.type === 'postgres'
      ? ((await source.query(
          "SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN ('survey_response'::regclass, 'import_job'::regclass, 'import_row_error'::regclass)",
        )) as { name: string }[])
      : ((await source.query(
          "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN ('survey_response', 'import_job', 'import_row_error') AND sql IS NOT NULL",
        )) as { name: string }[]);
  return { rows: JSON.parse(JSON.stringify(rows)), dependents: dependents.map((d) => d.name).sort() };
}

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'keeps every response, answer, theme, import job and row error, and the indexes and rollup triggers; anonymous responses are journalled like others',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      const statements = [
        "INSERT INTO patient (name, phone, stage, stage_since) VALUES ('王芳', '13800138000', 'first_visit', '2026-03-01 08:00:00')",
        "INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on) VALUES (1, 1, '2026-03-01 08:00:00', '2026-03-01')",
        `INSERT INTO survey_invitation (token_hash, encounter_id, patient_id, department_id, template_version_id, created_at, expires_at, used_at)
           VALUES ('${'a'.repeat(64)}', 1, 1, 1, 1, '2026-03-01 09:00:00', '2026-03-08 09:00:00', '2026-03-01 10:00:00')`,
        `INSERT INTO survey_response (invitation_id, encounter_id, patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, csat, needs_recovery, comment, language, comment_sentiment, tagger_version)
           VALUES (1, 1, 1, 1, 1, '2026-03-01 10:00:00', '2026-03-01', 3, 2, TRUE, '等太久了', 'zh', 'negative', 'v1')`,
        "INSERT INTO survey_answer (response_id, question_id, kind, dimension, value_number) VALUES (1, 'wait_time', 'rating', 'wait_time', 1)",
        `INSERT INTO response_theme (response_id, theme_key, matched, submitted_on, department_id, nps) VALUES (1, 'waiting', '["等"]', '2026-03-01', 1, 3)`,
        "INSERT INTO import_job (format, file_name, file_path, status) VALUES ('csv', 'a.csv', '/tmp/a.csv', 'done')",
        "INSERT INTO import_row_error (job_id, row, field, problem, value) VALUES (1, 3, 'phone', 'bad_phone', '123')",
      ];
      for (const sql of statements) await old.query(sql);
      const before = await kept(old);
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      expect(await kept(migrated)).toEqual({
        rows: {
          ...(before.rows as Record<string, unknown[]>),
          survey_response: (before.rows as { survey_response: object[] }).survey_response.map((row) => ({ ...row, fft: null, import_key: null })),
        },
        dependents: expect.arrayContaining(before.dependents),
      });

      // An anonymous FFT response: no invitation, visit or patient; journalled for the satisfaction rollup.
      const journalled = async () => Number((await migrated.query('SELECT COUNT(*) AS n FROM survey_rollup_journal'))[0].n);
      const journalBefore = await journalled();
      await migrated.query(
        `INSERT INTO survey_response (department_id, template_version_id, submitted_at, submitted_on, fft, needs_recovery, language, import_key)
           VALUES (1, 1, '2021-09-30 04:00:00', '2021-09-30', 2, FALSE, 'en', 'nhs_fft:A')`,
      );
      expect(await journalled()).toBe(journalBefore + 1);
      await migrated.query("UPDATE survey_response SET submitted_on = '2021-10-01' WHERE import_key = 'nhs_fft:A'");
      expect(await journalled()).toBe(journalBefore + 3);
      // Triggers of other tables that read survey_response still run (the invitation's looks for its answer).
      await migrated.query(
        `INSERT INTO survey_invitation (token_hash, encounter_id, patient_id, department_id, template_version_id, created_at, expires_at)
           VALUES ('${'b'.repeat(64)}', 1, 1, 1, 1, '2026-03-02 09:00:00', '2026-03-09 09:00:00')`,
      );
      expect(await journalled()).toBe(journalBefore + 4);
      if (kind === 'sqlite') expect(await migrated.query('PRAGMA foreign_key_check')).toEqual([]);
      const refused = (sql: string) => expect(migrated.query(sql)).rejects.toThrow(/check|constraint|unique/i);
      await refused("UPDATE survey_response SET fft = 7 WHERE import_key = 'nhs_fft:A'");
      await refused(
        `INSERT INTO survey_response (department_id, template_version_id, submitted_at, submitted_on, needs_recovery, language, import_key)
           VALUES (1, 1, '2021-09-30 04:00:00', '2021-09-30', FALSE, 'en', 'nhs_fft:A')`,
      );
      await refused("UPDATE import_job SET format = 'pdf'");
      await migrated.query("UPDATE import_job SET format = 'nhs_fft'");
      await migrated.query("UPDATE import_row_error SET problem = 'ambiguous_date'");
      // AUTOINCREMENT carried over: the next id follows the kept ones.
      const [{ id }] = await migrated.query("SELECT id FROM survey_response WHERE import_key = 'nhs_fft:A'");
      expect(Number(id)).toBe(2);
    },
    TIMEOUT,
  );
});
