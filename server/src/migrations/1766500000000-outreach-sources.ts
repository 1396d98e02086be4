import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editSqliteTable } from './support/sqlite-table-edit';

/*
 * Outreach, second step (issue #16): a message kind for the survey reminder, and each message's
 * department and causing record (`source_id`: the survey invitation, encounter or callback its
 * kind names), for the reminders' checks at delivery and the delivery and response rates by
 * department; the survey invitations already sent get both from their key. A patient's messages are
 * indexed by due time, which the daily cap now counts by (the day a message goes out). SQL frozen
 * here; the CHECK names are TypeORM's for the entity's expressions.
 */

const KIND_CHECK_BEFORE = `CONSTRAINT "CHK_9b63be83f7193217b18e7f1a40" CHECK (kind IN ('survey_invitation', 'revisit_reminder', 'missed_revisit_nudge', 'callback_appointment'))`;
const KIND_CHECK_AFTER = `CONSTRAINT "CHK_f289b2adf994800daebb3acd47" CHECK (kind IN ('survey_invitation', 'survey_reminder', 'revisit_reminder', 'missed_revisit_nudge', 'callback_appointment'))`;
const FK_DEPARTMENT = `CONSTRAINT "FK_ae613f4144cf43132e87c0207c2" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION`;
const SOURCE_INDEX = 'CREATE INDEX "IDX_outreach_message_source" ON "outreach_message" ("kind", "source_id")';
const PATIENT_INDEX_BEFORE = 'CREATE INDEX "IDX_outreach_message_patient" ON "outreach_message" ("patient_id", "created_at")';
const PATIENT_INDEX_AFTER = 'CREATE INDEX "IDX_outreach_message_patient" ON "outreach_message" ("patient_id", "next_attempt_at")';
const BACKFILL = [
  // 'survey_invitation:' is 18 characters: the invitation's id follows.
  `UPDATE "outreach_message" SET "source_id" = CAST(SUBSTR("idempotency_key", 19) AS integer) WHERE "kind" = 'survey_invitation' AND "source_id" IS NULL`,
  `UPDATE "outreach_message" SET "department_id" = (SELECT "department_id" FROM "survey_invitation" WHERE "survey_invitation"."id" = "outreach_message"."source_id") WHERE "kind" = 'survey_invitation' AND "department_id" IS NULL`,
];

export class OutreachSources1766500000000 implements MigrationInterface {
  name = 'OutreachSources1766500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query(`ALTER TABLE "outreach_message" ADD "department_id" integer`);
      await queryRunner.query(`ALTER TABLE "outreach_message" ADD "source_id" integer`);
      await queryRunner.query(`ALTER TABLE "outreach_message" DROP CONSTRAINT "CHK_9b63be83f7193217b18e7f1a40"`);
      await queryRunner.query(`ALTER TABLE "outreach_message" ADD ${KIND_CHECK_AFTER}`);
      await queryRunner.query(`ALTER TABLE "outreach_message" ADD ${FK_DEPARTMENT}`);
    } else {
      await editSqliteTable(queryRunner, 'outreach_message', [
        [KIND_CHECK_BEFORE, KIND_CHECK_AFTER],
        [`"created_at" datetime NOT NULL DEFAULT`, `"department_id" integer, "source_id" integer, "created_at" datetime NOT NULL DEFAULT`],
        [`ON DELETE NO ACTION ON UPDATE NO ACTION)`, `ON DELETE NO ACTION ON UPDATE NO ACTION, ${FK_DEPARTMENT})`],
      ]);
    }
    await queryRunner.query(SOURCE_INDEX);
    await queryRunner.query('DROP INDEX "IDX_outreach_message_patient"');
    await queryRunner.query(PATIENT_INDEX_AFTER);
    for (const sql of BACKFILL) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_outreach_message_source"`);
    await queryRunner.query('DROP INDEX "IDX_outreach_message_patient"');
    await queryRunner.query(PATIENT_INDEX_BEFORE);
    await queryRunner.query(`DELETE FROM "outreach_message" WHERE "kind" = 'survey_reminder'`);
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query(`ALTER TABLE "outreach_message" DROP CONSTRAINT "FK_ae613f4144cf43132e87c0207c2"`);
      await queryRunner.query(`ALTER TABLE "outreach_message" DROP CONSTRAINT "CHK_f289b2adf994800daebb3acd47"`);
      await queryRunner.query(`ALTER TABLE "outreach_message" ADD ${KIND_CHECK_BEFORE}`);
      await queryRunner.query(`ALTER TABLE "outreach_message" DROP COLUMN "source_id"`);
      await queryRunner.query(`ALTER TABLE "outreach_message" DROP COLUMN "department_id"`);
    } else {
      await editSqliteTable(queryRunner, 'outreach_message', [
        [KIND_CHECK_AFTER, KIND_CHECK_BEFORE],
        [`"department_id" integer, "source_id" integer, `, ''],
        [`, ${FK_DEPARTMENT}`, ''],
      ]);
    }
  }
}
