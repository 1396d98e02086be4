import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { FinishRequest } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { CallDto } from './call.dto';

export class FinishDto extends CallDto implements FinishRequest {
  @ApiPropertyOptional({ example: '2027-01-15', description: 'The expected return date (YYYY-MM-DD), after the visit day' })
  @IsOptional()
  @IsCalendarDay()
  nextVisitDue?: string;
}
