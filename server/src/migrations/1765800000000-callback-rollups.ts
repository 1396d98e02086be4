import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The follow-up indicator's day × department rollup (indicators/rollups/callback-rollup.ts): its
 * tables, and the triggers that journal every change to a callback's figures in the transaction
 * that makes it. The tables start empty and `rollup_state` has no row: the server, which knows the
 * hospital's time zone, builds the rollup at its next start. SQL spelled out so it never changes
 * with the code. A later migration that rebuilds `callback` on SQLite (TypeORM copies it into a new
 * table) drops these triggers and must create them again: the server refuses to start without them.
 */

const JOURNAL_COLUMNS = 'sign, due_at, department_id, status, kind, outcome, completed_at';
const row = (sign: number, r: 'NEW' | 'OLD') => `(${sign}, ${r}.due_at, ${r}.department_id, ${r}.status, ${r}.kind, ${r}.outcome, ${r}.completed_at)`;
/** The columns the follow-up figures read; an update leaving all of them alone journals nothing. */
const FIGURE_COLUMNS = ['due_at', 'department_id', 'status', 'kind', 'outcome', 'completed_at'];

const SQLITE = [
  `CREATE TABLE "callback_daily" ("day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "n" integer NOT NULL, "completed" integer NOT NULL, "reached" integer NOT NULL, "failed" integer NOT NULL, "recovery_opened" integer NOT NULL, "recovery_closed" integer NOT NULL, PRIMARY KEY ("day", "department_id"))`,
  `CREATE TABLE "callback_duration_daily" ("day" varchar(10) NOT NULL, "department_id" integer NOT NULL, "minutes" integer NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("day", "department_id", "minutes"))`,
  `CREATE TABLE "callback_rollup_journal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sign" integer NOT NULL, "due_at" datetime NOT NULL, "department_id" integer, "status" varchar(10) NOT NULL, "kind" varchar(20) NOT NULL, "outcome" varchar(20), "completed_at" datetime)`,
  `CREATE TABLE "rollup_state" ("name" varchar(40) PRIMARY KEY NOT NULL, "time_zone" varchar(64) NOT NULL, "built_at" datetime NOT NULL)`,
  `CREATE TRIGGER callback_rollup_insert AFTER INSERT ON callback BEGIN
     INSERT INTO callback_rollup_journal (${JOURNAL_COLUMNS}) VALUES ${row(1, 'NEW')};
   END`,
  `CREATE TRIGGER callback_rollup_update AFTER UPDATE OF ${FIGURE_COLUMNS.join(', ')} ON callback
   WHEN ${FIGURE_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
   BEGIN
     INSERT INTO callback_rollup_journal (${JOURNAL_COLUMNS}) VALUES ${row(-1, 'OLD')}, ${row(1, 'NEW')};
   END`,
  `CREATE TRIGGER callback_rollup_delete AFTER DELETE ON callback BEGIN
     INSERT INTO callback_rollup_journal (${JOURNAL_COLUMNS}) VALUES ${row(-1, 'OLD')};
   END`,
];

const POSTGRES = [
  `CREATE TABLE "callback_daily" ("day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "n" integer NOT NULL, "completed" integer NOT NULL, "reached" integer NOT NULL, "failed" integer NOT NULL, "recovery_opened" integer NOT NULL, "recovery_closed" integer NOT NULL, CONSTRAINT "PK_a3db97bfac5e37b081063032244" PRIMARY KEY ("day", "department_id"))`,
  `CREATE TABLE "callback_duration_daily" ("day" character varying(10) NOT NULL, "department_id" integer NOT NULL, "minutes" integer NOT NULL, "n" integer NOT NULL, CONSTRAINT "PK_90e82b776ab2ca29e3dd47ee32f" PRIMARY KEY ("day", "department_id", "minutes"))`,
  `CREATE TABLE "callback_rollup_journal" ("id" SERIAL NOT NULL, "sign" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "department_id" integer, "status" character varying(10) NOT NULL, "kind" character varying(20) NOT NULL, "outcome" character varying(20), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d92e4eb5b10c73bad3307013d43" PRIMARY KEY ("id"))`,
  `CREATE TABLE "rollup_state" ("name" character varying(40) NOT NULL, "time_zone" character varying(64) NOT NULL, "built_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3a9868d5364a53edc709bf47442" PRIMARY KEY ("name"))`,
  `CREATE FUNCTION callback_rollup_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND ${FIGURE_COLUMNS.map((c) => `OLD.${c} IS NOT DISTINCT FROM NEW.${c}`).join(' AND ')} THEN
       RETURN NULL;
     END IF;
     IF TG_OP <> 'INSERT' THEN
       INSERT INTO callback_rollup_journal (${JOURNAL_COLUMNS}) VALUES ${row(-1, 'OLD')};
     END IF;
     IF TG_OP <> 'DELETE' THEN
       INSERT INTO callback_rollup_journal (${JOURNAL_COLUMNS}) VALUES ${row(1, 'NEW')};
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER callback_rollup AFTER INSERT OR DELETE OR UPDATE OF ${FIGURE_COLUMNS.join(', ')} ON callback
   FOR EACH ROW EXECUTE FUNCTION callback_rollup_journal_row()`,
];

export class CallbackRollups1765800000000 implements MigrationInterface {
  name = 'CallbackRollups1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP TRIGGER callback_rollup ON callback');
      await queryRunner.query('DROP FUNCTION callback_rollup_journal_row()');
    } else {
      for (const name of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER callback_rollup_${name}`);
    }
    for (const table of ['rollup_state', 'callback_rollup_journal', 'callback_duration_daily', 'callback_daily']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
