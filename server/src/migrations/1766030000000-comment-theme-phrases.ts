import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Admins' own comment themes (issue #13): each theme can be disabled (the tagger no longer assigns
 * it), and an admin's theme carries the phrases that find it, as JSON arrays of strings (Chinese
 * ones matched as substrings, English ones as whole words). The built-in themes keep empty lists:
 * the tagger's lexicons and model find them. Plain ADD COLUMNs with defaults: no table rebuild on
 * SQLite, and the existing rows read as enabled with no phrases, which is what they were.
 */
export class CommentThemePhrases1766030000000 implements MigrationInterface {
  name = 'CommentThemePhrases1766030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const [yes, empty] = postgres ? ['true', `'[]'`] : ['(1)', `('[]')`];
    await queryRunner.query(`ALTER TABLE "comment_theme" ADD COLUMN "enabled" boolean NOT NULL DEFAULT ${yes}`);
    await queryRunner.query(`ALTER TABLE "comment_theme" ADD COLUMN "phrases_zh" text NOT NULL DEFAULT ${empty}`);
    await queryRunner.query(`ALTER TABLE "comment_theme" ADD COLUMN "phrases_en" text NOT NULL DEFAULT ${empty}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comment_theme" DROP COLUMN "phrases_en"`);
    await queryRunner.query(`ALTER TABLE "comment_theme" DROP COLUMN "phrases_zh"`);
    await queryRunner.query(`ALTER TABLE "comment_theme" DROP COLUMN "enabled"`);
  }
}
