import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, ERROR_CODES, startOfCalendarDay, type OutreachMessage, type Page } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { forUpdate } from '../core/database/row-lock';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import type { OutreachMessageQueryDto } from './dto/outreach-message-query.dto';
import { OutreachMessageEntity } from './outreach-message.entity';
import { firstSendableAt } from './quiet-hours';

/** The outbox for admins: the list (no text, no address) and the retry of a failed message. */
@Injectable()
export class OutreachMessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async list(query: OutreachMessageQueryDto): Promise<Page<OutreachMessage>> {
    const { timeZone } = await this.hospital.current();
    const qb = this.dataSource.manager.createQueryBuilder(OutreachMessageEntity, 'm');
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.channel) qb.andWhere('m.channel = :channel', { channel: query.channel });
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('m.created_at >= :from', { from: startOfCalendarDay(query.from, timeZone) });
    if (query.to) qb.andWhere('m.created_at < :to', { to: startOfCalendarDay(addDays(query.to, 1), timeZone) });
    const [rows, total] = await qb
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toOutreachMessage), total, page: query.page, pageSize: query.pageSize };
  }

  /** A failed message is queued again, due now (or at 08:00 in the quiet hours), with a fresh count of tries (audited). */
  async retry(id: number, context: AuditContext): Promise<OutreachMessage> {
    const row = await this.writes.run(async (manager) => {
      const message = await manager.findOne(OutreachMessageEntity, { where: { id }, ...forUpdate(manager) });
      if (!message) throw new NotFoundException({ message: `message ${id} not found`, code: ERROR_CODES.outreachMessageNotFound, params: { messageId: id } });
      if (message.status !== 'failed') throw new ConflictException({ message: `only a failed message can be sent again (this one is ${message.status})`, code: ERROR_CODES.outreachNotFailed });
      const { timeZone } = await this.hospital.current(manager);
      const change = { status: 'queued' as const, attempts: 0, nextAttemptAt: firstSendableAt(new Date(), timeZone), reason: null, claimedUntil: null, claimedBy: null };
      await manager.update(OutreachMessageEntity, { id }, change);
      await this.audit.record(context, { action: 'outreach.retry', entityType: 'outreach_message', entityId: id, patientId: message.patientId }, manager);
      return { ...message, ...change };
    });
    return toOutreachMessage(row);
  }
}

export function toOutreachMessage(row: OutreachMessageEntity): OutreachMessage {
  return {
    id: row.id,
    kind: row.kind,
    patientId: row.patientId,
    departmentId: row.departmentId,
    channel: row.channel,
    purpose: row.purpose,
    status: row.status,
    reason: row.reason,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
