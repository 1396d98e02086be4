import type { DataSource, QueryRunner } from 'typeorm';

const TYPEORM_BEGIN = 'BEGIN TRANSACTION';
const patched = new WeakSet<QueryRunner>();

/**
 * TypeORM's SQLite query runner opens every transaction with a deferred `BEGIN TRANSACTION`, which
 * takes the write lock only at the first write. If another connection (a backup, a second process)
 * holds it by then, SQLite answers SQLITE_BUSY at once: the busy timeout does not apply to a
 * transaction that has already read. `BEGIN IMMEDIATE` takes the write lock up front, waiting up to the
 * busy timeout, so writers queue instead of failing.
 *
 * better-sqlite3 has one query runner per data source, shared by every transaction; rewriting its
 * outermost BEGIN keeps TypeORM's own bookkeeping (nested savepoints, `save()` inside a transaction).
 */
export function beginSqliteTransactionsImmediately(dataSource: DataSource): void {
  const runner = dataSource.createQueryRunner();
  if (patched.has(runner)) return;
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  runner.query = ((sql: string, ...rest: unknown[]) => query(sql === TYPEORM_BEGIN ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest)) as QueryRunner['query'];
  patched.add(runner);
}
