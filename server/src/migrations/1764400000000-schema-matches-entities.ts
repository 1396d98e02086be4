import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The entities are the whole truth about the schema (issue #9), and this brings databases made by
 * the earlier migrations there, keeping every row:
 * - CHECK constraints on the enum-like and scaled columns (callback kind/priority/status/outcome,
 *   attempt outcomes, stages, gender, survey kinds, dimensions, languages, NPS 0-10, CSAT and
 *   ratings 1-5, template status, follow-up rule key/unit/priority);
 * - the foreign keys the entities declare but the tables lacked: callback.department_id,
 *   claimed_by, created_by and survey_invitation.created_by;
 * - the two CHECK constraints named by hand (role, stage) renamed to TypeORM's names;
 * - on SQLite also the boolean defaults written as TypeORM writes them (`1`/`0` for `true`/`FALSE`).
 *
 * PostgreSQL adds the constraints in place. SQLite cannot add a constraint to a table, so each
 * table changed is rebuilt with its final definition (below, exactly as TypeORM derives it from the
 * entities): copy the rows, swap the tables, put back the indexes and triggers, keep the
 * AUTOINCREMENT counter. The migration runner turns foreign key enforcement off around migrations
 * (as a rebuild needs); this checks it, and afterwards checks every foreign key holds, as
 * PostgreSQL does when it adds one.
 *
 * Constraint names are TypeORM's (a hash of table and expression or columns), so a change to an
 * entity's constraint shows up in the schema comparison (core/database/schema-truth.spec.ts).
 */
export class SchemaMatchesEntities1764400000000 implements MigrationInterface {
  name = 'SchemaMatchesEntities1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      for (const [table, constraint] of renamedConstraints()) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${RENAMED[constraintName(constraint) ?? '']}"`);
        await queryRunner.query(`ALTER TABLE "${table}" ADD ${constraint}`);
      }
      for (const [table, constraint] of addedConstraints()) await queryRunner.query(`ALTER TABLE "${table}" ADD ${constraint}`);
      return;
    }
    await assertForeignKeysOff(queryRunner);
    const replaced = new Set(Object.values(RENAMED));
    for (const [table, definition] of Object.entries(SQLITE_TABLES)) await rebuildSqliteTable(queryRunner, table, definition, replaced);
    await assertForeignKeysHold(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      for (const [table, constraint] of addedConstraints().reverse()) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraintName(constraint)}"`);
      }
      for (const [table, constraint] of renamedConstraints()) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraintName(constraint)}"`);
        await queryRunner.query(`ALTER TABLE "${table}" ADD ${withOldName(constraint)}`);
      }
      return;
    }
    // TypeORM reverts inside a transaction, where SQLite cannot turn foreign keys off: revert with
    // `transaction: 'none'`, and the rebuild gets a transaction of its own here.
    await assertForeignKeysOff(queryRunner);
    const ownTransaction = !queryRunner.isTransactionActive;
    if (ownTransaction) await queryRunner.startTransaction();
    try {
      for (const [table, definition] of Object.entries(SQLITE_TABLES)) {
        const before = definition.filter((item) => !ADDED.has(constraintName(item) ?? '')).map(withOldName);
        await rebuildSqliteTable(queryRunner, table, before, new Set([...ADDED, ...Object.keys(RENAMED)]));
      }
      if (ownTransaction) await queryRunner.commitTransaction();
    } catch (error) {
      if (ownTransaction) await queryRunner.rollbackTransaction();
      throw error;
    }
  }
}

/** The constraints this migration adds (everything else in the definitions below already existed). */
const ADDED = new Set([
  'CHK_f89521d2416f49651ab3740206',
  'CHK_77096c3161c8b993c870257c8b',
  'CHK_248757e62f5bb6a56b5f26c50f',
  'CHK_569f366e4930c5174b4ae7baec',
  'FK_9b7d8f6f125d56b46c7a9652d64',
  'CHK_bedd13d1eee11109555b11f360',
  'CHK_1ea441aa7c881c7d264ad90e55',
  'CHK_9ff739809c750cddea37b6daf1',
  'CHK_bedcebb22865a77275520ca5c5',
  'CHK_40bb921e4cc2216d4c753aabdb',
  'CHK_f498ee5f18671cedb0b543154d',
  'CHK_d5c0bef022bb9bcfb8444c1fa0',
  'CHK_643dd9b354756a1a4434c524b3',
  'CHK_6a20aa0e7507f19f4918f01f3d',
  'CHK_d85b85f9c6a84d0c8cd83d9adc',
  'CHK_328fefbba8b8666f7d4af21bbb',
  'FK_1b861d92d0774c01390be201fc4',
  'FK_98e114bfb4e8321da46e507d78a',
  'FK_4c0db753559d79ffd87fcf6dc45',
  'CHK_eb8b5df9263c7c12e5bd3dffc2',
  'CHK_2596130af641ff76f5d77ba5b6',
  'CHK_2a3e3ac3902cc2c96258c060b4',
  'CHK_584973f9879dced50fed2129ee',
]);

/** Constraints the earlier migrations named by hand, under TypeORM's name now (the expression is unchanged). */
const RENAMED: Record<string, string> = {
  CHK_8e1047e1904d7b971cd8a56d15: 'CHK_staff_user_role',
  CHK_749471d29d91b2e9b48df55304: 'CHK_patient_stage',
};

function constraintName(item: string): string | undefined {
  return /^CONSTRAINT "([^"]+)"/.exec(item)?.[1];
}

function withOldName(item: string): string {
  const old = RENAMED[constraintName(item) ?? ''];
  return old ? item.replace(/^CONSTRAINT "[^"]+"/, `CONSTRAINT "${old}"`) : item;
}

function constraintsNamed(names: (name: string) => boolean): [table: string, constraint: string][] {
  return Object.entries(SQLITE_TABLES).flatMap(([table, definition]) =>
    definition.filter((item) => names(constraintName(item) ?? '')).map((item): [string, string] => [table, item]),
  );
}

const addedConstraints = () => constraintsNamed((name) => ADDED.has(name));
const renamedConstraints = () => constraintsNamed((name) => name in RENAMED);

async function assertForeignKeysOff(queryRunner: QueryRunner): Promise<void> {
  const [{ foreign_keys: enforced }] = (await queryRunner.query('PRAGMA foreign_keys')) as { foreign_keys: number }[];
  // Dropping a referenced table with enforcement on would run its ON DELETE actions (SET NULL) on the children.
  if (enforced) throw new Error('SchemaMatchesEntities1764400000000 rebuilds tables: run it with foreign keys off (the migration runner does)');
}

async function assertForeignKeysHold(queryRunner: QueryRunner): Promise<void> {
  const violations = (await queryRunner.query('PRAGMA foreign_key_check')) as { table: string; parent: string }[];
  if (violations.length) {
    const pairs = [...new Set(violations.map((v) => `${v.table} -> ${v.parent}`))];
    throw new Error(`rows refer to missing rows (${violations.length}): ${pairs.join(', ')}`);
  }
}

/**
 * The SQLite way to change a table's constraints: a new table with the final definition, the rows
 * copied over. Refuses to drop a column or a constraint it was not written to drop (say, one a
 * migration merged in later, but dated earlier, added): a frozen definition must not lose them.
 */
async function rebuildSqliteTable(queryRunner: QueryRunner, table: string, definition: string[], dropping: Set<string>): Promise<void> {
  const temporary = `temporary_${table}`;
  const oldColumns = ((await queryRunner.query(`PRAGMA table_info("${table}")`)) as { name: string }[]).map((c) => c.name);
  const [{ sql: oldSql }] = (await queryRunner.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table])) as { sql: string }[];
  const kept = new Set(definition.map(constraintName));
  const lostConstraints = [...oldSql.matchAll(/CONSTRAINT "([^"]+)"/g)].map((m) => m[1]).filter((name) => !kept.has(name) && !dropping.has(name));
  const definedColumns = definition.map((item) => /^"([^"]+)"/.exec(item)?.[1]);
  const lostColumns = oldColumns.filter((column) => !definedColumns.includes(column));
  if (lostConstraints.length || lostColumns.length) {
    throw new Error(`SchemaMatchesEntities1764400000000 would drop ${[...lostColumns, ...lostConstraints].join(', ')} from ${table}`);
  }
  const dependents = (await queryRunner.query(
    "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
    [table],
  )) as { sql: string }[];
  const [sequence] = (await queryRunner.query('SELECT seq FROM sqlite_sequence WHERE name = ?', [table])) as { seq: number }[];

  await queryRunner.query(`CREATE TABLE "${temporary}" (${definition.join(', ')})`);
  const newColumns = ((await queryRunner.query(`PRAGMA table_info("${temporary}")`)) as { name: string }[]).map((c) => c.name);
  const copied = newColumns.filter((column) => oldColumns.includes(column)).map((column) => `"${column}"`).join(', ');
  await queryRunner.query(`INSERT INTO "${temporary}" (${copied}) SELECT ${copied} FROM "${table}"`);
  await queryRunner.query(`DROP TABLE "${table}"`);
  await queryRunner.query(`ALTER TABLE "${temporary}" RENAME TO "${table}"`);
  for (const { sql } of dependents) await queryRunner.query(sql);
  // Ids of deleted rows stay unused, as AUTOINCREMENT promises.
  if (sequence) await queryRunner.query('UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?', [sequence.seq, table]);
}

/** The final definition of every table this migration changes on SQLite, column and constraint by column and constraint. */
const SQLITE_TABLES: Record<string, string[]> = {
  staff_user: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"username" varchar(32) NOT NULL`,
    `"display_name" varchar(64) NOT NULL`,
    `"role" varchar(20) NOT NULL`,
    `"password_hash" varchar(255) NOT NULL`,
    `"password_changed_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `"active" boolean NOT NULL DEFAULT (1)`,
    `"last_login_at" datetime`,
    `"created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `"updated_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `CONSTRAINT "UQ_5b021acaebf628d940d8ad2476d" UNIQUE ("username")`,
    `CONSTRAINT "CHK_8e1047e1904d7b971cd8a56d15" CHECK (role IN ('admin', 'quality_manager', 'front_desk'))`,
  ],
  department: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"code" varchar(32) NOT NULL`,
    `"name" varchar(64) NOT NULL`,
    `"name_en" varchar(64) NOT NULL`,
    `"active" boolean NOT NULL DEFAULT (1)`,
    `"created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `CONSTRAINT "UQ_62690f4fe31da9eb824d909285f" UNIQUE ("code")`,
  ],
  patient: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"name" varchar(50) NOT NULL`,
    `"phone" varchar(11) NOT NULL`,
    `"gender" varchar(10) NOT NULL DEFAULT ('unknown')`,
    `"birth_date" varchar(10)`,
    `"note" text`,
    `"stage" varchar(20) NOT NULL`,
    `"stage_since" datetime NOT NULL`,
    `"last_visit_on" varchar(10)`,
    `"next_visit_due" varchar(10)`,
    `"last_department_id" integer`,
    `"consent_calls" boolean`,
    `"consent_calls_at" datetime`,
    `"consent_calls_by" integer`,
    `"consent_surveys" boolean`,
    `"consent_surveys_at" datetime`,
    `"consent_surveys_by" integer`,
    `"created_by" integer`,
    `"created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `"updated_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `"latest_survey_detractor" boolean NOT NULL DEFAULT (0)`,
    `"last_survey_invited_at" datetime`,
    `CONSTRAINT "CHK_749471d29d91b2e9b48df55304" CHECK (stage IN ('first_visit', 'treatment', 'rehabilitation', 'follow_up'))`,
    `CONSTRAINT "CHK_f89521d2416f49651ab3740206" CHECK (gender IN ('female', 'male', 'other', 'unknown'))`,
    `CONSTRAINT "FK_ac1d33b19b9a70093396ba02f6e" FOREIGN KEY ("created_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_6c7302d115356af7d6bf2a2f0a5" FOREIGN KEY ("consent_surveys_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_6fa6e7629eaa59c944348c32db2" FOREIGN KEY ("consent_calls_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_7104cd1abecf34dbc1b84c0770d" FOREIGN KEY ("last_department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  ],
  encounter: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"patient_id" integer NOT NULL`,
    `"department_id" integer NOT NULL`,
    `"clinician" varchar(50)`,
    `"checked_in_at" datetime NOT NULL`,
    `"checked_in_on" varchar(10) NOT NULL`,
    `"called_at" datetime`,
    `"finished_at" datetime`,
    `"next_visit_due" varchar(10)`,
    `"created_by" integer`,
    `"wait_seconds" integer`,
    `"returned_on" varchar(10)`,
    `"superseded" boolean NOT NULL DEFAULT (0)`,
    `CONSTRAINT "FK_424bcbb8f43b51e17aa4a2c9db9" FOREIGN KEY ("created_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_4ac21babaf89a17c455162d87ce" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_229e2fb2c0e5101c3a9e7921367" FOREIGN KEY ("patient_id") REFERENCES "patient" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  ],
  stage_transition: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"patient_id" integer NOT NULL`,
    `"from_stage" varchar(20)`,
    `"to_stage" varchar(20) NOT NULL`,
    `"at" datetime NOT NULL`,
    `"by_id" integer`,
    `"reason" varchar(200)`,
    `"encounter_id" integer`,
    `CONSTRAINT "CHK_77096c3161c8b993c870257c8b" CHECK (to_stage IN ('first_visit', 'treatment', 'rehabilitation', 'follow_up'))`,
    `CONSTRAINT "CHK_248757e62f5bb6a56b5f26c50f" CHECK (from_stage IN ('first_visit', 'treatment', 'rehabilitation', 'follow_up'))`,
    `CONSTRAINT "FK_2a05a62c3d6707a5282718b0eed" FOREIGN KEY ("by_id") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_1e8cc2f159041c866f386b7f9bd" FOREIGN KEY ("encounter_id") REFERENCES "encounter" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_0df933796903873b99616ec6725" FOREIGN KEY ("patient_id") REFERENCES "patient" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  ],
  survey_template_version: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"template_id" integer NOT NULL`,
    `"version" integer NOT NULL`,
    `"status" varchar(10) NOT NULL`,
    `"questions" text NOT NULL`,
    `"created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `"published_at" datetime`,
    `CONSTRAINT "CHK_569f366e4930c5174b4ae7baec" CHECK (status IN ('draft', 'published', 'retired'))`,
    `CONSTRAINT "FK_6bd3113b479428b6bd94877ed23" FOREIGN KEY ("template_id") REFERENCES "survey_template" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  ],
  survey_invitation: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"token_hash" varchar(64) NOT NULL`,
    `"encounter_id" integer NOT NULL`,
    `"patient_id" integer NOT NULL`,
    `"department_id" integer NOT NULL`,
    `"template_version_id" integer NOT NULL`,
    `"created_at" datetime NOT NULL`,
    `"expires_at" datetime NOT NULL`,
    `"used_at" datetime`,
    `"created_by" integer`,
    `CONSTRAINT "UQ_b281fd819b98c28221f79f0c849" UNIQUE ("token_hash")`,
    `CONSTRAINT "FK_743a43051eee420bee7b46ac280" FOREIGN KEY ("template_version_id") REFERENCES "survey_template_version" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_254d81043b0c4fecd04ab9a4989" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_ef48cc063dba0396af4a06a56bc" FOREIGN KEY ("patient_id") REFERENCES "patient" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_e4bf28c51660ee0990ddf0d436c" FOREIGN KEY ("encounter_id") REFERENCES "encounter" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_9b7d8f6f125d56b46c7a9652d64" FOREIGN KEY ("created_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  ],
  survey_response: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"invitation_id" integer NOT NULL`,
    `"encounter_id" integer NOT NULL`,
    `"patient_id" integer NOT NULL`,
    `"department_id" integer NOT NULL`,
    `"template_version_id" integer NOT NULL`,
    `"submitted_at" datetime NOT NULL`,
    `"submitted_on" varchar(10) NOT NULL`,
    `"nps" integer`,
    `"csat" integer`,
    `"detractor" boolean NOT NULL`,
    `"comment" text`,
    `"language" varchar(2) NOT NULL`,
    `CONSTRAINT "UQ_958fbeb2e69c57480ef1c126962" UNIQUE ("invitation_id")`,
    `CONSTRAINT "CHK_bedd13d1eee11109555b11f360" CHECK (language IN ('zh', 'en'))`,
    `CONSTRAINT "CHK_1ea441aa7c881c7d264ad90e55" CHECK (csat BETWEEN 1 AND 5)`,
    `CONSTRAINT "CHK_9ff739809c750cddea37b6daf1" CHECK (nps BETWEEN 0 AND 10)`,
    `CONSTRAINT "FK_d69ebebe8d374a93cb563feea28" FOREIGN KEY ("template_version_id") REFERENCES "survey_template_version" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_51a043c40d89bddf235bc687f7c" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_ade1959f67a7e06af41dd3fcc1b" FOREIGN KEY ("patient_id") REFERENCES "patient" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_f83b39e85f5b33a576f31483e96" FOREIGN KEY ("encounter_id") REFERENCES "encounter" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_958fbeb2e69c57480ef1c126962" FOREIGN KEY ("invitation_id") REFERENCES "survey_invitation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  ],
  survey_answer: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"response_id" integer NOT NULL`,
    `"question_id" varchar(40) NOT NULL`,
    `"kind" varchar(10) NOT NULL`,
    `"dimension" varchar(40)`,
    `"value_number" integer`,
    `"value_text" text`,
    `CONSTRAINT "CHK_bedcebb22865a77275520ca5c5" CHECK (value_number IS NULL OR (kind = 'nps' AND value_number BETWEEN 0 AND 10) OR (kind = 'csat' AND value_number BETWEEN 1 AND 5) OR (kind = 'rating' AND value_number BETWEEN 1 AND 5))`,
    `CONSTRAINT "CHK_40bb921e4cc2216d4c753aabdb" CHECK (dimension IN ('wait_time', 'doctor_communication', 'nursing', 'environment', 'billing'))`,
    `CONSTRAINT "CHK_f498ee5f18671cedb0b543154d" CHECK (kind IN ('nps', 'csat', 'rating', 'choice', 'text'))`,
    `CONSTRAINT "FK_a7223b9109e9d9e0009e8bbc897" FOREIGN KEY ("response_id") REFERENCES "survey_response" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  ],
  callback: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"patient_id" integer NOT NULL`,
    `"kind" varchar(20) NOT NULL`,
    `"priority" varchar(10) NOT NULL`,
    `"status" varchar(10) NOT NULL`,
    `"due_at" datetime NOT NULL`,
    `"reason" varchar(500)`,
    `"survey_response_id" integer`,
    `"encounter_id" integer`,
    `"created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `"updated_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now')))`,
    `"department_id" integer`,
    `"expected_on" varchar(10)`,
    `"source_key" varchar(80)`,
    `"claimed_by" integer`,
    `"claimed_at" datetime`,
    `"claim_expires_at" datetime`,
    `"attempt_count" integer NOT NULL DEFAULT (0)`,
    `"outcome" varchar(20)`,
    `"cancel_reason" varchar(200)`,
    `"note" varchar(500)`,
    `"created_by" integer`,
    `"completed_at" datetime`,
    `CONSTRAINT "CHK_d5c0bef022bb9bcfb8444c1fa0" CHECK (attempt_count >= 0)`,
    `CONSTRAINT "CHK_643dd9b354756a1a4434c524b3" CHECK (outcome IN ('reached', 'no_answer', 'declined', 'wrong_number'))`,
    `CONSTRAINT "CHK_6a20aa0e7507f19f4918f01f3d" CHECK (status IN ('pending', 'claimed', 'completed', 'failed', 'cancelled'))`,
    `CONSTRAINT "CHK_d85b85f9c6a84d0c8cd83d9adc" CHECK (priority IN ('high', 'normal', 'low'))`,
    `CONSTRAINT "CHK_328fefbba8b8666f7d4af21bbb" CHECK (kind IN ('post_treatment', 'rehab_check', 'revisit_reminder', 'missed_revisit', 'service_recovery', 'manual'))`,
    `CONSTRAINT "FK_d9f1cd31887ea590c10496a530a" FOREIGN KEY ("encounter_id") REFERENCES "encounter" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_6ad3d6392140bb74236d707c562" FOREIGN KEY ("survey_response_id") REFERENCES "survey_response" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_0a3063c889f7b217aece4115b99" FOREIGN KEY ("patient_id") REFERENCES "patient" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_1b861d92d0774c01390be201fc4" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_98e114bfb4e8321da46e507d78a" FOREIGN KEY ("claimed_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_4c0db753559d79ffd87fcf6dc45" FOREIGN KEY ("created_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  ],
  callback_attempt: [
    `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL`,
    `"callback_id" integer NOT NULL`,
    `"at" datetime NOT NULL`,
    `"staff_id" integer`,
    `"outcome" varchar(20) NOT NULL`,
    `"note" varchar(500)`,
    `CONSTRAINT "CHK_eb8b5df9263c7c12e5bd3dffc2" CHECK (outcome IN ('reached', 'no_answer', 'declined', 'wrong_number'))`,
    `CONSTRAINT "FK_84868c211f636e30aa870645829" FOREIGN KEY ("staff_id") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    `CONSTRAINT "FK_f2310dd136a025f4faeadba6983" FOREIGN KEY ("callback_id") REFERENCES "callback" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  ],
  follow_up_rule: [
    `"key" varchar(30) PRIMARY KEY NOT NULL`,
    `"enabled" boolean NOT NULL`,
    `"offset_value" integer NOT NULL`,
    `"unit" varchar(5) NOT NULL`,
    `"priority" varchar(10) NOT NULL`,
    `CONSTRAINT "CHK_2596130af641ff76f5d77ba5b6" CHECK (priority IN ('high', 'normal', 'low'))`,
    `CONSTRAINT "CHK_2a3e3ac3902cc2c96258c060b4" CHECK (unit IN ('days', 'hours'))`,
    `CONSTRAINT "CHK_584973f9879dced50fed2129ee" CHECK (key IN ('post_treatment', 'rehab_check', 'revisit_reminder', 'missed_revisit', 'service_recovery'))`,
  ],
};
