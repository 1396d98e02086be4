import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, REPORT_FORMATS, isReportMonth, type CalendarDay, type ReportFormat } from '@huifang/shared';

/** A department a report is about. */
export interface ReportDepartment {
  id: number;
  name: string;
  nameEn: string;
}

/** `month` as YYYY-MM, not after the current month (which is provisional). */
export function checkMonth(month: string, today: CalendarDay): string {
  if (!isReportMonth(month)) throw new BadRequestException({ message: ['month must be a month as YYYY-MM'], code: ERROR_CODES.reportMonthInvalid });
  if (month > today.slice(0, 7)) throw new BadRequestException({ message: ['month must not be after the current month'], code: ERROR_CODES.reportMonthInFuture });
  return month;
}

export function checkFormat(format: string | undefined): ReportFormat {
  if (format === undefined || format === '') return 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new BadRequestException({ message: [`format must be one of ${REPORT_FORMATS.join(', ')}`], code: ERROR_CODES.reportFormatInvalid });
  }
  return format as ReportFormat;
}

export function checkDepartment(departmentId: number | null | undefined, departments: readonly ReportDepartment[]): ReportDepartment | null {
  if (departmentId === undefined || departmentId === null) return null;
  const department = departments.find((d) => d.id === departmentId);
  if (!department) throw new BadRequestException({ message: ['departmentId must be an existing department'], code: ERROR_CODES.reportUnknownDepartment });
  return department;
}
