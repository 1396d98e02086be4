import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ENCOUNTER_STATUSES, type EncounterQuery, type EncounterStatus } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { IsId } from '../../core/http/id.validator';

export class EncounterQueryDto extends PageQueryDto implements EncounterQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  patientId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
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
