import { ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_CHARGE_MAX_YUAN, type FinishRequest } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { IsVisitCharge } from '../../core/http/visit-charge.validator';
import { CallDto } from './call.dto';
import { IsOptionalNotNull } from '../../core/http/optional';

export class FinishDto extends CallDto implements FinishRequest {
  @ApiPropertyOptional({ example: '2027-01-15', description: 'The expected return date (YYYY-MM-DD), after the visit day' })
  @IsOptionalNotNull()
  @IsCalendarDay()
  nextVisitDue?: string;

  @ApiPropertyOptional({ example: 268.5, minimum: 0, maximum: IMPORT_CHARGE_MAX_YUAN, description: 'What the visit cost in yuan (CNY), at most two decimals' })
  @IsOptionalNotNull()
  @IsVisitCharge()
  charge?: number;
}
