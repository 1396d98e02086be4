import type { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSAL = 'audit_entry is append-only';

/**
 * The audit log is append-only in the database itself, not only by the app's good manners: a trigger
 * refuses every UPDATE and DELETE on `audit_entry`. The one exception is the retention purge
 * (`AuditRetentionJob`), which may delete entries older than a cutoff it announces inside its own
 * transaction, and nothing else:
 * - PostgreSQL: the transaction-local setting `huifang.audit_purge_before` (`set_config(…, true)`),
 *   gone at commit or rollback; TRUNCATE is refused too.
 * - SQLite: the one-row table `audit_purge_gate`, set and cleared inside the purge's transaction,
 *   so no other connection ever sees it set.
 */
export class AppendOnlyAuditLog1764601000000 implements MigrationInterface {
  name = 'AppendOnlyAuditLog1764601000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`
        CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          purge_before timestamptz := NULLIF(current_setting('huifang.audit_purge_before', true), '')::timestamptz;
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF purge_before IS NOT NULL AND OLD.at < purge_before THEN
              RETURN OLD;
            END IF;
          END IF;
          RAISE EXCEPTION '${REFUSAL}' USING ERRCODE = 'insufficient_privilege';
        END
        $$`);
      await queryRunner.query(
        `CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`,
      );
      return;
    }
    await queryRunner.query(`CREATE TABLE audit_purge_gate (id integer PRIMARY KEY CHECK (id = 1), purge_before datetime)`);
    await queryRunner.query(`INSERT INTO audit_purge_gate (id, purge_before) VALUES (1, NULL)`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
       WHEN NOT EXISTS (SELECT 1 FROM audit_purge_gate WHERE purge_before IS NOT NULL AND OLD.at < purge_before)
       BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
    );
    // The gate has exactly one row, always: it can be set, never removed or multiplied.
    await queryRunner.query(
      `CREATE TRIGGER audit_purge_gate_no_delete BEFORE DELETE ON audit_purge_gate BEGIN SELECT RAISE(ABORT, 'audit_purge_gate keeps its row'); END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`DROP TRIGGER audit_entry_no_truncate ON audit_entry`);
      await queryRunner.query(`DROP TRIGGER audit_entry_append_only ON audit_entry`);
      await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
      return;
    }
    await queryRunner.query(`DROP TRIGGER audit_purge_gate_no_delete`);
    await queryRunner.query(`DROP TRIGGER audit_entry_no_delete`);
    await queryRunner.query(`DROP TRIGGER audit_entry_no_update`);
    await queryRunner.query(`DROP TABLE audit_purge_gate`);
  }
}
