import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { AUDIT_ACTIONS, SURVEY_LANGUAGES, type AuditAction, type AuditQuery, type ExportLanguage } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { IsId } from '../../core/http/id.validator';

/** Which entries: about a patient, by a staff member, of one action, on calendar days (hospital time zone). */
export class AuditFilterDto implements Omit<AuditQuery, 'page' | 'pageSize'> {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  patientId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  actorId?: number;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}

/** The CSV export's query: the filter, and the language of the file's headers and action names. */
export class AuditCsvQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, default: 'zh', description: 'The language of the headers and action names' })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  lang?: ExportLanguage;
}
