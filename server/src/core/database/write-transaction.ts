import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ReadCache } from './read-cache';
import { beginSqliteTransactionsImmediately } from './sqlite-begin-immediate';
import { SqliteGroupCommit, type BeforeCommitStep } from './sqlite-group-commit';

/**
 * Every write goes through here. On PostgreSQL it is a plain transaction. TypeORM's better-sqlite3
 * driver shares one connection (and one query runner) between all requests, so two transactions
 * open at once would nest as savepoints of each other; writes are therefore queued, one at a time,
 * which is what SQLite does with writers anyway, and the queued writes share one COMMIT (one fsync),
 * each in its own savepoint: see sqlite-group-commit.ts.
 *
 * Another connection to the same SQLite file (a backup, a maintenance script) may hold the write
 * lock: transactions begin IMMEDIATE, so a writer waits for it (asynchronously, for up to ~5 s,
 * `HUIFANG_SQLITE_WRITE_WAIT_MS`, see sqlite-begin-immediate.ts), and past that the request is answered 503 (the database is busy, try
 * again) rather than waiting without bound.
 */
@Injectable()
export class WriteTransaction {
  private readonly beforeCommit: BeforeCommitStep[] = [];
  private readonly sqlite: SqliteGroupCommit | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ReadCache,
    @Optional() config?: AppConfig,
  ) {
    if (dataSource.options.type === 'postgres') return;
    beginSqliteTransactionsImmediately(dataSource, config?.sqliteWriteWaitMs);
    this.sqlite = new SqliteGroupCommit(dataSource, this.beforeCommit);
  }

  /**
   * Work every write transaction does last, before it commits (keeping derived tables such as the
   * indicator rollups in step with the rows the work changed). On SQLite it runs once per batch of
   * works sharing a COMMIT, after the last of them.
   */
  addBeforeCommit(step: BeforeCommitStep): void {
    this.beforeCommit.push(step);
  }

  /**
   * `changesReads: false` is for writes no cached read depends on (the audit trail of a read):
   * opening a patient page must not empty the dashboard's cache.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, { changesReads = true }: { changesReads?: boolean } = {}): Promise<T> {
    const committed = this.sqlite ? this.sqlite.run(work, changesReads) : this.dataSource.transaction((manager) => this.withSteps(work, changesReads, manager));
    if (!changesReads) return committed;
    // Invalidate also on failure: a failed transaction may have committed before its caller saw the error.
    return committed.finally(() => this.cache.invalidate());
  }

  private async withSteps<T>(work: (manager: EntityManager) => Promise<T>, changesReads: boolean, manager: EntityManager): Promise<T> {
    const result = await work(manager);
    if (changesReads) for (const step of this.beforeCommit) await step(manager);
    return result;
  }
}
