import { Injectable, Logger, ServiceUnavailableException, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { WriteTransaction } from '../../core/database/write-transaction';
import { IndicatorSqlProvider } from '../indicator-sql.provider';
import { CALLBACK_ROLLUP, foldCallbackJournalSql } from './callback-rollup';
import { foldDriverJournalSql } from './driver-rollup';
import { rebuildZonedRollupsSql } from './rebuild-rollups';
import { foldRatingJournalSql } from './rating-rollup';
import { SURVEY_ROLLUP, foldSurveyJournalSql } from './survey-rollup';

/** The rollups built in the hospital's time zone, each with its row in `rollup_state`. */
const ZONED_ROLLUPS = [CALLBACK_ROLLUP, SURVEY_ROLLUP];

/** How soon a start-up that met a busy database (another process's write lock) tries again. */
const BUSY_RETRY_MS = 5_000;

/**
 * Keeps the indicator rollups in step with their source rows: the journals their triggers fill are
 * folded in (WriteTransaction.addJournalFold: on SQLite before each commit, on PostgreSQL by the
 * background folder); at start-up a rollup never built, or built in
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
    this.writes.addJournalFold((manager) => this.fold(manager));
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
   * rollup is brought up to date a moment later. Until then the journals are still folded.
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
    const rows = (await this.dataSource.query(`SELECT name, time_zone AS zone FROM rollup_state`)) as { name: string; zone: string }[];
    const stale = ZONED_ROLLUPS.filter((name) => rows.find((row) => row.name === name)?.zone !== this.config.timeZone);
    if (stale.length === 0) {
      await this.writes.foldJournals(); // what was journalled outside the app
    } else {
      this.logger.log(`building the ${stale.join(', ')} rollups for ${this.config.timeZone}`);
      const statements = rebuildZonedRollupsSql(this.config.database.kind, this.config.timeZone, stale);
      await this.writes.run(async (manager) => {
        for (const statement of statements) await manager.query(statement);
      });
    }
    this.builtInZone = true;
  }

  /**
   * Without their triggers the rollups silently drift from their rows. On SQLite a migration that
   * rebuilds `callback`, `survey_response`, `survey_invitation`, `survey_answer`, `response_theme` or `encounter` drops them: it must create them
   * again (see migrations 1765800000000, 1765950000000 and 1766040000000).
   */
  private async assertTriggers(): Promise<void> {
    const postgres = this.config.database.kind === 'postgres';
    // PostgreSQL: one trigger per table; SQLite: one per insert, update and delete, named by prefix.
    const expected: [table: string, trigger: string, sqlitePrefix: string, sqliteCount?: number][] = [
      ['callback', 'callback_rollup', 'callback_rollup_'],
      ['survey_response', 'survey_response_rollup', 'survey_rollup_response_'],
      ['survey_invitation', 'survey_invitation_rollup', 'survey_rollup_invitation_'],
      ['survey_answer', 'survey_answer_rollup', 'survey_rollup_answer_'],
      // The churn cohort's order columns (encounters/churn-order.ts, migration 1765970000000).
      ['encounter', 'encounter_churn_order', 'encounter_churn_order_'],
      // The drivers' counts (driver-rollup.ts, migration 1766040000000); on encounter only an update moves them.
      ['survey_response', 'survey_response_drivers', 'driver_count_response_'],
      ['survey_answer', 'survey_answer_drivers', 'driver_count_answer_'],
      ['response_theme', 'response_theme_drivers', 'driver_count_theme_'],
      ['encounter', 'encounter_drivers', 'driver_count_encounter_', 1],
    ];
    for (const [table, trigger, sqlitePrefix, sqliteCount = 3] of expected) {
      const rows = (await this.dataSource.query(
        postgres
          ? `SELECT COUNT(*) AS n FROM pg_trigger WHERE tgname = '${trigger}' AND tgrelid = '${table}'::regclass AND NOT tgisinternal`
          : `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '${table}' AND name LIKE '${sqlitePrefix}%'`,
      )) as { n: number | string }[];
      if (Number(rows[0]?.n) !== (postgres ? 1 : sqliteCount)) throw new Error(`the triggers that keep the indicator rollups are missing on table ${table}`);
    }
  }

  private async fold(manager: EntityManager): Promise<void> {
    const pending = (await manager.query(
      `SELECT (SELECT 1 FROM callback_rollup_journal LIMIT 1) AS callbacks, (SELECT 1 FROM survey_rollup_journal LIMIT 1) AS surveys,
              (SELECT 1 FROM survey_rating_journal LIMIT 1) AS ratings, (SELECT 1 FROM driver_count_journal LIMIT 1) AS drivers`,
    )) as { callbacks: unknown; surveys: unknown; ratings: unknown; drivers: unknown }[];
    const sql = this.sqlProvider.get();
    if (pending[0]?.callbacks != null) for (const statement of foldCallbackJournalSql(sql)) await manager.query(statement);
    if (pending[0]?.surveys != null) for (const statement of foldSurveyJournalSql(sql)) await manager.query(statement);
    if (pending[0]?.ratings != null) for (const statement of foldRatingJournalSql(sql.isPostgres)) await manager.query(statement);
    if (pending[0]?.drivers != null) for (const statement of foldDriverJournalSql(sql)) await manager.query(statement);
  }
}
