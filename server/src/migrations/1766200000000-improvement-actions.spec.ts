import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;
const MIGRATION = 'ImprovementActions1766200000000';

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'adds actions, notes and targets with their checks, keeps one target per indicator and department, and undoes cleanly',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      await old.query("INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ('qm', '质控', 'quality_manager', 'x')");
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      const [{ id: departmentId }] = (await migrated.query('SELECT id FROM department ORDER BY id LIMIT 1')) as { id: number }[];
      const [{ id: userId }] = (await migrated.query("SELECT id FROM staff_user WHERE username = 'qm'")) as { id: number }[];
      const action = (values: string) =>
        migrated.query(
          `INSERT INTO improvement_action (title, department_id, owner_user_id, indicator, better_direction, start_date, end_date, status, baseline_days, lag_days, follow_up_days) VALUES (${values})`,
        );
      await action(`'线上预约', ${departmentId}, ${userId}, 'wait_median', 'lower', '2026-05-01', NULL, 'planned', 90, 30, 90`);
      await action(`'沟通培训', NULL, ${userId}, 'dimension:doctor_communication', 'higher', '2026-05-01', '2026-05-01', 'in_progress', 7, 0, 365`);
      const refused = (sql: Promise<unknown>) => expect(sql).rejects.toThrow(/check|constraint|foreign key/i);
      await refused(action(`'x', NULL, ${userId}, 'nps', 'higher', '2026-05-02', '2026-05-01', 'planned', 90, 30, 90`));
      await refused(action(`'x', NULL, ${userId}, 'nps', 'up', '2026-05-01', NULL, 'planned', 90, 30, 90`));
      await refused(action(`'x', NULL, ${userId}, 'nps', 'higher', '2026-05-01', NULL, 'paused', 90, 30, 90`));
      await refused(action(`'x', NULL, ${userId}, 'nps', 'higher', '2026-05-01', NULL, 'planned', 6, 30, 90`));
      await refused(action(`'x', NULL, ${userId}, 'nps', 'higher', '2026-05-01', NULL, 'planned', 90, 366, 90`));
      await refused(action(`'x', NULL, 9999, 'nps', 'higher', '2026-05-01', NULL, 'planned', 90, 30, 90`));
      await refused(action(`'x', 9999, ${userId}, 'nps', 'higher', '2026-05-01', NULL, 'planned', 90, 30, 90`));

      await migrated.query(`INSERT INTO improvement_note (action_id, text, author_id) VALUES (1, '第一周：已上线', ${userId})`);
      await refused(migrated.query(`INSERT INTO improvement_note (action_id, text) VALUES (99, 'x')`));

      const target = (department: string, comparator = 'at_most') =>
        migrated.query(`INSERT INTO indicator_target (indicator, department_id, comparator, value) VALUES ('wait_median', ${department}, '${comparator}', 20)`);
      await target('NULL');
      await target(String(departmentId));
      // One hospital target and one per department: NULLs would never collide in a plain unique index.
      await refused(target('NULL'));
      await refused(target(String(departmentId)));
      await refused(migrated.query(`INSERT INTO indicator_target (indicator, department_id, comparator, value) VALUES ('nps', NULL, 'near', 50)`));

      // Deleting an action takes its notes with it.
      await migrated.query('DELETE FROM improvement_action WHERE id = 1');
      expect(((await migrated.query('SELECT COUNT(*) AS n FROM improvement_note')) as { n: number | string }[])[0].n).toEqual(kind === 'postgres' ? '0' : 0);

      await migrated.undoLastMigration({ transaction: 'each' });
      const tables = kind === 'postgres'
        ? ((await migrated.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'")) as { name: string }[])
        : ((await migrated.query("SELECT name FROM sqlite_master WHERE type = 'table'")) as { name: string }[]);
      const names = tables.map((t) => t.name);
      expect(names).not.toContain('improvement_action');
      expect(names).not.toContain('improvement_note');
      expect(names).not.toContain('indicator_target');
      expect(names).toContain('staff_user');
      await migrated.destroy();
    },
    TIMEOUT,
  );
});
