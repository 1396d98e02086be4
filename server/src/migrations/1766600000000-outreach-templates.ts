import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Outreach, message templates (issue #16): `outreach_template` holds the hospital's own text of a
 * message kind in one language, one row per kind and language (the primary key, so concurrent
 * saves upsert one row); a kind and language without a row use the built-in text. SQL frozen here;
 * the CHECK, primary-key and foreign-key names are TypeORM's for the entity.
 */

const CHECKS = [
  `CONSTRAINT "CHK_ea09b1e5b42dc3e77fbb66b5a4" CHECK (language IN ('zh', 'en'))`,
  `CONSTRAINT "CHK_af88ea03615a0239e70146f3f9" CHECK (kind IN ('survey_invitation', 'survey_reminder', 'revisit_reminder', 'missed_revisit_nudge', 'callback_appointment'))`,
].join(', ');
const FK_UPDATED_BY = `CONSTRAINT "FK_5017c4f3bb521da3c0e81ef396a" FOREIGN KEY ("updated_by") REFERENCES "staff_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION`;

export class OutreachTemplates1766600000000 implements MigrationInterface {
  name = 'OutreachTemplates1766600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE TABLE "outreach_template" ("kind" character varying(24) NOT NULL, "language" character varying(2) NOT NULL, "subject" character varying(200) NOT NULL, "body" character varying(1000) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" integer, ${CHECKS}, CONSTRAINT "PK_9f5af84a0a896229ca468d25ba1" PRIMARY KEY ("kind", "language"))`,
      );
      await queryRunner.query(`ALTER TABLE "outreach_template" ADD ${FK_UPDATED_BY}`);
    } else {
      await queryRunner.query(
        `CREATE TABLE "outreach_template" ("kind" varchar(24) NOT NULL, "language" varchar(2) NOT NULL, "subject" varchar(200) NOT NULL, "body" varchar(1000) NOT NULL, "updated_at" datetime NOT NULL, "updated_by" integer, ${CHECKS}, ${FK_UPDATED_BY}, PRIMARY KEY ("kind", "language"))`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outreach_template"`);
  }
}
