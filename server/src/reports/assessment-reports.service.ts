import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, calendarDayOf, type ArchivedReport, type AssessmentReport, type AuthUser, type CalendarDay } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { DepartmentEntity } from '../departments/department.entity';
import { RollupsService } from '../indicators/rollups/rollups.service';
import { ReportArchive } from './report-archive';
import { ReportBuilder } from './report-builder';
import { checkDepartment, checkMonth, type ReportDepartment } from './report-request';

/**
 * The monthly assessment report: served from the archive when stored (frozen, it says when it was
 * generated); a closed month not stored yet is generated and stored at its first view, so what one
 * reader saw is what the next one sees; the current month is provisional (figures so far, computed on
 * each request, never stored). Regenerate replaces a stored report, audited.
 */
@Injectable()
export class AssessmentReportsService {
  constructor(
    private readonly builder: ReportBuilder,
    private readonly archive: ReportArchive,
    private readonly config: AppConfig,
    private readonly rollups: RollupsService,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    @InjectRepository(DepartmentEntity) private readonly departmentRows: Repository<DepartmentEntity>,
  ) {}

  today(now = new Date()): CalendarDay {
    return calendarDayOf(now, this.config.timeZone);
  }

  async departments(): Promise<ReportDepartment[]> {
    const rows = await this.departmentRows.find({ select: { id: true, name: true, nameEn: true }, order: { id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.nameEn }));
  }

  async report(month: string, departmentId: number | undefined, reader: AuthUser): Promise<AssessmentReport> {
    const today = this.today();
    checkMonth(month, today);
    const departments = await this.departments();
    const department = checkDepartment(departmentId, departments);
    if (month < today.slice(0, 7)) {
      const stored = await this.archive.find(month, department?.id ?? null);
      if (stored) return stored;
    }
    const report = await this.generate(month, department, departments, reader);
    return report.provisional ? report : this.archive.storeIfAbsent(report);
  }

  async regenerate(month: string, departmentId: number | null | undefined, context: AuditContext): Promise<AssessmentReport> {
    const today = this.today();
    checkMonth(month, today);
    if (month === today.slice(0, 7)) {
      throw new BadRequestException({ message: ['month must be a closed month (the current one is never stored)'], code: ERROR_CODES.reportMonthOpen });
    }
    const departments = await this.departments();
    const department = checkDepartment(departmentId, departments);
    const report = await this.generate(month, department, departments, context.actor);
    await this.writes.run(
      async (manager) => {
        await this.archive.replace(report, manager);
        await this.audit.record(
          context,
          { action: 'report.regenerate', entityType: 'assessment_report', entityId: null, detail: JSON.stringify({ month, departmentId: department?.id ?? null }) },
          manager,
        );
      },
      { changesReads: false },
    );
    return { ...report, stored: true };
  }

  list(): Promise<ArchivedReport[]> {
    return this.archive.list();
  }

  /** A fresh report, stamped with when and by whom (null: the schedule). */
  async generate(month: string, department: ReportDepartment | null, departments: readonly ReportDepartment[], by: AuthUser | null): Promise<AssessmentReport> {
    this.assertRollupsBuilt();
    const figures = await this.builder.build(month, department, this.today(), departments);
    return { ...figures, generatedAt: new Date().toISOString(), generatedBy: by ? { id: by.id, name: by.displayName } : null, stored: false };
  }

  /** Until the start-up has built the rollups, satisfaction would count only what came since: no report to freeze. */
  private assertRollupsBuilt(): void {
    if (this.rollups.built) return;
    throw new ServiceUnavailableException({ message: 'the figures are being prepared; try again shortly', code: ERROR_CODES.indicatorRollupsBuilding });
  }
}
