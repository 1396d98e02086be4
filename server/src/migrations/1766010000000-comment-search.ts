import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The comment search (issue #13): an inverted index of the words of each comment
 * (server/src/surveys/themes/search-terms.ts). A plain table with a b-tree, not FTS5 or a tsvector,
 * so both databases answer a search with the same rows. Existing comments get their words from the
 * re-tag job (`npm run themes:retag`): the tagger's code revision went up with this change, so every
 * comment tagged before is stale.
 */
export class CommentSearch1766010000000 implements MigrationInterface {
  name = 'CommentSearch1766010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE TABLE "comment_search_term" ("term" character varying(40) NOT NULL, "response_id" integer NOT NULL, CONSTRAINT "PK_9fda8945d6fbc5ff9a4a6d39fb0" PRIMARY KEY ("term", "response_id"))`,
      );
      await queryRunner.query(
        `ALTER TABLE "comment_search_term" ADD CONSTRAINT "FK_8ce1d3662a6505a94693870dfd8" FOREIGN KEY ("response_id") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    } else {
      // WITHOUT ROWID: the rows live in the primary key's b-tree, one tree fewer to write per word.
      await queryRunner.query(
        `CREATE TABLE "comment_search_term" ("term" varchar(40) NOT NULL, "response_id" integer NOT NULL, CONSTRAINT "FK_8ce1d3662a6505a94693870dfd8" FOREIGN KEY ("response_id") REFERENCES "survey_response" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("term", "response_id")) WITHOUT ROWID`,
      );
    }
    await queryRunner.query(`CREATE INDEX "IDX_comment_search_term_response" ON "comment_search_term" ("response_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "comment_search_term"`);
  }
}
