import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;
const MIGRATION = 'OutreachSources1766500000000';

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'keeps the outbox rows, accepts the survey reminder and a department, refuses unknown ones, and undoes cleanly',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      await old.query("INSERT INTO patient (name, phone, stage, stage_since) VALUES ('王芳', '13800000001', 'first_visit', '2026-05-01 08:00:00')");
      const [patient] = (await old.query("SELECT id FROM patient WHERE phone = '13800000001'")) as { id: number }[];
      await old.query(
        `INSERT INTO outreach_message (kind, patient_id, channel, purpose, idempotency_key, language, status, attempts, next_attempt_at) VALUES ('survey_invitation', ${patient.id}, 'sms', 'surveys', 'survey_invitation:1', 'zh', 'sent', 1, '2026-05-01 08:00:00')`,
      );
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      expect(await migrated.query("SELECT idempotency_key, status, department_id, source_id FROM outreach_message")).toEqual([
        { idempotency_key: 'survey_invitation:1', status: 'sent', department_id: null, source_id: null },
      ]);
      const [department] = (await migrated.query('SELECT id FROM department ORDER BY id LIMIT 1')) as { id: number }[];
      const reminder = (key: string, kindValue: string, departmentId: number) =>
        migrated.query(
          `INSERT INTO outreach_message (kind, patient_id, channel, purpose, idempotency_key, language, status, attempts, next_attempt_at, department_id, source_id) VALUES ('${kindValue}', ${patient.id}, 'sms', 'surveys', '${key}', 'zh', 'queued', 0, '2026-05-03 08:00:00', ${departmentId}, 1)`,
        );
      await reminder('survey_reminder:1', 'survey_reminder', department.id);
      const refused = (sql: Promise<unknown>) => expect(sql).rejects.toThrow(/check|constraint|foreign key/i);
      await refused(reminder('x:1', 'newsletter', department.id));
      await refused(reminder('x:2', 'survey_reminder', 999_999));

      if (kind === 'sqlite') await migrated.query('PRAGMA foreign_keys = OFF'); // as the migration runner does
      await migrated.undoLastMigration({ transaction: 'each' });
      expect(await migrated.query('SELECT idempotency_key FROM outreach_message')).toEqual([{ idempotency_key: 'survey_invitation:1' }]);
      const [row] = (await migrated.query('SELECT * FROM outreach_message')) as Record<string, unknown>[];
      expect(Object.keys(row)).not.toContain('department_id');
      expect(Object.keys(row)).not.toContain('source_id');
      await migrated.destroy();
    },
    TIMEOUT,
  );
});
