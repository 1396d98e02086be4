import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { rebuildWaitHistograms } from '../encounters/wait-histogram';
import { WriteTransaction } from '../core/database/write-transaction';
import { removeUpload, staleUploads, uploadFolder, UPLOAD_KEEP_MS } from './import-files';
import { HistoryImporter } from './history-importer';
import { ImportJobEntity } from './import-job.entity';

const HOURLY = 3_600_000;

/**
 * A job left `running` by a stopped process failed (running the file again is safe: imports are
 * idempotent); uploads not run within a day are removed, their jobs marked failed.
 */
@Injectable()
export class ImportHousekeeping implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportHousekeeping.name);

  constructor(
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
    private readonly importer: HistoryImporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.writes
      .run(async (m) => {
        const interrupted = await m.find(ImportJobEntity, { where: { status: 'running' }, select: { id: true } });
        await m.update(ImportJobEntity, { status: 'running' }, { status: 'failed', finishedAt: new Date() });
        return interrupted.map((job) => job.id);
      })
      .then((jobIds) => this.repair(jobIds))
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not close interrupted imports'));
    await this.removeStale();
  }

  /**
   * A stopped import did not reach its derived-state pass (history-importer.ts): recompute it for the
   * patients whose visits it stored, and the whole wait rollup.
   */
  private async repair(jobIds: number[]): Promise<void> {
    if (jobIds.length === 0) return;
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT patient_id AS id FROM encounter WHERE import_job_id IN (${jobIds.map(Number).join(', ')})`,
    )) as { id: number }[];
    await this.importer.refreshDerived(new Set(rows.map((row) => Number(row.id))), new Set());
    await this.writes.run((m) => rebuildWaitHistograms(m));
  }

  @Interval(HOURLY)
  async removeStale(now = new Date()): Promise<void> {
    try {
      const before = new Date(now.getTime() - UPLOAD_KEEP_MS);
      await this.writes.run((m) => m.update(ImportJobEntity, { status: 'uploaded', createdAt: LessThan(before) }, { status: 'failed', finishedAt: now }));
      const folder = await uploadFolder(this.config);
      for (const path of await staleUploads(folder, now.getTime())) await removeUpload(folder, path);
    } catch (error) {
      this.logger.error({ err: error }, 'could not remove stale import uploads');
    }
  }
}
