import { Injectable, Logger, ServiceUnavailableException, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { WriteTransaction } from '../../core/database/write-transaction';
import { IndicatorSqlProvider } from '../indicator-sql.provider';
import { CALLBACK_ROLLUP, foldCallbackJournalSql } from './callback-rollup';
import { rebuildRollupsSql } from './rebuild-rollups';

/** How soon a start-up that met a busy database (another process's write lock) tries again. */
const BUSY_RETRY_MS = 5_000;

/**
 * Keeps the indicator rollups in step with their source rows: every write transaction folds the
 * journal its triggers filled before it commits; at start-up a rollup never built, or built in
 * another time zone than the configured one, is rebuilt, and changes written while the server was
 * stopped (a bulk loader) are folded in.
 */
@Injectable()
export class RollupsService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RollupsService.name);
  private retry: NodeJS.Timeout | undefined;
  private builtInZone = false;

  constructor(
    private readonly writes: WriteTransaction,
    private readonly sqlProvider: IndicatorSqlProvider,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.writes.addBeforeCommit((manager) => this.fold(manager));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.assertTriggers();
    await this.bringUpToDate().catch((error: unknown) => this.retryWhenBusy(error));
  }

  onModuleDestroy(): void {
    clearTimeout(this.retry);
  }

  /**
   * Whether the rollups hold this zone's figures (checked or built at start-up). Until then the
   * indicators read the source rows: slower, never wrong.
   */
  get built(): boolean {
    return this.builtInZone;
  }

  /**
   * A busy database (another process holds SQLite's write lock) does not stop the start: the
   * rollup is brought up to date a moment later. Until then every write transaction still folds
   * the journal before it commits.
   */
  private retryWhenBusy(error: unknown): void {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    this.logger.warn(`the database is busy: the rollups are brought up to date in ${BUSY_RETRY_MS / 1000} s`);
    this.retry = setTimeout(() => {
      this.bringUpToDate().catch((again: unknown) => {
        try {
          this.retryWhenBusy(again);
        } catch (failure) {
          this.logger.error({ err: failure }, 'the rollups could not be brought up to date');
        }
      });
    }, BUSY_RETRY_MS);
    this.retry.unref();
  }

  private async bringUpToDate(): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT time_zone AS zone FROM rollup_state WHERE name = '${CALLBACK_ROLLUP}'`)) as { zone: string }[];
    if (rows[0]?.zone === this.config.timeZone) {
      await this.writes.run(async () => undefined); // folds what was journalled outside the app
    } else {
      this.logger.log(`building the ${CALLBACK_ROLLUP} rollup for ${this.config.timeZone}`);
      await this.rebuild();
    }
    this.builtInZone = true;
  }

  /** Recomputes every rollup from its source rows (`npm run rollups:rebuild`). */
  async rebuild(): Promise<void> {
    const statements = rebuildRollupsSql(this.config.database.kind, this.config.timeZone);
    await this.writes.run(async (manager) => {
      for (const statement of statements) await manager.query(statement);
    });
  }

  /**
   * Without its triggers the rollup silently drifts from the callbacks. On SQLite a migration that
   * rebuilds the `callback` table drops them: it must create them again (see migration 1765800000000).
   */
  private async assertTriggers(): Promise<void> {
    const postgres = this.config.database.kind === 'postgres';
    const rows = (await this.dataSource.query(
      postgres
        ? "SELECT COUNT(*) AS n FROM pg_trigger WHERE tgname = 'callback_rollup' AND tgrelid = 'callback'::regclass AND NOT tgisinternal"
        : "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'callback' AND name LIKE 'callback_rollup_%'",
    )) as { n: number | string }[];
    if (Number(rows[0]?.n) !== (postgres ? 1 : 3)) throw new Error('the triggers that keep the follow-up rollup (callback_rollup*) are missing on table callback');
  }

  private async fold(manager: EntityManager): Promise<void> {
    const pending = (await manager.query('SELECT 1 AS one FROM callback_rollup_journal LIMIT 1')) as unknown[];
    if (pending.length === 0) return;
    for (const statement of foldCallbackJournalSql(this.sqlProvider.get())) await manager.query(statement);
  }
}
