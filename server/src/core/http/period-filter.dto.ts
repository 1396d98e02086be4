import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsCalendarDay } from './calendar-day.validator';
import { IsId } from './id.validator';

/** `from`/`to` (inclusive hospital calendar days) and one department: the filter of reports and lists. */
export class PeriodFilterDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'First day, inclusive' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day, inclusive' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  departmentId?: number;
}
