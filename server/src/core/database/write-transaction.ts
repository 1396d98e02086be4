import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ERROR_CODES } from '@huifang/shared';
import { ReadCache } from './read-cache';
import { beginSqliteTransactionsImmediately, isSqliteBusy } from './sqlite-begin-immediate';

/**
 * Every write goes through here. On PostgreSQL it is a plain transaction. TypeORM's better-sqlite3
 * driver shares one connection (and one query runner) between all requests, so two transactions
 * open at once would nest as savepoints of each other; writes are therefore queued, one at a time,
 * which is what SQLite does with writers anyway.
 *
 * Another connection to the same SQLite file (a backup, a maintenance script) may hold the write
 * lock: transactions begin IMMEDIATE, so a writer waits for it (asynchronously, for up to ~5 s, see
 * sqlite-begin-immediate.ts), and past that the request is answered 503 (the database is busy, try
 * again) rather than waiting without bound.
 */
@Injectable()
export class WriteTransaction {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly beforeCommit: ((manager: EntityManager) => Promise<void>)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ReadCache,
  ) {
    if (dataSource.options.type !== 'postgres') beginSqliteTransactionsImmediately(dataSource);
  }

  /**
   * Work every write transaction does last, before it commits (keeping derived tables such as the
   * indicator rollups in step with the rows the work changed).
   */
  addBeforeCommit(step: (manager: EntityManager) => Promise<void>): void {
    this.beforeCommit.push(step);
  }

  /**
   * `changesReads: false` is for writes no cached read depends on (the audit trail of a read):
   * opening a patient page must not empty the dashboard's cache.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, { changesReads = true }: { changesReads?: boolean } = {}): Promise<T> {
    const steps = changesReads ? this.beforeCommit : [];
    const whole = async (manager: EntityManager) => {
      const result = await work(manager);
      for (const step of steps) await step(manager);
      return result;
    };
    const committed =
      this.dataSource.options.type === 'postgres' ? this.dataSource.transaction(whole) : this.queue.then(() => this.sqliteTransaction(whole));
    if (this.dataSource.options.type !== 'postgres') this.queue = committed.catch(() => undefined);
    if (!changesReads) return committed;
    // Invalidate also on failure: a failed transaction may have committed before its caller saw the error.
    return committed.finally(() => this.cache.invalidate());
  }

  private async sqliteTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      throw new ServiceUnavailableException({ message: 'the database is busy; try again in a moment', code: ERROR_CODES.databaseBusy });
    }
  }
}
