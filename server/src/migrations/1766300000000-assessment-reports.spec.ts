import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;
const MIGRATION = 'AssessmentReports1766300000000';

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'keeps one report per month and department (a second insert of the same is ignored), and undoes cleanly',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      const insert = (month: string, department: number, report: string) =>
        migrated.query(
          `INSERT INTO assessment_report (month, department_id, generated_at, generated_by, report) VALUES ('${month}', ${department}, '2026-11-01 00:00:00', NULL, '${report}') ON CONFLICT (month, department_id) DO NOTHING`,
        );
      await insert('2026-10', 0, '{"first":true}');
      await insert('2026-10', 0, '{"second":true}');
      await insert('2026-10', 1, '{"department":1}');
      const rows = JSON.parse(JSON.stringify(await migrated.query('SELECT month, department_id, report FROM assessment_report ORDER BY department_id')));
      expect(rows).toEqual([
        { month: '2026-10', department_id: 0, report: '{"first":true}' },
        { month: '2026-10', department_id: 1, report: '{"department":1}' },
      ]);

      await migrated.undoLastMigration({ transaction: 'each' });
      const tables =
        kind === 'postgres'
          ? await migrated.query("SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'assessment_report'")
          : await migrated.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'assessment_report'");
      expect(tables).toEqual([]);
      const [last] = (await migrated.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as { name: string }[];
      expect(last.name).toBe('ImprovementActions1766200000000');
      await migrated.destroy();
    },
    TIMEOUT,
  );
});
