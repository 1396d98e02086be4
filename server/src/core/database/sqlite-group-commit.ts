import { ServiceUnavailableException } from '@nestjs/common';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ERROR_CODES } from '@huifang/shared';
import { isSqliteBusy } from './sqlite-begin-immediate';

export type Work<T = unknown> = (manager: EntityManager) => Promise<T>;
export type BeforeCommitStep = (manager: EntityManager) => Promise<void>;

/** How far a batch grows: works are answered only after its COMMIT, so a batch bounds their latency. */
export interface GroupCommitLimits {
  maxWorks: number;
  /** No new work joins a batch that has been running this long. */
  maxMs: number;
  /**
   * Under load (the last commit ended less than BUSY_MS ago), how long a batch waits for more works
   * before it begins: the COMMIT's fsync blocks the event loop (better-sqlite3 is synchronous), so
   * the requests that arrived meanwhile are read only after it, not all in the same turn.
   */
  gatherMs: number;
}
export const GROUP_COMMIT_LIMITS: GroupCommitLimits = { maxWorks: 100, maxMs: 20, gatherMs: 3 };
const BUSY_MS = 100;

interface Queued {
  work: Work;
  changesReads: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
type Outcome = { queued: Queued; ok: true; value: unknown } | { queued: Queued; ok: false; error: unknown };

/** The parts of TypeORM's SQLite query runner (and of better-sqlite3) this module relies on. */
type SqliteQueryRunner = QueryRunner & { isTransactionActive: boolean; transactionDepth: number; connect(): Promise<{ inTransaction: boolean }> };

/**
 * Group commit for SQLite. With WAL and `synchronous = FULL` every COMMIT waits for one fsync, which
 * bounds a transaction-per-request server to the disk's fsyncs per second. Writes already run one at
 * a time on the single better-sqlite3 connection, so the works waiting in line run back to back in
 * ONE transaction, each in its own savepoint (a work that fails rolls back only its own changes and
 * its caller gets its error), the before-commit steps run once, COMMIT once, and only then is every
 * caller answered: nobody hears of a write before the commit that holds it is durable. A COMMIT (or
 * before-commit step) that fails fails every work of the batch.
 *
 * A batch starts on the event loop's next turn (`setImmediate`), so that the requests read in the
 * same turn join it, or under load a few milliseconds later (`gatherMs`); the works queued while it
 * runs join it too, up to the limits.
 */
export class SqliteGroupCommit {
  private readonly waiting: Queued[] = [];
  private draining = false;
  private lastCommitEnded = -Infinity;

  constructor(
    private readonly dataSource: DataSource,
    private readonly beforeCommit: readonly BeforeCommitStep[],
    private readonly limits: GroupCommitLimits = GROUP_COMMIT_LIMITS,
  ) {}

  run<T>(work: Work<T>, changesReads: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, changesReads, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) this.scheduleBatch();
    });
  }

  private scheduleBatch(): void {
    this.draining = true;
    const next = () => void this.commitBatch().finally(() => (this.waiting.length > 0 ? this.scheduleBatch() : (this.draining = false)));
    const busy = performance.now() - this.lastCommitEnded < BUSY_MS;
    if (busy && this.limits.gatherMs > 0) setTimeout(next, this.limits.gatherMs);
    else setImmediate(next);
  }

  private async commitBatch(): Promise<void> {
    const outcomes: Outcome[] = [];
    const waitingAtStart = this.waiting.length;
    let begun = false;
    let failure: { error: unknown } | undefined;
    try {
      await this.dataSource.transaction(async (manager) => {
        begun = true;
        const started = Date.now();
        while (this.waiting.length > 0 && outcomes.length < this.limits.maxWorks && (outcomes.length === 0 || Date.now() - started < this.limits.maxMs)) {
          const queued = this.waiting.shift() as Queued;
          try {
            // TypeORM nests it as SAVEPOINT … RELEASE (ROLLBACK TO on failure) on the shared runner.
            outcomes.push({ queued, ok: true, value: await manager.transaction(queued.work) });
          } catch (error) {
            outcomes.push({ queued, ok: false, error });
            // Some errors (disk full, I/O) make SQLite roll back the whole transaction, not a savepoint:
            // what the batch did so far is gone, and the next work would run outside any transaction.
            if (!(await inTransaction(manager))) throw error;
          }
        }
        if (outcomes.some((o) => o.ok && o.queued.changesReads)) for (const step of this.beforeCommit) await step(manager);
      });
    } catch (error) {
      failure = { error: isSqliteBusy(error) ? databaseBusy() : error };
      await forgetLostTransaction(this.dataSource).catch(() => undefined);
    }
    this.lastCommitEnded = performance.now();
    // BEGIN failed (another connection kept the write lock past the wait budget): the works that
    // waited for it are answered 503, as a transaction of their own would have been.
    if (!begun && failure) for (const queued of this.waiting.splice(0, waitingAtStart)) queued.reject(failure.error);
    for (const outcome of outcomes) {
      if (!outcome.ok) outcome.queued.reject(outcome.error);
      else if (failure) outcome.queued.reject(failure.error);
      else outcome.queued.resolve(outcome.value);
    }
  }
}

function databaseBusy(): ServiceUnavailableException {
  return new ServiceUnavailableException({ message: 'the database is busy; try again in a moment', code: ERROR_CODES.databaseBusy });
}

async function inTransaction(manager: EntityManager): Promise<boolean> {
  const runner = manager.queryRunner as SqliteQueryRunner;
  return (await runner.connect()).inTransaction;
}

/**
 * After a transaction SQLite rolled back by itself, TypeORM's ROLLBACK (TO SAVEPOINT) fails and the
 * shared query runner still believes a transaction is open: every later write would nest in it.
 */
async function forgetLostTransaction(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner() as SqliteQueryRunner;
  if (runner.isTransactionActive && !(await runner.connect()).inTransaction) {
    runner.isTransactionActive = false;
    runner.transactionDepth = 0;
  }
}
