import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import type { AuditQuery } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { IsId } from '../../core/http/id.validator';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
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

  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}
