import type { DataSource } from 'typeorm';
import { appDataSource, pendingSchemaChanges } from './testing/app-schema';
import { createScratchDatabase, scratchKinds, type ScratchDatabase } from './testing/scratch-database';

/*
 * The entities are the whole truth about the schema: on a database made by the migrations,
 * TypeORM's comparison with the entities must want nothing. Runs on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL is set (as in CI).
 */

const LATEST = 'SchemaMatchesEntities1764400000000';
const TIMEOUT = 120_000;

describe.each(scratchKinds())('schema on %s', (kind) => {
  let db: ScratchDatabase;
  let dataSource: DataSource | undefined;

  beforeEach(async () => {
    db = await createScratchDatabase(kind);
  });
  afterEach(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    dataSource = undefined;
    await db.drop();
  });

  async function migrate(options: { migrationsBefore?: string; migrationsThrough?: string } = {}): Promise<DataSource> {
    if (dataSource?.isInitialized) await dataSource.destroy();
    dataSource = appDataSource(db.url, options);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  }

  it(
    'is exactly what the entities declare after all migrations',
    async () => {
      const migrated = await migrate();
      expect(await pendingSchemaChanges(migrated)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'refuses values outside the lists in shared/ (CHECK constraints) and rows pointing nowhere (foreign keys)',
    async () => {
      const migrated = await migrate();
      await insertSampleRows(migrated);
      const refused = async (sql: string) => {
        await expect(migrated.query(sql)).rejects.toThrow(/check|constraint|foreign key/i);
      };
      await refused("UPDATE callback SET status = 'lost' WHERE id = 1");
      await refused("UPDATE callback SET kind = 'spam' WHERE id = 1");
      await refused("UPDATE callback_attempt SET outcome = 'maybe' WHERE id = 1");
      await refused("UPDATE stage_transition SET to_stage = 'limbo' WHERE id = 1");
      await refused('UPDATE survey_response SET nps = 11 WHERE id = 1');
      await refused('UPDATE survey_response SET csat = 0 WHERE id = 1');
      await refused("UPDATE survey_answer SET value_number = 6 WHERE kind = 'rating'");
      await refused('UPDATE callback SET department_id = 9999 WHERE id = 1');
      await refused('UPDATE survey_invitation SET created_by = 9999 WHERE id = 1');
    },
    TIMEOUT,
  );

  it(
    `keeps every row when ${LATEST} upgrades a database made by the earlier migrations, and ends at the same schema`,
    async () => {
      const old = await migrate({ migrationsBefore: LATEST });
      await insertSampleRows(old);
      const before = await snapshot(old);
      const constraintsBefore = await constraintNames(old);

      // Later migrations may add columns: the rows must come through this one (and back) unchanged.
      const upgraded = await migrate({ migrationsThrough: LATEST });
      expect(await snapshot(upgraded)).toEqual(before);
      // The rebuilt tables kept their indexes: still one open encounter per patient and department.
      await expect(
        upgraded.query(
          "INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on) VALUES (1, 1, '2026-03-02 08:00:00', '2026-03-02')",
        ),
      ).rejects.toThrow(/unique|duplicate/i);

      // And back down, and up again (SQLite turns foreign keys off only outside a transaction).
      await upgraded.undoLastMigration({ transaction: 'none' });
      expect(await snapshot(upgraded)).toEqual(before);
      expect(await constraintNames(upgraded)).toEqual(constraintsBefore);
      await upgraded.runMigrations({ transaction: 'each' });
      expect(await snapshot(upgraded)).toEqual(before);
      expect(await pendingSchemaChanges(await migrate())).toEqual([]);
    },
    TIMEOUT,
  );

  if (kind === 'sqlite') {
    it(
      'refuses to rebuild a table that has a column its frozen definition does not know (rather than drop it)',
      async () => {
        const old = await migrate({ migrationsBefore: LATEST });
        await old.query('ALTER TABLE callback ADD COLUMN added_elsewhere text');
        await expect(migrate()).rejects.toThrow(/would drop added_elsewhere from callback/);
      },
      TIMEOUT,
    );

    it(
      'keeps AUTOINCREMENT counters across the table rebuilds (ids of deleted rows are not reused)',
      async () => {
        const old = await migrate({ migrationsBefore: LATEST });
        await insertSampleRows(old);
        await old.query("INSERT INTO callback (id, patient_id, kind, priority, status, due_at) VALUES (50, 1, 'manual', 'normal', 'pending', '2026-03-05 09:00:00')");
        await old.query('DELETE FROM callback WHERE id = 50');

        const upgraded = await migrate();
        await upgraded.query("INSERT INTO callback (patient_id, kind, priority, status, due_at) VALUES (1, 'manual', 'normal', 'pending', '2026-03-05 09:00:00')");
        const [{ id }] = await upgraded.query('SELECT MAX(id) AS id FROM callback');
        expect(id).toBe(51);
      },
      TIMEOUT,
    );
  }
});

const TABLES = [
  'staff_user',
  'department',
  'patient',
  'encounter',
  'stage_transition',
  'survey_template_version',
  'survey_invitation',
  'survey_response',
  'survey_answer',
  'callback',
  'callback_attempt',
  'follow_up_rule',
  'audit_entry',
];

/** Every row of every table the upgrade touches, in id order. */
async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) result[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);
  return JSON.parse(JSON.stringify(result));
}

/** Every named constraint (CHECK, FOREIGN KEY, UNIQUE, PRIMARY KEY), as `table.name`, sorted. */
async function constraintNames(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type === 'postgres') {
    const rows: { name: string }[] = await dataSource.query(
      "SELECT conrelid::regclass || '.' || conname AS name FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
    );
    return rows.map((row) => row.name.replace(/"/g, '')).sort();
  }
  const tables: { name: string; sql: string }[] = await dataSource.query("SELECT name, sql FROM sqlite_master WHERE type = 'table'");
  return tables.flatMap(({ name, sql }) => [...sql.matchAll(/CONSTRAINT "([^"]+)"/g)].map((match) => `${name}.${match[1]}`)).sort();
}

/** A small but complete history: a patient with a visit, a survey answered, a callback worked. Plain SQL for both databases. */
async function insertSampleRows(dataSource: DataSource): Promise<void> {
  // The recovery flag's column was renamed by ResponseNeedsRecovery1765200000000 (after LATEST).
  const recoveryColumn = await dataSource.query('SELECT needs_recovery FROM survey_response WHERE 1 = 0').then(
    () => 'needs_recovery',
    () => 'detractor',
  );
  const statements = [
    "INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ('desk', 'Front Desk', 'front_desk', 'x')",
    "INSERT INTO staff_user (username, display_name, role, password_hash, active) VALUES ('gone', 'Former', 'admin', 'y', FALSE)",
    `INSERT INTO patient (name, phone, gender, stage, stage_since, last_department_id, consent_calls, consent_calls_by, created_by, latest_survey_detractor)
       VALUES ('王芳', '13800138000', 'female', 'treatment', '2026-03-01 08:00:00', 1, TRUE, 1, 1, TRUE)`,
    "INSERT INTO patient (name, phone, stage, stage_since) VALUES ('李雷', '13900139000', 'first_visit', '2026-03-01 08:05:00')",
    `INSERT INTO encounter (patient_id, department_id, clinician, checked_in_at, checked_in_on, called_at, wait_seconds, created_by)
       VALUES (1, 1, 'Dr. Zhou', '2026-03-01 08:00:00', '2026-03-01', '2026-03-01 08:20:00', 1200, 1)`,
    `INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on, finished_at, next_visit_due, returned_on, superseded)
       VALUES (2, 2, '2026-01-01 08:00:00', '2026-01-01', '2026-01-01 09:00:00', '2026-02-01', '2026-02-03', TRUE)`,
    "INSERT INTO stage_transition (patient_id, from_stage, to_stage, at, by_id, encounter_id) VALUES (1, NULL, 'first_visit', '2026-03-01 08:00:00', 1, 1)",
    "INSERT INTO stage_transition (patient_id, from_stage, to_stage, at, by_id, reason) VALUES (1, 'first_visit', 'treatment', '2026-03-01 08:30:00', 1, 'admitted')",
    `INSERT INTO survey_invitation (token_hash, encounter_id, patient_id, department_id, template_version_id, created_at, expires_at, used_at, created_by)
       VALUES ('${'a'.repeat(64)}', 1, 1, 1, 1, '2026-03-01 09:00:00', '2026-03-08 09:00:00', '2026-03-01 10:00:00', 1)`,
    `INSERT INTO survey_response (invitation_id, encounter_id, patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, csat, ${recoveryColumn}, comment, language)
       VALUES (1, 1, 1, 1, 1, '2026-03-01 10:00:00', '2026-03-01', 3, 2, TRUE, '等太久了', 'zh')`,
    "INSERT INTO survey_answer (response_id, question_id, kind, value_number) VALUES (1, 'nps', 'nps', 3)",
    "INSERT INTO survey_answer (response_id, question_id, kind, value_number) VALUES (1, 'csat', 'csat', 2)",
    "INSERT INTO survey_answer (response_id, question_id, kind, dimension, value_number) VALUES (1, 'wait_time', 'rating', 'wait_time', 1)",
    "INSERT INTO survey_answer (response_id, question_id, kind, value_text) VALUES (1, 'comment', 'text', '等太久了')",
    `INSERT INTO callback (patient_id, kind, priority, status, due_at, reason, survey_response_id, encounter_id, department_id, source_key,
                           claimed_by, claimed_at, claim_expires_at, attempt_count, outcome, completed_at, note, created_by)
       VALUES (1, 'service_recovery', 'high', 'completed', '2026-03-02 10:00:00', 'detractor', 1, 1, 1, 'response:1',
               1, '2026-03-02 09:00:00', '2026-03-02 09:30:00', 2, 'reached', '2026-03-02 09:10:00', 'apologised', 1)`,
    "INSERT INTO callback (patient_id, kind, priority, status, due_at, expected_on) VALUES (2, 'missed_revisit', 'normal', 'pending', '2026-03-10 09:00:00', '2026-02-01')",
    "INSERT INTO callback_attempt (callback_id, at, staff_id, outcome) VALUES (1, '2026-03-02 09:05:00', 1, 'no_answer')",
    "INSERT INTO callback_attempt (callback_id, at, staff_id, outcome, note) VALUES (1, '2026-03-02 09:10:00', 1, 'reached', 'apologised')",
    "UPDATE follow_up_rule SET enabled = FALSE, offset_value = 5 WHERE key = 'rehab_check'",
    "INSERT INTO audit_entry (at, actor_id, action, entity_type, entity_id, patient_id, ip) VALUES ('2026-03-01 08:00:00', 1, 'patient.create', 'patient', 1, 1, '10.0.0.1')",
  ];
  for (const sql of statements) await dataSource.query(sql);
}
