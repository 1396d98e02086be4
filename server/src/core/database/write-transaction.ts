import { Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JournalFolder, type FoldStep } from './journal-folder';
import { ReadCache } from './read-cache';
import { beginSqliteTransactionsImmediately } from './sqlite-begin-immediate';
import { SqliteGroupCommit } from './sqlite-group-commit';

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
 *
 * The rollup journals their triggers fill are folded into the rollups by the steps added with
 * `addJournalFold`: on SQLite before each group commit, on PostgreSQL by a background folder
 * (journal-folder.ts), so that concurrent writers do not queue on the same rollup rows.
 */
@Injectable()
export class WriteTransaction implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly folds: FoldStep[] = [];
  private readonly writeListeners: (() => void)[] = [];
  private readonly sqlite: SqliteGroupCommit | undefined;
  private readonly folder: JournalFolder | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ReadCache,
    @Optional() config?: AppConfig,
  ) {
    if (dataSource.options.type === 'postgres') {
      this.folder = new JournalFolder(dataSource, this.folds);
      return;
    }
    beginSqliteTransactionsImmediately(dataSource, config?.sqliteWriteWaitMs);
    this.sqlite = new SqliteGroupCommit(dataSource, this.folds);
  }

  /**
   * A step folding a rollup journal into its rollup. SQLite: once per batch of works sharing a
   * COMMIT, after the last of them. PostgreSQL: in the background folder's own transactions, shortly
   * after writes and every few seconds; reads must add what is still in the journal.
   */
  addJournalFold(step: FoldStep): void {
    this.folds.push(step);
  }

  /**
   * Work to start soon after every write that changes reads commits (the relationship worker takes
   * the patients the write marked); called after the commit, never awaited.
   */
  afterWrites(listener: () => void): void {
    this.writeListeners.push(listener);
  }

  /** Folds every journal row committed so far (start-up: rows journalled while no server ran). */
  async foldJournals(): Promise<void> {
    if (this.folder) await this.folder.foldNow();
    else await this.run(async () => undefined);
  }

  onApplicationBootstrap(): void {
    this.folder?.start();
  }

  /** Before the database connection closes: waits for a fold in progress. */
  async onModuleDestroy(): Promise<void> {
    await this.folder?.stop();
  }

  /**
   * `changesReads: false` is for writes no cached read depends on (the audit trail of a read):
   * opening a patient page must not empty the dashboard's cache.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, { changesReads = true }: { changesReads?: boolean } = {}): Promise<T> {
    const committed = this.sqlite ? this.sqlite.run(work, changesReads) : this.dataSource.transaction(work);
    if (!changesReads) return committed;
    // Invalidate also on failure: a failed transaction may have committed before its caller saw the error.
    return committed.finally(() => {
      this.cache.invalidate();
      this.folder?.request();
      for (const listener of this.writeListeners) listener();
    });
  }
}
