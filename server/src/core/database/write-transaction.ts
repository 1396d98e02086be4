import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { ReadCache } from './read-cache';

const BUSY_RETRIES = 5;

/**
 * Every write goes through here. On PostgreSQL it is a plain transaction. TypeORM's better-sqlite3
 * driver shares one connection (and one query runner) between all requests, so two transactions
 * open at once would nest as savepoints of each other; writes are therefore queued, one at a time,
 * which is what SQLite does with writers anyway.
 *
 * Another process on the same SQLite file (a second instance, a backup tool) can still win the
 * write lock between a transaction's first read and its first write; SQLite then answers BUSY at
 * once instead of waiting. The transaction has rolled back by then, so it is simply run again.
 */
@Injectable()
export class WriteTransaction {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ReadCache,
  ) {}

  /**
   * `changesReads: false` is for writes no cached read depends on (the audit trail of a read):
   * opening a patient page must not empty the dashboard's cache.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, { changesReads = true }: { changesReads?: boolean } = {}): Promise<T> {
    const committed =
      this.dataSource.options.type === 'postgres' ? this.dataSource.transaction(work) : this.queue.then(() => this.withBusyRetry(work));
    if (this.dataSource.options.type !== 'postgres') this.queue = committed.catch(() => undefined);
    if (!changesReads) return committed;
    // Invalidate also on failure: a failed transaction may have committed before its caller saw the error.
    return committed.finally(() => this.cache.invalidate());
  }

  private async withBusyRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= BUSY_RETRIES || !isSqliteBusy(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
      }
    }
  }
}

function isSqliteBusy(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string } | undefined)?.code : (error as { code?: string })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
