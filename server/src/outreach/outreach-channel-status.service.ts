import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  byChannelOrder,
  OUTREACH_FAILURE_WINDOW_HOURS,
  OUTREACH_SUCCESS_WINDOW_DAYS,
  type OutreachChannel,
  type OutreachChannelStatus,
} from '@huifang/shared';
import { storedInstant } from '../core/database/raw-sql';
import { OutreachChannels } from './outreach-channels';
import { OutreachMessageEntity } from './outreach-message.entity';

const HOUR_MS = 3_600_000;

/**
 * Each channel's state now, for the admins' outreach page. Three grouped counts, each a range of the
 * (status, next_attempt_at) index: the queued rows, the failed rows whose last try was due in the
 * last day (a failed row keeps the due time of its last try), and the sent or delivered rows due in
 * the success window (not the whole outbox's history).
 */
/** The longest the quiet hours hold a message (21:00 → 08:00). */
const QUIET_HOLD_HOURS = 12;

@Injectable()
export class OutreachChannelStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: OutreachChannels,
  ) {}

  async status(now = new Date()): Promise<OutreachChannelStatus[]> {
    const rows = () => this.dataSource.manager.createQueryBuilder(OutreachMessageEntity, 'm').select('m.channel', 'channel').groupBy('m.channel');
    const [queued, failed, succeeded] = await Promise.all([
      rows()
        .addSelect('COUNT(*)', 'queued')
        .addSelect('SUM(CASE WHEN m.reason IS NOT NULL THEN 1 ELSE 0 END)', 'retrying')
        // Due now, held by the quiet hours (at most until 08:00) or waiting after a failed try; a reminder
        // scheduled for the day after tomorrow is no backlog.
        .where('m.status = :status AND (m.nextAttemptAt <= :soon OR m.reason IS NOT NULL)', { status: 'queued', soon: new Date(now.getTime() + QUIET_HOLD_HOURS * HOUR_MS) })
        .getRawMany<{ channel: OutreachChannel; queued: unknown; retrying: unknown }>(),
      rows()
        .addSelect('COUNT(*)', 'failed')
        .where('m.status = :status AND m.nextAttemptAt >= :since', { status: 'failed', since: new Date(now.getTime() - OUTREACH_FAILURE_WINDOW_HOURS * HOUR_MS) })
        .getRawMany<{ channel: OutreachChannel; failed: unknown }>(),
      rows()
        .addSelect('MAX(COALESCE(m.delivered_at, m.sent_at))', 'last')
        .where('m.status IN (:...statuses) AND m.nextAttemptAt >= :since', {
          statuses: ['sent', 'delivered'],
          since: new Date(now.getTime() - OUTREACH_SUCCESS_WINDOW_DAYS * 24 * HOUR_MS),
        })
        .getRawMany<{ channel: OutreachChannel; last: Date | string | null }>(),
    ]);
    const configured = this.channels.configured();
    const listed = new Set<OutreachChannel>([...configured, ...queued.map((r) => r.channel), ...failed.map((r) => r.channel)]);
    return byChannelOrder(
      [...listed].map((channel) => {
        const waiting = queued.find((r) => r.channel === channel);
        const last = succeeded.find((r) => r.channel === channel)?.last ?? null;
        return {
          channel,
          configured: configured.includes(channel),
          lastSuccessAt: last === null ? null : storedInstant(last).toISOString(),
          failedLast24h: Number(failed.find((r) => r.channel === channel)?.failed ?? 0),
          queued: Number(waiting?.queued ?? 0),
          retrying: Number(waiting?.retrying ?? 0),
        };
      }),
    );
  }
}
