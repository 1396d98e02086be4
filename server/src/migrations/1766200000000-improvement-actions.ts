import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Improvement actions and indicator targets (issue #15, improvement/): the actions with their
 * windows, their notes, and one target per indicator and department (the hospital's own row,
 * department NULL, unique on a partial index since NULLs never collide). SQL frozen here; the CHECK
 * and foreign-key names are TypeORM's for the entities' expressions.
 */

const ACTION_CHECKS = [
  `CONSTRAINT "CHK_1de70f351fd94a226b682166aa" CHECK (end_date IS NULL OR end_date >= start_date)`,
  `CONSTRAINT "CHK_8242af6f656d26bf70275c1933" CHECK (follow_up_days BETWEEN 7 AND 365)`,
  `CONSTRAINT "CHK_13b59145b3a0a0914490d76e31" CHECK (lag_days BETWEEN 0 AND 365)`,
  `CONSTRAINT "CHK_7a352673cfe351b7e94393d97d" CHECK (baseline_days BETWEEN 7 AND 365)`,
  `CONSTRAINT "CHK_0d27309cdfb5be1adfb54a1d8c" CHECK (better_direction IN ('lower', 'higher'))`,
  `CONSTRAINT "CHK_302a6dcffd6614bd2a5355a94c" CHECK (status IN ('planned', 'in_progress', 'done', 'abandoned'))`,
].join(', ');
const TARGET_CHECK = `CONSTRAINT "CHK_c10c5a1d24cffa727bdcd225b6" CHECK (comparator IN ('at_most', 'at_least'))`;

const FK = {
  actionDepartment: `CONSTRAINT "FK_2fe534ef07c74e52e59a0b82036" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  actionOwner: `CONSTRAINT "FK_eaf7f19895315e0692c292aea4f" FOREIGN KEY ("owner_user_id") REFERENCES "staff_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  actionCreator: `CONSTRAINT "FK_f37eaec7ca676d570f7ea569e38" FOREIGN KEY ("created_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  noteAction: `CONSTRAINT "FK_eb323f5fedbfbb92244c491e030" FOREIGN KEY ("action_id") REFERENCES "improvement_action" ("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  noteAuthor: `CONSTRAINT "FK_ecb263e6edf5145e6bfaabb5bdb" FOREIGN KEY ("author_id") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
  targetDepartment: `CONSTRAINT "FK_bb328a368fb6f38616de91c3734" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  targetUpdater: `CONSTRAINT "FK_1a2961e1d14b4548c213ceefcf5" FOREIGN KEY ("updated_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
};

const INDEXES = [
  'CREATE INDEX "IDX_improvement_action_department" ON "improvement_action" ("department_id", "start_date")',
  'CREATE INDEX "IDX_improvement_action_start" ON "improvement_action" ("start_date", "id")',
  'CREATE INDEX "IDX_improvement_note_action" ON "improvement_note" ("action_id", "id")',
  'CREATE UNIQUE INDEX "UQ_indicator_target_hospital" ON "indicator_target" ("indicator") WHERE department_id IS NULL',
  'CREATE UNIQUE INDEX "UQ_indicator_target_department" ON "indicator_target" ("indicator", "department_id") WHERE department_id IS NOT NULL',
];

const SQLITE_NOW = `(strftime('%Y-%m-%d %H:%M:%f', 'now'))`;

function sqliteTables(): string[] {
  return [
    `CREATE TABLE "improvement_action" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "description" text NOT NULL DEFAULT (''), "department_id" integer, "owner_user_id" integer NOT NULL, "indicator" varchar(60) NOT NULL, "better_direction" varchar(6) NOT NULL, "start_date" varchar(10) NOT NULL, "end_date" varchar(10), "status" varchar(12) NOT NULL, "baseline_days" integer NOT NULL, "lag_days" integer NOT NULL, "follow_up_days" integer NOT NULL, "created_by" integer, "created_at" datetime NOT NULL DEFAULT (${SQLITE_NOW}), "updated_at" datetime NOT NULL DEFAULT (${SQLITE_NOW}), ${ACTION_CHECKS}, ${FK.actionDepartment}, ${FK.actionOwner}, ${FK.actionCreator})`,
    `CREATE TABLE "improvement_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "action_id" integer NOT NULL, "text" text NOT NULL, "author_id" integer, "created_at" datetime NOT NULL DEFAULT (${SQLITE_NOW}), ${FK.noteAction}, ${FK.noteAuthor})`,
    `CREATE TABLE "indicator_target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "indicator" varchar(60) NOT NULL, "department_id" integer, "comparator" varchar(8) NOT NULL, "value" double precision NOT NULL, "updated_by" integer, "updated_at" datetime NOT NULL DEFAULT (${SQLITE_NOW}), ${TARGET_CHECK}, ${FK.targetDepartment}, ${FK.targetUpdater})`,
  ];
}

function postgresTables(): string[] {
  const alter = (table: string, constraint: string) => `ALTER TABLE "${table}" ADD ${constraint}`;
  return [
    `CREATE TABLE "improvement_action" ("id" SERIAL NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "department_id" integer, "owner_user_id" integer NOT NULL, "indicator" character varying(60) NOT NULL, "better_direction" character varying(6) NOT NULL, "start_date" character varying(10) NOT NULL, "end_date" character varying(10), "status" character varying(12) NOT NULL, "baseline_days" integer NOT NULL, "lag_days" integer NOT NULL, "follow_up_days" integer NOT NULL, "created_by" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ${ACTION_CHECKS}, CONSTRAINT "PK_c026a6b0f50978b82d02ad9f9d7" PRIMARY KEY ("id"))`,
    `CREATE TABLE "improvement_note" ("id" SERIAL NOT NULL, "action_id" integer NOT NULL, "text" text NOT NULL, "author_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e93aa9034b97f730db3f844f668" PRIMARY KEY ("id"))`,
    `CREATE TABLE "indicator_target" ("id" SERIAL NOT NULL, "indicator" character varying(60) NOT NULL, "department_id" integer, "comparator" character varying(8) NOT NULL, "value" double precision NOT NULL, "updated_by" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ${TARGET_CHECK}, CONSTRAINT "PK_9b6a07f7470f3a0f56e73b7a282" PRIMARY KEY ("id"))`,
    alter('improvement_action', FK.actionDepartment),
    alter('improvement_action', FK.actionOwner),
    alter('improvement_action', FK.actionCreator),
    alter('improvement_note', FK.noteAction),
    alter('improvement_note', FK.noteAuthor),
    alter('indicator_target', FK.targetDepartment),
    alter('indicator_target', FK.targetUpdater),
  ];
}

export class ImprovementActions1766200000000 implements MigrationInterface {
  name = 'ImprovementActions1766200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const tables = queryRunner.connection.driver.options.type === 'postgres' ? postgresTables() : sqliteTables();
    for (const sql of [...tables, ...INDEXES]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['indicator_target', 'improvement_note', 'improvement_action']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
