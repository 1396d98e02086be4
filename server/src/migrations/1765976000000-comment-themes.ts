import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Comment themes (issue #13): the theme list admins may extend, seeded with the built-in themes as
 * they were when this ran (spelled out, so the migration never changes with shared/), each
 * response's themes with the matched words, and on survey_response the comment's sentiment and the
 * tagger version that read it. Existing comments are left untagged (tagger_version NULL): the re-tag
 * job (`npm run themes:retag`) tags them. Plain ADD COLUMNs, so SQLite does not rebuild survey_response.
 */

const BUILT_IN: [key: string, zh: string, en: string][] = [
  ['waiting', '等候与及时性', 'Waiting & timeliness'],
  ['staff_attitude', '服务态度', 'Staff attitude & manner'],
  ['communication', '沟通与信息', 'Communication & information'],
  ['clinical_care', '诊疗水平', 'Clinical care & competence'],
  ['appointments', '预约与就医便利', 'Appointments & access'],
  ['environment', '环境与卫生', 'Environment & cleanliness'],
  ['cost', '费用与收费', 'Cost & billing'],
  ['parking_transport', '停车与交通', 'Parking & transport'],
  ['food', '餐饮', 'Food'],
  ['discharge', '出院与随访', 'Discharge & follow-up'],
];

const INDEXES = [
  `CREATE INDEX "IDX_response_theme_day" ON "response_theme" ("submitted_on", "department_id", "theme_key", "nps")`,
  `CREATE INDEX "IDX_response_theme_theme_day" ON "response_theme" ("theme_key", "submitted_on", "department_id", "nps")`,
];

export class CommentThemes1765976000000 implements MigrationInterface {
  name = 'CommentThemes1765976000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    if (postgres) {
      await queryRunner.query(
        `CREATE TABLE "comment_theme" ("key" character varying(40) NOT NULL, "name_zh" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, "built_in" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_78e0dedfb88e36374cf00bc62b4" PRIMARY KEY ("key"))`,
      );
      await queryRunner.query(
        `CREATE TABLE "response_theme" ("response_id" integer NOT NULL, "theme_key" character varying(40) NOT NULL, "matched" text NOT NULL, "submitted_on" character varying(10) NOT NULL, "department_id" integer NOT NULL, "nps" integer, CONSTRAINT "PK_730de02306e78c726d9a2323ddc" PRIMARY KEY ("response_id", "theme_key"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "response_theme" ADD CONSTRAINT "FK_7220340eff84a2e71e75534ec0d" FOREIGN KEY ("response_id") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `ALTER TABLE "response_theme" ADD CONSTRAINT "FK_ac31ccc6125c1beeef7a3607587" FOREIGN KEY ("theme_key") REFERENCES "comment_theme"("key") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "comment_theme" ("key" varchar(40) PRIMARY KEY NOT NULL, "name_zh" varchar(100) NOT NULL, "name_en" varchar(100) NOT NULL, "built_in" boolean NOT NULL DEFAULT (0))`,
      );
      // WITHOUT ROWID: the rows live in the primary key's b-tree, one tree fewer to write per tag.
      await queryRunner.query(
        `CREATE TABLE "response_theme" ("response_id" integer NOT NULL, "theme_key" varchar(40) NOT NULL, "matched" text NOT NULL, "submitted_on" varchar(10) NOT NULL, "department_id" integer NOT NULL, "nps" integer, CONSTRAINT "FK_7220340eff84a2e71e75534ec0d" FOREIGN KEY ("response_id") REFERENCES "survey_response" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ac31ccc6125c1beeef7a3607587" FOREIGN KEY ("theme_key") REFERENCES "comment_theme" ("key") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("response_id", "theme_key")) WITHOUT ROWID`,
      );
    }
    for (const sql of INDEXES) await queryRunner.query(sql);
    await queryRunner.query(`ALTER TABLE "survey_response" ADD COLUMN "comment_sentiment" varchar(13)`);
    await queryRunner.query(`ALTER TABLE "survey_response" ADD COLUMN "tagger_version" varchar(16)`);
    const [values, yes] = postgres ? ['$1, $2, $3', 'true'] : ['?, ?, ?', '1'];
    for (const theme of BUILT_IN) {
      await queryRunner.query(`INSERT INTO "comment_theme" ("key", "name_zh", "name_en", "built_in") VALUES (${values}, ${yes})`, theme);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_response" DROP COLUMN "tagger_version"`);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP COLUMN "comment_sentiment"`);
    await queryRunner.query(`DROP TABLE "response_theme"`);
    await queryRunner.query(`DROP TABLE "comment_theme"`);
  }
}
