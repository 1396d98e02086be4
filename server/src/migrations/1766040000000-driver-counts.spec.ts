import type { DataSource } from 'typeorm';
import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';
import { IndicatorSql } from '../indicators/indicator-sql';
import { rebuildDriverRollupSql } from '../indicators/rollups/driver-rollup';

const TIMEOUT = 120_000;
const MIGRATION = 'DriverCounts1766040000000';

const rows = async (source: DataSource) =>
  JSON.parse(JSON.stringify(await source.query('SELECT * FROM driver_count ORDER BY span, department_id, first_day, kind, label, x, y'))) as Record<string, unknown>[];

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'builds the drivers rollup from the rows already there, as the rebuild does, and its triggers follow a visit’s wait',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      const response = (id: number, encounter: string, nps: string, sentiment: string) =>
        `INSERT INTO survey_response (encounter_id, department_id, template_version_id, submitted_at, submitted_on, nps, csat, needs_recovery, language, comment_sentiment)
           VALUES (${encounter}, ${id}, 1, '2026-03-04 10:00:00', '2026-03-04', ${nps}, 2, FALSE, 'zh', ${sentiment})`;
      const statements = [
        "INSERT INTO patient (name, phone, stage, stage_since) VALUES ('王芳', '13800138000', 'first_visit', '2026-03-01 08:00:00')",
        "INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on, wait_seconds) VALUES (1, 1, '2026-03-04 08:00:00', '2026-03-04', 1200)",
        "INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on) VALUES (1, 2, '2026-03-04 08:00:00', '2026-03-04')",
        response(1, '1', '3', "'negative'"),
        response(2, '2', 'NULL', "'neutral'"),
        response(1, 'NULL', '9', 'NULL'), // anonymous (an FFT import), no comment
        "INSERT INTO survey_answer (response_id, question_id, kind, dimension, value_number) VALUES (1, 'wait_time', 'rating', 'wait_time', 1)",
        "INSERT INTO survey_answer (response_id, question_id, kind, dimension, value_number) VALUES (2, 'wait_time', 'rating', 'wait_time', 4)",
        `INSERT INTO response_theme (response_id, theme_key, matched, submitted_on, department_id, nps) VALUES (1, 'waiting', '["等"]', '2026-03-04', 1, 3)`,
      ];
      for (const sql of statements) await old.query(sql);
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      const built = await rows(migrated);
      // Department 0 (all), the day: a tagged comment with NPS 3, its theme, two ratings (one without NPS), one wait (15-30 min, NPS 3, CSAT 2).
      expect(built.filter((row) => row['span'] === 'day' && Number(row['department_id']) === 0).map((row) => [row['kind'], row['label'], row['x'], row['y'], row['n']])).toEqual([
        ['commented', '', 3, -1, 1],
        ['rating', 'wait_time', 1, 3, 1],
        ['rating', 'wait_time', 4, -1, 1],
        ['theme', 'waiting', 3, -1, 1],
        ['wait', '15_30', 3, 2, 1],
      ]);
      // Each count in its day, week (Monday 2026-03-02) and month, of its department and of all.
      expect(new Set(built.map((row) => `${row['span']} ${row['first_day']}`))).toEqual(new Set(['day 2026-03-04', 'week 2026-03-02', 'month 2026-03-01']));
      expect(built).toHaveLength(5 * 3 * 2);
      const sql = new IndicatorSql(null, 480, 'Asia/Shanghai', kind === 'postgres');
      await migrated.transaction(async (manager) => {
        for (const statement of rebuildDriverRollupSql(sql)) await manager.query(statement);
      });
      expect(await rows(migrated)).toEqual(built);

      // The visit's wait changes: its response's wait row moves band (journalled, -1 then +1).
      await migrated.query('UPDATE encounter SET wait_seconds = 3600 WHERE id = 1');
      const journal = await migrated.query('SELECT sign, kind, label FROM driver_count_journal ORDER BY id');
      expect(JSON.parse(JSON.stringify(journal))).toEqual([
        { sign: -1, kind: 'wait', label: '15_30' },
        { sign: 1, kind: 'wait', label: 'over_60' },
      ]);

      await migrated.undoLastMigration({ transaction: 'none' });
      const catalog =
        kind === 'postgres'
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'driver_count%'"
          : "SELECT name FROM sqlite_master WHERE name LIKE 'driver_count%'";
      expect(await migrated.query(catalog)).toEqual([]);
      await migrated.query('UPDATE encounter SET wait_seconds = 60 WHERE id = 1');
    },
    TIMEOUT,
  );
});
