import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;
const MIGRATION = 'RelationshipPhases1766100000000';

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'keeps every patient (exploration, value 0 until worked out) and marks a patient when their encounters, answers or stages change',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      await old.query("INSERT INTO patient (name, phone, stage, stage_since) VALUES ('王芳', '13800138000', 'first_visit', '2026-03-01 08:00:00')");
      await old.query("INSERT INTO patient (name, phone, stage, stage_since) VALUES ('李雷', '13800138001', 'first_visit', '2026-03-01 08:00:00')");
      await old.query("INSERT INTO patient (name, phone, stage, stage_since) VALUES ('韩梅', '13800138002', 'first_visit', '2026-03-01 08:00:00')");
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      const patients = JSON.parse(JSON.stringify(await migrated.query('SELECT id, name, phase, phase_since, value_score, value_tier, clv FROM patient ORDER BY id')));
      expect(patients[0]).toEqual({ id: 1, name: '王芳', phase: 'exploration', phase_since: null, value_score: 0, value_tier: 'low', clv: 0 });
      expect(patients).toHaveLength(3);
      const dirty = async () => ((await migrated.query('SELECT patient_id FROM relationship_dirty ORDER BY patient_id')) as { patient_id: number }[]).map((r) => Number(r.patient_id));
      expect(await dirty()).toEqual([]);

      await migrated.query("INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on) VALUES (1, 1, '2026-03-04 08:00:00', '2026-03-04')");
      await migrated.query("INSERT INTO survey_response (patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, needs_recovery, language) VALUES (2, 1, 1, '2026-03-04 10:00:00', '2026-03-04', 9, FALSE, 'zh')");
      expect(await dirty()).toEqual([1, 2]);
      await migrated.query('DELETE FROM relationship_dirty');
      // A change the phase does not depend on marks nobody; one it does marks the patient, again after being worked out.
      await migrated.query('UPDATE encounter SET wait_seconds = 600 WHERE id = 1');
      expect(await dirty()).toEqual([]);
      await migrated.query("UPDATE encounter SET finished_at = '2026-03-04 09:00:00', next_visit_due = '2026-04-04' WHERE id = 1");
      await migrated.query("INSERT INTO stage_transition (patient_id, from_stage, to_stage, at) VALUES (3, 'first_visit', 'treatment', '2026-03-05 08:00:00')");
      expect(await dirty()).toEqual([1, 3]);
      // An encounter moved to another patient marks both.
      await migrated.query('DELETE FROM relationship_dirty');
      await migrated.query('UPDATE encounter SET patient_id = 2 WHERE id = 1');
      expect(await dirty()).toEqual([1, 2]);
      await expect(migrated.query("UPDATE patient SET phase = 'lost' WHERE id = 1")).rejects.toThrow(/check|constraint/i);
      await expect(migrated.query("UPDATE patient SET value_tier = 'top' WHERE id = 1")).rejects.toThrow(/check|constraint/i);

      // The migration runner turns SQLite's foreign keys off to rebuild a table; so does this undo.
      if (kind === 'sqlite') await migrated.query('PRAGMA foreign_keys = OFF');
      await migrated.undoLastMigration({ transaction: 'each' });
      const columns = kind === 'postgres'
        ? ((await migrated.query("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'patient'")) as { name: string }[])
        : ((await migrated.query('PRAGMA table_info(patient)')) as { name: string }[]);
      expect(columns.map((c) => c.name)).not.toContain('phase');
      expect(((await migrated.query('SELECT COUNT(*) AS n FROM patient')) as { n: number }[])[0].n).toEqual(kind === 'postgres' ? '3' : 3);
      await migrated.query("INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on) VALUES (1, 1, '2026-03-06 08:00:00', '2026-03-06')");
      await migrated.destroy();
    },
    TIMEOUT,
  );
});
