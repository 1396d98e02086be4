import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LessThan } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { removeUpload, staleUploads, uploadFolder, UPLOAD_KEEP_MS } from './import-files';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.writes
      .run((m) => m.update(ImportJobEntity, { status: 'running' }, { status: 'failed', finishedAt: new Date() }))
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not close interrupted imports'));
    await this.removeStale();
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
