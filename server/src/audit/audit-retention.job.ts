import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { AuditEntryEntity } from './audit-entry.entity';
import { purgeAuditEntries } from './audit-purge';

const DAY_MS = 86_400_000;

/**
 * Daily (and at start-up): deletes audit entries older than `HUIFANG_AUDIT_RETENTION_DAYS`, and
 * records that it did (`audit.purge`, with the cutoff and the count). Off when the setting is `off`.
 * Two instances purging at once delete the same rows; the second simply finds fewer.
 */
@Injectable()
export class AuditRetentionJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditRetentionJob.name);

  constructor(
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
  }

  @Interval(DAY_MS)
  async tick(): Promise<void> {
    await this.run().catch((error: unknown) => this.logger.error({ err: error }, 'audit retention job failed'));
  }

  /** How many entries were purged. */
  async run(now = new Date()): Promise<number> {
    const days = this.config.auditRetentionDays;
    if (days === null) return 0;
    const before = new Date(now.getTime() - days * DAY_MS);
    const deleted = await this.writes.run(
      async (manager) => {
        const count = await purgeAuditEntries(manager, before);
        if (count > 0) {
          await manager.insert(AuditEntryEntity, {
            at: now,
            actorId: null,
            action: 'audit.purge',
            entityType: 'audit_entry',
            entityId: null,
            patientId: null,
            ip: null,
            detail: JSON.stringify({ before: before.toISOString(), deleted: count }),
          });
        }
        return count;
      },
      { changesReads: false },
    );
    if (deleted > 0) this.logger.log(`purged ${deleted} audit entries older than ${before.toISOString()} (retention ${days} days)`);
    return deleted;
  }
}
