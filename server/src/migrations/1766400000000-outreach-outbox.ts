import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Outreach (issue #16, outreach/): the outbox `outreach_message` with the indexes of the worker's
 * claim (status, next_attempt_at), the daily cap (patient, created_at), the admin list (created_at,
 * id) and receipts (provider_message_id); the idempotency key is unique. The patient gains an
 * optional email address. SQL frozen here; the CHECK and foreign-key names are TypeORM's for the
 * entity's expressions.
 */

const CHECKS = [
  `CONSTRAINT "CHK_44aa0db4cca0f5d1b795405b77" CHECK (attempts >= 0)`,
  `CONSTRAINT "CHK_718d7b1d08112fb6d6ad15458b" CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'suppressed'))`,
  `CONSTRAINT "CHK_0ee30ddc27fe7ace29ec1fe6b3" CHECK (purpose IN ('surveys', 'follow_up'))`,
  `CONSTRAINT "CHK_e7aecbca51f678dfd5bc9ecb42" CHECK (channel IN ('sms', 'wechat', 'email', 'log'))`,
  `CONSTRAINT "CHK_9b63be83f7193217b18e7f1a40" CHECK (kind IN ('survey_invitation', 'revisit_reminder', 'missed_revisit_nudge', 'callback_appointment'))`,
].join(', ');
const FK_PATIENT = `CONSTRAINT "FK_abe41248c4dc0159406256a18a6" FOREIGN KEY ("patient_id") REFERENCES "patient" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`;

const INDEXES = [
  'CREATE UNIQUE INDEX "UQ_outreach_message_idempotency_key" ON "outreach_message" ("idempotency_key")',
  'CREATE INDEX "IDX_outreach_message_provider_id" ON "outreach_message" ("provider_message_id")',
  'CREATE INDEX "IDX_outreach_message_created" ON "outreach_message" ("created_at", "id")',
  'CREATE INDEX "IDX_outreach_message_patient" ON "outreach_message" ("patient_id", "created_at")',
  'CREATE INDEX "IDX_outreach_message_due" ON "outreach_message" ("status", "next_attempt_at")',
];

const SQLITE_NOW = `(strftime('%Y-%m-%d %H:%M:%f', 'now'))`;

function sqliteStatements(): string[] {
  return [
    `CREATE TABLE "outreach_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(24) NOT NULL, "patient_id" integer NOT NULL, "channel" varchar(8) NOT NULL, "purpose" varchar(10) NOT NULL, "idempotency_key" varchar(80) NOT NULL, "language" varchar(2) NOT NULL, "subject" varchar(200) NOT NULL DEFAULT (''), "body" text NOT NULL DEFAULT (''), "status" varchar(10) NOT NULL, "reason" varchar(300), "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "claimed_until" datetime, "claimed_by" varchar(64), "provider_message_id" varchar(128), "sent_at" datetime, "delivered_at" datetime, "created_at" datetime NOT NULL DEFAULT (${SQLITE_NOW}), ${CHECKS}, ${FK_PATIENT})`,
  ];
}

function postgresStatements(): string[] {
  return [
    `CREATE TABLE "outreach_message" ("id" SERIAL NOT NULL, "kind" character varying(24) NOT NULL, "patient_id" integer NOT NULL, "channel" character varying(8) NOT NULL, "purpose" character varying(10) NOT NULL, "idempotency_key" character varying(80) NOT NULL, "language" character varying(2) NOT NULL, "subject" character varying(200) NOT NULL DEFAULT '', "body" text NOT NULL DEFAULT '', "status" character varying(10) NOT NULL, "reason" character varying(300), "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_until" TIMESTAMP WITH TIME ZONE, "claimed_by" character varying(64), "provider_message_id" character varying(128), "sent_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ${CHECKS}, CONSTRAINT "PK_bea5f044f0f476bbb61307bd366" PRIMARY KEY ("id"))`,
    `ALTER TABLE "outreach_message" ADD ${FK_PATIENT}`,
  ];
}

export class OutreachOutbox1766400000000 implements MigrationInterface {
  name = 'OutreachOutbox1766400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "patient" ADD COLUMN "email" varchar(254)`);
    const tables = queryRunner.connection.driver.options.type === 'postgres' ? postgresStatements() : sqliteStatements();
    for (const sql of [...tables, ...INDEXES]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outreach_message"`);
    await queryRunner.query(`ALTER TABLE "patient" DROP COLUMN "email"`);
  }
}
