import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { ERROR_CODES, isTargetValue, targetValueRange, type IndicatorTarget } from '@huifang/shared';
import type { AuditContext } from '../../audit/audit-context.decorator';
import { AuditService } from '../../audit/audit.service';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { WriteTransaction } from '../../core/database/write-transaction';
import { StaffUserEntity } from '../../users/user.entity';
import { checkDepartment, checkIndicator } from '../references';
import type { PutIndicatorTargetDto } from './dto/put-indicator-target.dto';
import { IndicatorTargetEntity } from './indicator-target.entity';

function notFound(targetId: number): NotFoundException {
  return new NotFoundException({ message: `indicator target ${targetId} does not exist`, code: ERROR_CODES.targetNotFound, params: { targetId } });
}

/**
 * Targets per indicator and department (issue #15): admins set them, the dashboard and the report
 * show them with whether each is met (shared isTargetMet / targetFor). One per indicator and
 * department, the hospital's with department null; PUT replaces the existing one.
 */
@Injectable()
export class IndicatorTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  /** Every target, by indicator then department (the hospital's first). */
  async list(): Promise<IndicatorTarget[]> {
    const targets = await this.dataSource.manager.find(IndicatorTargetEntity, { relations: { department: true } });
    const names = await this.userNames(targets.map((t) => t.updatedBy));
    return targets
      .sort((a, b) => a.indicator.localeCompare(b.indicator) || (a.departmentId ?? 0) - (b.departmentId ?? 0))
      .map((t) => toTarget(t, names));
  }

  async put(input: PutIndicatorTargetDto, context: AuditContext): Promise<IndicatorTarget> {
    const work = () =>
      this.writes.run(async (manager) => {
        const indicator = await checkIndicator(manager, input.indicator);
        await checkDepartment(manager, input.departmentId);
        if (!isTargetValue(indicator, input.value)) {
          const { min, max } = targetValueRange(indicator);
          throw new BadRequestException({ message: [`value must be from ${min} to ${max} for ${indicator}`], code: ERROR_CODES.targetValueOutOfRange, params: { min, max } });
        }
        const existing = await manager.findOneBy(IndicatorTargetEntity, { indicator, departmentId: input.departmentId === null ? IsNull() : input.departmentId });
        const before = existing ? `${existing.comparator} ${existing.value}` : 'none';
        const target = existing ?? manager.create(IndicatorTargetEntity, { indicator, departmentId: input.departmentId });
        target.comparator = input.comparator;
        target.value = input.value;
        target.updatedBy = context.actor.id;
        const saved = await manager.save(target);
        const detail = `indicator: ${indicator}; department: ${input.departmentId ?? 'all'}; ${before} → ${input.comparator} ${input.value}`;
        await this.audit.record(context, { action: 'indicator_target.update', entityType: 'indicator_target', entityId: saved.id, detail }, manager);
        return saved.id;
      });
    // Two admins setting the same new target at once: the loser's insert meets the unique index; it updates on retry.
    const id = await work().catch((error) => (isUniqueViolation(error) ? work() : Promise.reject(error)));
    return this.get(id);
  }

  async remove(id: number, context: AuditContext): Promise<void> {
    await this.writes.run(async (manager) => {
      const target = await manager.findOneBy(IndicatorTargetEntity, { id });
      if (!target) throw notFound(id);
      await manager.delete(IndicatorTargetEntity, { id });
      const detail = `indicator: ${target.indicator}; department: ${target.departmentId ?? 'all'}; was ${target.comparator} ${target.value}`;
      await this.audit.record(context, { action: 'indicator_target.delete', entityType: 'indicator_target', entityId: id, detail }, manager);
    });
  }

  private async get(id: number): Promise<IndicatorTarget> {
    const target = await this.dataSource.manager.findOne(IndicatorTargetEntity, { where: { id }, relations: { department: true } });
    if (!target) throw notFound(id);
    return toTarget(target, await this.userNames([target.updatedBy]));
  }

  private async userNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const users = await this.dataSource.manager.find(StaffUserEntity, { where: { id: In(wanted) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

function toTarget(target: IndicatorTargetEntity, names: Map<number, string>): IndicatorTarget {
  return {
    id: target.id,
    indicator: target.indicator,
    departmentId: target.departmentId,
    departmentName: target.department?.name ?? null,
    comparator: target.comparator,
    value: Number(target.value),
    updatedAt: new Date(target.updatedAt).toISOString(),
    updatedBy: target.updatedBy === null ? null : { id: target.updatedBy, name: names.get(target.updatedBy) ?? '' },
  };
}
