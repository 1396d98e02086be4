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
      const [department] = (await old.query('SELECT id FROM department ORDER BY id DESC LIMIT 1')) as { id: number }[];
      await old.query(`INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on) VALUES (${patient.id}, ${department.id}, '2026-05-01 08:00:00', '2026-05-01')`);
      await old.query(
        `INSERT INTO survey_invitation (token_hash, encounter_id, patient_id, department_id, template_version_id, created_at, expires_at) VALUES ('${'a'.repeat(64)}', 1, ${patient.id}, ${department.id}, 1, '2026-05-01 09:00:00', '2026-05-08 09:00:00')`,
      );
      const [invitation] = (await old.query('SELECT id FROM survey_invitation')) as { id: number }[];
      await old.query(
        `INSERT INTO outreach_message (kind, patient_id, channel, purpose, idempotency_key, language, status, attempts, next_attempt_at) VALUES ('survey_invitation', ${patient.id}, 'sms', 'surveys', 'survey_invitation:${invitation.id}', 'zh', 'sent', 1, '2026-05-01 08:00:00')`,
      );
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      // The invitation already sent gets its causing record and department from its key.
      expect(await migrated.query('SELECT idempotency_key, status, department_id, source_id FROM outreach_message')).toEqual([
        { idempotency_key: `survey_invitation:${invitation.id}`, status: 'sent', department_id: department.id, source_id: invitation.id },
      ]);
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
      expect(await migrated.query('SELECT idempotency_key FROM outreach_message')).toEqual([{ idempotency_key: `survey_invitation:${invitation.id}` }]);
      const [row] = (await migrated.query('SELECT * FROM outreach_message')) as Record<string, unknown>[];
      expect(Object.keys(row)).not.toContain('department_id');
      expect(Object.keys(row)).not.toContain('source_id');
      await migrated.destroy();
    },
    TIMEOUT,
  );
});
