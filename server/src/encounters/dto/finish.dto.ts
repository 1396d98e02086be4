import { ApiPropertyOptional } from '@nestjs/swagger';
import type { FinishRequest } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { CallDto } from './call.dto';
import { IsOptionalNotNull } from '../../core/http/optional';

export class FinishDto extends CallDto implements FinishRequest {
  @ApiPropertyOptional({ example: '2027-01-15', description: 'The expected return date (YYYY-MM-DD), after the visit day' })
  @IsOptionalNotNull()
  @IsCalendarDay()
  nextVisitDue?: string;
}
