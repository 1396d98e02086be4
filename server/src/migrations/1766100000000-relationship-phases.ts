import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editSqliteTable } from './support/sqlite-table-edit';

/*
 * Relationship phases and patient value (issue #14, relationship/): the patient's phase, value score
 * and tier and CLV; the phase history; the tables of the relationship pass (patients to work out
 * again, the hospital-wide inputs it measured, daily snapshots, monthly migration counts); triggers
 * that mark a patient to work out again when their encounters, survey answers or stage transitions
 * change; and the phases' follow-up rules (welcome, win-back and care calls) as callback kinds and
 * rules, off until an admin turns them on (a welcome call for every first visit is a lot of calls). SQL frozen here; the CHECK names are TypeORM's for the entities' expressions. SQLite rebuilds
 * `patient`, `callback` and `follow_up_rule` for their CHECKs (every row, index and trigger kept).
 */

const PHASE_CHECK = `CONSTRAINT "CHK_bd8f34a7ba85d85efe38885d15" CHECK (phase IN ('exploration', 'development', 'stable', 'decline'))`;
const TIER_CHECK = `CONSTRAINT "CHK_52c456ded4df5fce9b52979335" CHECK (value_tier IN ('high', 'medium', 'low'))`;
const OLD_KINDS = `'post_treatment', 'rehab_check', 'revisit_reminder', 'missed_revisit', 'service_recovery'`;
const NEW_KINDS = `'welcome', 'win_back', 'care'`;
const KIND_CHECK_BEFORE = `CONSTRAINT "CHK_328fefbba8b8666f7d4af21bbb" CHECK (kind IN (${OLD_KINDS}, 'manual'))`;
const KIND_CHECK_AFTER = `CONSTRAINT "CHK_851dfcb99939c8fa38eb1ffe1c" CHECK (kind IN (${OLD_KINDS}, 'manual', ${NEW_KINDS}))`;
const KEY_CHECK_BEFORE = `CONSTRAINT "CHK_584973f9879dced50fed2129ee" CHECK (key IN (${OLD_KINDS}))`;
const KEY_CHECK_AFTER = `CONSTRAINT "CHK_1ec795fec489354da5c0023056" CHECK (key IN (${OLD_KINDS}, ${NEW_KINDS}))`;
const NEW_RULES = [
  ['welcome', 7, 'normal'],
  ['win_back', 1, 'normal'],
  ['care', 365, 'low'],
] as const;

const PATIENT_COLUMNS_SQLITE = `"phase" varchar(12) NOT NULL DEFAULT ('exploration'), "phase_since" varchar(10), "value_score" double precision NOT NULL DEFAULT (0), "value_tier" varchar(6) NOT NULL DEFAULT ('low'), "clv" double precision NOT NULL DEFAULT (0)`;
const GENDER_CHECK = `CONSTRAINT "CHK_f89521d2416f49651ab3740206" CHECK (gender IN ('female', 'male', 'other', 'unknown'))`;
const PATIENT_EDITS: [string, string][] = [
  [`"preferred_language" varchar(2), `, `"preferred_language" varchar(2), ${PATIENT_COLUMNS_SQLITE}, `],
  [GENDER_CHECK, `${GENDER_CHECK}, ${TIER_CHECK}, ${PHASE_CHECK}`],
];

const INDEXES = [
  'CREATE INDEX "IDX_patient_value" ON "patient" ("value_score", "id")',
  'CREATE INDEX "IDX_patient_phase_tier" ON "patient" ("phase", "value_tier", "id")',
  'CREATE INDEX "IDX_phase_change_day" ON "patient_phase_change" ("changed_on")',
  'CREATE UNIQUE INDEX "UQ_phase_change_patient_day" ON "patient_phase_change" ("patient_id", "changed_on")',
];

/** What a patient's phase is worked out from: a change to any of these marks the patient. */
const WATCHED = {
  encounter: ['patient_id', 'department_id', 'checked_in_at', 'checked_in_on', 'finished_at', 'next_visit_due', 'charge_cents'],
  survey_response: ['patient_id', 'nps', 'submitted_at'],
  stage_transition: ['patient_id', 'to_stage', 'at'],
} as const;

function sqliteTriggers(): string[] {
  const mark = (row: 'NEW' | 'OLD') =>
    `INSERT INTO relationship_dirty (patient_id) SELECT ${row}.patient_id WHERE ${row}.patient_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM relationship_dirty d WHERE d.patient_id = ${row}.patient_id);`;
  return Object.entries(WATCHED).flatMap(([table, columns]) => [
    `CREATE TRIGGER relationship_dirty_${table}_insert AFTER INSERT ON ${table} BEGIN ${mark('NEW')} END`,
    `CREATE TRIGGER relationship_dirty_${table}_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN ${mark('OLD')} ${mark('NEW')} END`,
    `CREATE TRIGGER relationship_dirty_${table}_delete AFTER DELETE ON ${table} BEGIN ${mark('OLD')} END`,
  ]);
}

/*
 * PostgreSQL: a mark made while the worker works the patient out must survive the worker's delete of
 * the mark it read: every mark bumps `version`, and the worker deletes only the versions it read
 * (skipping rows a writer holds). SQLite runs one write transaction at a time: no such race.
 */
const POSTGRES_FUNCTION = `CREATE FUNCTION relationship_dirty_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.patient_id IS NOT NULL THEN
    INSERT INTO relationship_dirty (patient_id) VALUES (OLD.patient_id) ON CONFLICT (patient_id) DO UPDATE SET version = relationship_dirty.version + 1;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.patient_id IS NOT NULL THEN
    INSERT INTO relationship_dirty (patient_id) VALUES (NEW.patient_id) ON CONFLICT (patient_id) DO UPDATE SET version = relationship_dirty.version + 1;
  END IF;
  RETURN NULL;
END $$`;

function postgresTriggers(): string[] {
  return [
    POSTGRES_FUNCTION,
    ...Object.entries(WATCHED).map(
      ([table, columns]) =>
        `CREATE TRIGGER ${table}_relationship AFTER INSERT OR DELETE OR UPDATE OF ${columns.join(', ')} ON ${table} FOR EACH ROW EXECUTE FUNCTION relationship_dirty_mark()`,
    ),
  ];
}

export class RelationshipPhases1766100000000 implements MigrationInterface {
  name = 'RelationshipPhases1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    if (postgres) {
      await queryRunner.query(
        `CREATE TABLE "patient_phase_change" ("id" SERIAL NOT NULL, "patient_id" integer NOT NULL, "changed_on" character varying(10) NOT NULL, "from_phase" character varying(12), "to_phase" character varying(12) NOT NULL, "value_tier" character varying(6) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_3c5e17580a7c1e931f446001ac" CHECK (value_tier IN ('high', 'medium', 'low')), CONSTRAINT "CHK_82b75098a20447d3047b88b336" CHECK (to_phase IN ('exploration', 'development', 'stable', 'decline')), CONSTRAINT "PK_1a21ae03e89193912b7eee68cd0" PRIMARY KEY ("id"), CONSTRAINT "FK_38a5a1b3f5dda2d0a8608d50a6b" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      );
      await queryRunner.query(`CREATE TABLE "relationship_dirty" ("patient_id" integer NOT NULL, "version" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_e915b5d650e73e8017376f4619b" PRIMARY KEY ("patient_id"))`);
      await queryRunner.query(
        `CREATE TABLE "relationship_state" ("id" integer NOT NULL, "computed_on" character varying(10) NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "inputs" text NOT NULL, "lease_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_92f740fea613a59488f1cf9eda9" PRIMARY KEY ("id"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "relationship_snapshot" ("day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "phase" character varying(12) NOT NULL, "value_tier" character varying(6) NOT NULL, "patients" integer NOT NULL, "clv" double precision NOT NULL, CONSTRAINT "PK_de151b474c8af97e9283b808a2b" PRIMARY KEY ("day", "department_id", "phase", "value_tier"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "phase_migration_month" ("month" character varying(7) NOT NULL, "department_id" integer NOT NULL, "from_phase" character varying(12) NOT NULL, "to_phase" character varying(12) NOT NULL, "patients" integer NOT NULL, CONSTRAINT "PK_a12e7425adf20d2d0e37a4def1e" PRIMARY KEY ("month", "department_id", "from_phase", "to_phase"))`,
      );
      await queryRunner.query(`ALTER TABLE "patient" ADD "phase" character varying(12) NOT NULL DEFAULT 'exploration'`);
      await queryRunner.query(`ALTER TABLE "patient" ADD "phase_since" character varying(10)`);
      await queryRunner.query(`ALTER TABLE "patient" ADD "value_score" double precision NOT NULL DEFAULT '0'`);
      await queryRunner.query(`ALTER TABLE "patient" ADD "value_tier" character varying(6) NOT NULL DEFAULT 'low'`);
      await queryRunner.query(`ALTER TABLE "patient" ADD "clv" double precision NOT NULL DEFAULT '0'`);
      await queryRunner.query(`ALTER TABLE "patient" ADD ${TIER_CHECK}`);
      await queryRunner.query(`ALTER TABLE "patient" ADD ${PHASE_CHECK}`);
      await queryRunner.query(`ALTER TABLE "callback" DROP CONSTRAINT "CHK_328fefbba8b8666f7d4af21bbb"`);
      await queryRunner.query(`ALTER TABLE "callback" ADD ${KIND_CHECK_AFTER}`);
      await queryRunner.query(`ALTER TABLE "follow_up_rule" DROP CONSTRAINT "CHK_584973f9879dced50fed2129ee"`);
      await queryRunner.query(`ALTER TABLE "follow_up_rule" ADD ${KEY_CHECK_AFTER}`);
    } else {
      await queryRunner.query(
        `CREATE TABLE "patient_phase_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "patient_id" integer NOT NULL, "changed_on" varchar(10) NOT NULL, "from_phase" varchar(12), "to_phase" varchar(12) NOT NULL, "value_tier" varchar(6) NOT NULL, "recorded_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), CONSTRAINT "CHK_3c5e17580a7c1e931f446001ac" CHECK (value_tier IN ('high', 'medium', 'low')), CONSTRAINT "CHK_82b75098a20447d3047b88b336" CHECK (to_phase IN ('exploration', 'development', 'stable', 'decline')), CONSTRAINT "FK_38a5a1b3f5dda2d0a8608d50a6b" FOREIGN KEY ("patient_id") REFERENCES "patient" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      );
      await queryRunner.query(`CREATE TABLE "relationship_dirty" ("patient_id" integer PRIMARY KEY NOT NULL, "version" integer NOT NULL DEFAULT (0))`);
      await queryRunner.query(`CREATE TABLE "relationship_state" ("id" integer PRIMARY KEY NOT NULL, "computed_on" varchar(10) NOT NULL, "computed_at" datetime NOT NULL, "inputs" text NOT NULL, "lease_until" datetime)`);
      await queryRunner.query(
        `CREATE TABLE "relationship_snapshot" ("day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "phase" varchar(12) NOT NULL, "value_tier" varchar(6) NOT NULL, "patients" integer NOT NULL, "clv" double precision NOT NULL, PRIMARY KEY ("day", "department_id", "phase", "value_tier"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "phase_migration_month" ("month" varchar(7) NOT NULL, "department_id" integer NOT NULL, "from_phase" varchar(12) NOT NULL, "to_phase" varchar(12) NOT NULL, "patients" integer NOT NULL, PRIMARY KEY ("month", "department_id", "from_phase", "to_phase"))`,
      );
      await editSqliteTable(queryRunner, 'patient', PATIENT_EDITS);
      await editSqliteTable(queryRunner, 'callback', [[KIND_CHECK_BEFORE, KIND_CHECK_AFTER]]);
      await editSqliteTable(queryRunner, 'follow_up_rule', [[KEY_CHECK_BEFORE, KEY_CHECK_AFTER]]);
    }
    for (const sql of INDEXES) await queryRunner.query(sql);
    for (const sql of postgres ? postgresTriggers() : sqliteTriggers()) await queryRunner.query(sql);
    for (const [key, offset, priority] of NEW_RULES) {
      await queryRunner.query(
        `INSERT INTO follow_up_rule (key, enabled, offset_value, unit, priority) VALUES ('${key}', ${postgres ? 'FALSE' : '0'}, ${offset}, 'days', '${priority}')`,
      );
    }
  }

  /** Back to before the phases: their calls and rules go, with the phase columns and tables. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const kinds = `(${NEW_KINDS})`;
    await queryRunner.query(`DELETE FROM callback_attempt WHERE callback_id IN (SELECT id FROM callback WHERE kind IN ${kinds})`);
    await queryRunner.query(`DELETE FROM callback WHERE kind IN ${kinds}`);
    await queryRunner.query(`DELETE FROM follow_up_rule WHERE key IN ${kinds}`);
    if (postgres) {
      for (const table of Object.keys(WATCHED)) await queryRunner.query(`DROP TRIGGER ${table}_relationship ON ${table}`);
      await queryRunner.query('DROP FUNCTION relationship_dirty_mark()');
    } else {
      for (const table of Object.keys(WATCHED)) {
        for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER relationship_dirty_${table}_${op}`);
      }
    }
    for (const table of ['phase_migration_month', 'relationship_snapshot', 'relationship_state', 'relationship_dirty', 'patient_phase_change']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query('DROP INDEX "IDX_patient_phase_tier"');
    await queryRunner.query('DROP INDEX "IDX_patient_value"');
    if (postgres) {
      await queryRunner.query(`ALTER TABLE "follow_up_rule" DROP CONSTRAINT "CHK_1ec795fec489354da5c0023056"`);
      await queryRunner.query(`ALTER TABLE "follow_up_rule" ADD ${KEY_CHECK_BEFORE}`);
      await queryRunner.query(`ALTER TABLE "callback" DROP CONSTRAINT "CHK_851dfcb99939c8fa38eb1ffe1c"`);
      await queryRunner.query(`ALTER TABLE "callback" ADD ${KIND_CHECK_BEFORE}`);
      for (const column of ['clv', 'value_tier', 'value_score', 'phase_since', 'phase']) await queryRunner.query(`ALTER TABLE "patient" DROP COLUMN "${column}"`);
      return;
    }
    await editSqliteTable(queryRunner, 'follow_up_rule', [[KEY_CHECK_AFTER, KEY_CHECK_BEFORE]]);
    await editSqliteTable(queryRunner, 'callback', [[KIND_CHECK_AFTER, KIND_CHECK_BEFORE]]);
    await editSqliteTable(
      queryRunner,
      'patient',
      PATIENT_EDITS.map(([before, after]): [string, string] => [after, before]),
    );
  }
}
