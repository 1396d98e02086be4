import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The callback queue orders by priority, then due time (issue #12): as `CASE priority …` no index
 * could serve that order, so every poll sorted the view's open callbacks. The rank is now stored
 * (high 0, normal 1, low 2: callbackPriorityRank, spelled out as migrations never change with the
 * code), and partial indexes over the open callbacks serve each view's WHERE and ORDER BY: alone,
 * after the kind filter (as a quality manager's queue always is) or the department filter, and by
 * due time for `?sort=dueAt`.
 */
export class CallbackPriorityRank1765850000000 implements MigrationInterface {
  name = 'CallbackPriorityRank1765850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A NOT NULL column needs a default for SQLite's ADD COLUMN: "normal", the default priority.
    await queryRunner.query('ALTER TABLE "callback" ADD COLUMN "priority_rank" integer NOT NULL DEFAULT 1');
    await queryRunner.query(`UPDATE "callback" SET "priority_rank" = CASE priority WHEN 'high' THEN 0 WHEN 'low' THEN 2 ELSE 1 END WHERE priority <> 'normal'`);
    for (const [name, columns] of INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "callback" (${columns}) WHERE status NOT IN ('completed', 'failed', 'cancelled')`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await queryRunner.query(`DROP INDEX "${name}"`);
    await queryRunner.query('ALTER TABLE "callback" DROP COLUMN "priority_rank"');
  }
}

const INDEXES: [name: string, columns: string][] = [
  ['IDX_callback_queue', 'priority_rank, due_at, id, status'],
  ['IDX_callback_queue_kind', 'kind, priority_rank, due_at, id, status'],
  ['IDX_callback_queue_department', 'department_id, priority_rank, due_at, id, status'],
  ['IDX_callback_queue_due', 'due_at, id, status'],
];
