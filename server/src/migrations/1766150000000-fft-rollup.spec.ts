import type { DataSource } from 'typeorm';
import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';
import { IndicatorSql } from '../indicators/indicator-sql';
import { rebuildSurveyRollupSql } from '../indicators/rollups/survey-rollup';

const TIMEOUT = 120_000;
const MIGRATION = 'FftRollup1766150000000';

const plain = async (source: DataSource, sql: string) => JSON.parse(JSON.stringify(await source.query(sql))) as Record<string, unknown>[];
const imported = (key: string, fft: string) =>
  `INSERT INTO survey_response (department_id, template_version_id, submitted_at, submitted_on, fft, needs_recovery, language, import_key)
     VALUES (1, 1, '2026-03-04 10:00:00', '2026-03-04', ${fft}, FALSE, 'en', '${key}')`;

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'journals FFT answers, asks the server to rebuild the satisfaction rollup, whose rebuild counts them, and goes back',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      await old.query(imported('a', '1'));
      await old.query(`INSERT INTO rollup_state (name, time_zone, built_at) VALUES ('survey', 'Asia/Shanghai', CURRENT_TIMESTAMP)`);
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      expect(await plain(migrated, `SELECT name FROM rollup_state WHERE name = 'survey'`)).toEqual([]);
      await migrated.query('DELETE FROM survey_rollup_journal');
      await migrated.query(imported('b', '6'));
      await migrated.query(`UPDATE survey_response SET fft = 4 WHERE import_key = 'a'`);
      // An update that leaves every figure alone journals nothing.
      await migrated.query(`UPDATE survey_response SET language = 'zh' WHERE import_key = 'a'`);
      expect(await plain(migrated, 'SELECT sign, fft FROM survey_rollup_journal ORDER BY id')).toEqual([
        { sign: 1, fft: 6 },
        { sign: -1, fft: 1 },
        { sign: 1, fft: 4 },
      ]);

      const sql = new IndicatorSql(null, 480, 'Asia/Shanghai', kind === 'postgres');
      await migrated.transaction(async (manager) => {
        for (const statement of rebuildSurveyRollupSql(sql, 'Asia/Shanghai')) await manager.query(statement);
      });
      const daily = await plain(migrated, 'SELECT day, responses, fft_1, fft_2, fft_3, fft_4, fft_5, fft_6 FROM survey_daily');
      expect(daily.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'day' ? v : Number(v)])))).toEqual([
        { day: '2026-03-04', responses: 2, fft_1: 0, fft_2: 0, fft_3: 0, fft_4: 1, fft_5: 0, fft_6: 1 },
      ]);

      await migrated.undoLastMigration({ transaction: 'none' });
      // Back to the earlier triggers: a change of the FFT answer alone journals nothing (the rebuild emptied the journal).
      await migrated.query(`UPDATE survey_response SET fft = 2 WHERE import_key = 'a'`);
      expect(await plain(migrated, 'SELECT id FROM survey_rollup_journal')).toEqual([]);
      const columns =
        kind === 'postgres'
          ? "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'survey_daily' AND column_name LIKE 'fft%'"
          : "SELECT name FROM pragma_table_info('survey_daily') WHERE name LIKE 'fft%'";
      expect(await migrated.query(columns)).toEqual([]);
    },
    TIMEOUT,
  );
});
