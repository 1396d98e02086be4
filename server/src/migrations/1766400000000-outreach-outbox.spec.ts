import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;
const MIGRATION = 'OutreachOutbox1766400000000';

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'adds the outbox with its checks and unique idempotency key, keeps existing patients (email empty), and undoes cleanly',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      await old.query("INSERT INTO patient (name, phone, stage, stage_since) VALUES ('王芳', '13800000001', 'first_visit', '2026-05-01 08:00:00')");
      await old.destroy();

      // Through this migration only: undoing the last one below must undo this one, whatever comes later.
      const migrated = await migrate({ migrationsThrough: MIGRATION });
      const [patient] = (await migrated.query("SELECT id, email FROM patient WHERE phone = '13800000001'")) as { id: number; email: string | null }[];
      expect(patient.email).toBeNull();
      const message = (key: string, values: Partial<Record<'kind' | 'channel' | 'purpose' | 'status' | 'attempts' | 'patient', string>> = {}) =>
        migrated.query(
          `INSERT INTO outreach_message (kind, patient_id, channel, purpose, idempotency_key, language, status, attempts, next_attempt_at) VALUES (${values.kind ?? "'survey_invitation'"}, ${values.patient ?? patient.id}, ${values.channel ?? "'sms'"}, ${values.purpose ?? "'surveys'"}, '${key}', 'zh', ${values.status ?? "'queued'"}, ${values.attempts ?? 0}, '2026-05-01 08:00:00')`,
        );
      await message('survey_invitation:1');
      await message('revisit_reminder:1', { kind: "'revisit_reminder'", channel: "'email'", purpose: "'follow_up'", status: "'suppressed'" });
      const refused = (sql: Promise<unknown>) => expect(sql).rejects.toThrow(/check|constraint|foreign key|unique|duplicate/i);
      await refused(message('survey_invitation:1'));
      await refused(message('x:1', { kind: "'newsletter'" }));
      await refused(message('x:2', { channel: "'fax'" }));
      await refused(message('x:3', { purpose: "'marketing'" }));
      await refused(message('x:4', { status: "'pending'" }));
      await refused(message('x:5', { attempts: '-1' }));
      await refused(message('x:6', { patient: '9999' }));
      const [{ n }] = (await migrated.query('SELECT COUNT(*) AS n FROM outreach_message')) as { n: number | string }[];
      expect(Number(n)).toBe(2);

      await migrated.query('DELETE FROM outreach_message');
      await migrated.undoLastMigration({ transaction: 'each' });
      const tables = kind === 'postgres'
        ? ((await migrated.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'")) as { name: string }[])
        : ((await migrated.query("SELECT name FROM sqlite_master WHERE type = 'table'")) as { name: string }[]);
      expect(tables.map((t) => t.name)).not.toContain('outreach_message');
      expect(await migrated.query("SELECT name FROM patient WHERE phone = '13800000001'")).toEqual([{ name: '王芳' }]);
      const [row] = (await migrated.query('SELECT * FROM patient')) as Record<string, unknown>[];
      expect(Object.keys(row)).not.toContain('email');
      await migrated.destroy();
    },
    TIMEOUT,
  );
});
