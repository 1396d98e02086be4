import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { foldStatusJournalSql } from './status-rollup';

/** Folds the patient-status journal into the counts (WriteTransaction.addJournalFold; status-rollup.ts). */
@Injectable()
export class PatientStatusRollupService implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.writes.addJournalFold((manager) => this.fold(manager));
  }

  /**
   * Without its triggers the counts silently drift from the patients. On SQLite a migration that
   * rebuilds the `patient` table drops them: it must create them again (see migration 1765955000000).
   */
  async onApplicationBootstrap(): Promise<void> {
    const postgres = this.config.database.kind === 'postgres';
    const rows = (await this.dataSource.query(
      postgres
        ? "SELECT COUNT(*) AS n FROM pg_trigger WHERE tgname = 'patient_status' AND tgrelid = 'patient'::regclass AND NOT tgisinternal"
        : "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'patient' AND name LIKE 'patient_status_%'",
    )) as { n: number | string }[];
    if (Number(rows[0]?.n) !== (postgres ? 1 : 3)) throw new Error('the triggers that keep the status counts (patient_status*) are missing on table patient');
  }

  private async fold(manager: EntityManager): Promise<void> {
    const pending = (await manager.query('SELECT 1 AS one FROM patient_status_journal LIMIT 1')) as unknown[];
    if (pending.length === 0) return;
    for (const statement of foldStatusJournalSql(this.config.database.kind === 'postgres')) await manager.query(statement);
  }
}
