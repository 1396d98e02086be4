import { setTimeout as sleep } from 'node:timers/promises';
import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';

const TYPEORM_BEGIN = 'BEGIN TRANSACTION';
const BEGIN_IMMEDIATE = 'BEGIN IMMEDIATE TRANSACTION';
/** How long a writer waits for another connection's write lock before the API answers 503. */
export const SQLITE_WRITE_LOCK_BUDGET_MS = 5000;
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/** The parts of TypeORM's SQLite query runner (and of better-sqlite3) this module relies on. */
type SqliteQueryRunner = QueryRunner & { isTransactionActive: boolean; transactionDepth: number; connect(): Promise<SqliteConnection> };
interface SqliteConnection {
  exec(sql: string): unknown;
}

/** Each patched runner's current budget (the server sets its configured one once the config is known). */
const budgets = new WeakMap<QueryRunner, number>();

/**
 * TypeORM's SQLite query runner opens every transaction with a deferred `BEGIN TRANSACTION`, which
 * takes the write lock only at the first write. If another connection (a backup, a second process)
 * holds it by then, SQLite answers SQLITE_BUSY at once: the busy timeout does not apply to a
 * transaction that has already read. `BEGIN IMMEDIATE` takes the write lock up front, so writers queue.
 *
 * better-sqlite3 is synchronous: SQLite's busy timeout sleeps on the event loop, so a long one would
 * freeze every request (reads and /api/health included) while another connection holds the lock.
 * The connection's busy timeout is therefore short, and waiting for the lock happens here, between
 * attempts, with timers: the server keeps answering meanwhile.
 *
 * better-sqlite3 has one query runner per data source, shared by every transaction; rewriting its
 * outermost BEGIN keeps TypeORM's own bookkeeping (nested savepoints, `save()` inside a transaction).
 */
export function beginSqliteTransactionsImmediately(dataSource: DataSource, budgetMs?: number): void {
  const runner = dataSource.createQueryRunner() as SqliteQueryRunner;
  const patched = budgets.has(runner);
  // A later call sets the budget it names and keeps the one set before when it names none.
  budgets.set(runner, budgetMs ?? budgets.get(runner) ?? SQLITE_WRITE_LOCK_BUDGET_MS);
  if (patched) return;
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  runner.query = ((sql: string, ...rest: unknown[]) =>
    sql === TYPEORM_BEGIN ? beginImmediate(runner, budgets.get(runner) ?? SQLITE_WRITE_LOCK_BUDGET_MS) : query(sql, ...rest)) as QueryRunner['query'];

  // TypeORM marks the runner as in a transaction before its BEGIN runs and does not undo that when
  // BEGIN fails; its rollback would then run a ROLLBACK with no transaction open, which fails (and is
  // logged) and leaves the shared runner believing a transaction is still open.
  const startTransaction = runner.startTransaction.bind(runner);
  runner.startTransaction = async (...args: Parameters<QueryRunner['startTransaction']>) => {
    const outermost = runner.transactionDepth === 0;
    try {
      await startTransaction(...args);
    } catch (error) {
      if (outermost && runner.transactionDepth === 0) runner.isTransactionActive = false;
      throw error;
    }
  };
}

/**
 * Attempts `BEGIN IMMEDIATE` until it gets the write lock or the budget is spent, pausing (without
 * blocking the event loop) a little longer each time. Straight on the connection: an attempt that
 * finds the database busy is expected, not a failed query worth a log line.
 */
async function beginImmediate(runner: SqliteQueryRunner, budgetMs: number): Promise<void> {
  const connection = await runner.connect();
  const deadline = Date.now() + budgetMs;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      connection.exec(BEGIN_IMMEDIATE);
      return;
    } catch (error) {
      const remaining = deadline - Date.now();
      if (!isSqliteBusy(error) || remaining <= 0) throw new QueryFailedError(BEGIN_IMMEDIATE, [], error as Error);
      await sleep(Math.min(pause, remaining));
    }
  }
}

/** SQLITE_BUSY and its extended codes: another connection holds a lock this one needs. */
export function isSqliteBusy(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string } | undefined)?.code : (error as { code?: string })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
