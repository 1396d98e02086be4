import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REPORT_FORMATS, SURVEY_LANGUAGES, type ExportLanguage, type ReportFormat } from '@huifang/shared';
import { IsId } from '../../core/http/id.validator';

/** `departmentId=` (empty) means the whole hospital, as the page's "all departments" sends it. */
const emptyIsHospital = ({ value }: { value: unknown }) => (value === '' || value === undefined || value === null ? undefined : Number(value));

/**
 * Month, department and format of a report. The month's and format's meaning is checked by the
 * service (report-request.ts) so that each answers with its own code (`report.month_invalid`, …).
 */
export class ReportQueryDto {
  @ApiProperty({ example: '2026-10', description: 'YYYY-MM; the current month is provisional (never stored), a later one is refused' })
  @IsString()
  @MaxLength(20)
  month!: string;

  @ApiPropertyOptional({ description: 'Omitted or empty: the whole hospital' })
  @IsOptional()
  @Transform(emptyIsHospital)
  @IsId()
  departmentId?: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, default: 'zh', description: 'The language of the PDF and Excel file' })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  lang?: ExportLanguage;
}

/** `POST /api/reports/assessment/regenerate`. */
export class RegenerateReportDto {
  @ApiProperty({ example: '2026-10' })
  @IsString()
  @MaxLength(20)
  month!: string;

  @ApiPropertyOptional({ nullable: true, description: 'null or omitted: the whole hospital' })
  @IsOptional()
  @IsId()
  departmentId?: number | null;
}
