import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { ENCOUNTER_STATUSES, type EncounterQuery, type EncounterStatus } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { PageQueryDto } from '../../core/http/page-query.dto';

export class EncounterQueryDto extends PageQueryDto implements EncounterQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  patientId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiPropertyOptional({ enum: ENCOUNTER_STATUSES })
  @IsOptional()
  @IsIn(ENCOUNTER_STATUSES)
  status?: EncounterStatus;

  @ApiPropertyOptional({ description: 'First check-in day (YYYY-MM-DD, hospital time zone), inclusive' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ description: 'Last check-in day, inclusive' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}
