import { migrationHarness } from '../core/database/testing/migration-harness';
import { scratchKinds } from '../core/database/testing/scratch-database';

const TIMEOUT = 120_000;
const MIGRATION = 'OutreachTemplates1766600000000';

describe.each(scratchKinds())(`${MIGRATION} on %s`, (kind) => {
  const { migrate } = migrationHarness(kind);

  it(
    'keeps one template per kind and language, refuses unknown kinds, languages and staff, lets its author go, and undoes cleanly',
    async () => {
      const old = await migrate({ migrationsBefore: MIGRATION });
      await old.query("INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ('tpl.admin', '管理员', 'admin', 'x')");
      await old.destroy();

      const migrated = await migrate({ migrationsThrough: MIGRATION });
      const [{ id: userId }] = (await migrated.query("SELECT id FROM staff_user WHERE username = 'tpl.admin'")) as { id: number }[];
      const template = (kindValue: string, language: string, updatedBy: number | string = userId) =>
        migrated.query(
          `INSERT INTO outreach_template (kind, language, subject, body, updated_at, updated_by) VALUES ('${kindValue}', '${language}', '主题', '{link}', '2026-05-01 08:00:00', ${updatedBy})`,
        );
      await template('survey_invitation', 'zh');
      await template('survey_invitation', 'en');
      await template('callback_appointment', 'zh', 'NULL');
      const refused = (sql: Promise<unknown>) => expect(sql).rejects.toThrow(/check|constraint|foreign key|unique|duplicate/i);
      await refused(template('survey_invitation', 'zh'));
      await refused(template('newsletter', 'zh'));
      await refused(template('survey_reminder', 'fr'));
      await refused(template('survey_reminder', 'zh', 999_999));

      // The author's account may go: the text stays, without its author.
      await migrated.query(`DELETE FROM staff_user WHERE id = ${userId}`);
      expect(await migrated.query("SELECT kind, language, updated_by FROM outreach_template WHERE kind = 'survey_invitation' ORDER BY language")).toEqual([
        { kind: 'survey_invitation', language: 'en', updated_by: null },
        { kind: 'survey_invitation', language: 'zh', updated_by: null },
      ]);

      await migrated.undoLastMigration({ transaction: 'each' });
      const runner = migrated.createQueryRunner();
      expect(await runner.hasTable('outreach_template')).toBe(false);
      await runner.release();
      await migrated.destroy();
    },
    TIMEOUT,
  );
});
