import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { AUDIT_EXPORT_MAX_ROWS, ERROR_CODES, addDays, startOfCalendarDay, type AuditAction, type AuditEntry, type Page } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { insertChunked } from '../core/database/bulk-insert';
import { WriteTransaction } from '../core/database/write-transaction';
import type { AuditContext } from './audit-context.decorator';
import { AuditEntryEntity } from './audit-entry.entity';
import type { AuditFilterDto } from './dto/audit-filter.dto';
import type { AuditQueryDto } from './dto/audit-query.dto';

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId: number | null;
  patientId?: number | null;
  /** What a search asked and found (masked; see `searchAuditDetail`). */
  detail?: string | null;
}

/**
 * Who acted and from where. Staff act through an `AuditContext`; a patient answering a survey link
 * acts without an account (actor null).
 */
export interface AuditActor {
  actor: { id: number } | null;
  ip: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
  ) {}

  /**
   * Records an event; pass `manager` to make it part of the change's own transaction. On its own
   * (the trail of a read) it leaves the read cache alone: no cached figure depends on the audit log.
   */
  async record(context: AuditActor, event: AuditEvent, manager?: EntityManager): Promise<void> {
    const row = toRow(context, event);
    if (manager) await manager.insert(AuditEntryEntity, row);
    else await this.writes.run((m) => m.insert(AuditEntryEntity, row), { changesReads: false });
  }

  /**
   * A read that listed several patients (a drill-down): one entry per patient, so the audit log
   * filtered by patient shows who saw them in a list too; one entry without patient for an empty list.
   * Inserted in chunks, all in one transaction: one statement for thousands of patients would pass
   * the databases' limits on bound parameters (SQLite 32766, PostgreSQL 65535).
   */
  async recordPatients(context: AuditContext, event: Omit<AuditEvent, 'patientId'>, patientIds: readonly number[]): Promise<void> {
    const distinct = [...new Set(patientIds)];
    const rows = distinct.length ? distinct.map((patientId) => toRow(context, { ...event, patientId })) : [toRow(context, event)];
    await this.writes.run((m) => insertChunked(m, AuditEntryEntity, rows), { changesReads: false });
  }

  /** Every entry about one patient, oldest first (the patient's data export). */
  async allForPatient(patientId: number): Promise<AuditEntry[]> {
    const rows = await this.entries
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.actor', 'actor')
      .where('a.patientId = :patientId', { patientId })
      .orderBy('a.at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return rows.map(toAuditEntry);
  }

  async list(query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const { page, pageSize } = query;
    const [rows, total] = await this.filtered(query)
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return {
      items: rows.map(toAuditEntry),
      total,
      page,
      pageSize,
    };
  }

  /**
   * Every entry the filter matches, for the CSV export; the export itself is audited (who took a
   * copy of whose trail), after the read so that it names the row count.
   */
  async export(filter: AuditFilterDto, context: AuditContext): Promise<AuditEntry[]> {
    const total = await this.filtered(filter).getCount();
    if (total > AUDIT_EXPORT_MAX_ROWS) {
      throw new BadRequestException({
        message: `the filter matches ${total} entries, more than the ${AUDIT_EXPORT_MAX_ROWS} one export may hold; narrow the dates`,
        code: ERROR_CODES.auditExportTooLarge,
        params: { max: AUDIT_EXPORT_MAX_ROWS, total },
      });
    }
    const rows = await this.filtered(filter).getMany();
    const { patientId, actorId, action, from, to } = filter;
    await this.record(context, {
      action: 'audit.export',
      entityType: 'audit_log',
      entityId: null,
      patientId: patientId ?? null,
      detail: JSON.stringify({ patientId, actorId, action, from, to, rows: rows.length }),
    });
    return rows.map(toAuditEntry);
  }

  private filtered(filter: AuditFilterDto) {
    const qb = this.entries.createQueryBuilder('a').leftJoinAndSelect('a.actor', 'actor');
    if (filter.patientId) qb.andWhere('a.patientId = :patientId', { patientId: filter.patientId });
    if (filter.actorId) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('a.at >= :from', { from: startOfCalendarDay(filter.from, this.config.timeZone) });
    if (filter.to) qb.andWhere('a.at < :to', { to: startOfCalendarDay(addDays(filter.to, 1), this.config.timeZone) });
    return qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
  }
}

function toAuditEntry(row: AuditEntryEntity): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor ? { id: row.actor.id, username: row.actor.username } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    patientId: row.patientId,
    ip: row.ip,
    detail: row.detail,
  };
}

function toRow(context: AuditActor, event: AuditEvent) {
  return {
    at: new Date(),
    actorId: context.actor?.id ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    patientId: event.patientId ?? null,
    ip: context.ip,
    detail: event.detail ?? null,
  };
}
