import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CALLBACK_VIEWS } from '@huifang/shared';
import { appDataSource } from '../core/database/testing/app-schema';
import { createScratchDatabase, type ScratchDatabase } from '../core/database/testing/scratch-database';
import { inQueueOrder, queueWindow, seekingEachRank, whereOpenInView, type QueueFilter } from './callback-queue';

/*
 * The queue's reads (issue #12): on a SQLite database made by the migrations, each view's page and
 * count read a queue index, with no full scan of the table and no sort (a TEMP B-TREE) in the plan.
 * The queries are the ones CallbacksService runs (callback-queue.ts). No statistics (ANALYZE), as
 * on a hospital's database. Not covered: `?sort=` by a column together with a kind or department
 * filter, which sorts that filter's open callbacks.
 */

const FILTERS: [string, QueueFilter][] = [
  ['no filter', {}],
  ['kind', { kind: 'service_recovery' }],
  ['department', { departmentId: 1 }],
  ['kind and department', { kind: 'manual', departmentId: 1 }],
];
const NOW = new Date('2026-03-05T06:00:00Z');

describe('the callback queue query plans (SQLite)', () => {
  let db: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createScratchDatabase('sqlite');
    dataSource = appDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  function view(name: (typeof CALLBACK_VIEWS)[number], filter: QueueFilter): SelectQueryBuilder<ObjectLiteral> {
    return whereOpenInView(dataSource.getRepository('CallbackEntity').createQueryBuilder('c'), filter, queueWindow(name, NOW, 'Asia/Shanghai'));
  }

  async function plan(qb: SelectQueryBuilder<ObjectLiteral>): Promise<string> {
    const [sql, params] = qb.getQueryAndParameters();
    const rows = (await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[];
    return rows.map((r) => r.detail).join('\n');
  }

  function expectServedByQueueIndex(text: string): void {
    expect(text).toMatch(/^SEARCH c USING (COVERING )?INDEX IDX_callback_queue/m);
    expect(text).not.toMatch(/TEMP B-TREE|^SCAN c/m);
  }

  describe.each(CALLBACK_VIEWS)('%s', (name) => {
    it.each(FILTERS)('a page in the queue order, %s', async (_label, filter) => {
      expectServedByQueueIndex(await plan(inQueueOrder(view(name, filter).select('c.id', 'id'), undefined).offset(20).limit(20)));
    });

    it.each(['dueAt', '-dueAt'])('a page by due time (?sort=%s)', async (sort) => {
      expectServedByQueueIndex(await plan(inQueueOrder(view(name, {}).select('c.id', 'id'), sort).offset(20).limit(20)));
    });

    it.each(FILTERS)('the count, %s', async (_label, filter) => {
      expectServedByQueueIndex(await plan(seekingEachRank(view(name, filter)).select('COUNT(DISTINCT(c.id))', 'cnt')));
    });
  });
});
