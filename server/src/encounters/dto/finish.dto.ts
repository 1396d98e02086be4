import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { IMPORT_CHARGE_MAX_YUAN, type FinishRequest } from '@huifang/shared';
import { IsCalendarDay } from '../../core/http/calendar-day.validator';
import { CallDto } from './call.dto';
import { IsOptionalNotNull } from '../../core/http/optional';

export class FinishDto extends CallDto implements FinishRequest {
  @ApiPropertyOptional({ example: '2027-01-15', description: 'The expected return date (YYYY-MM-DD), after the visit day' })
  @IsOptionalNotNull()
  @IsCalendarDay()
  nextVisitDue?: string;

  @ApiPropertyOptional({ example: 268.5, minimum: 0, maximum: IMPORT_CHARGE_MAX_YUAN, description: 'What the visit cost in yuan (CNY), at most two decimals' })
  @IsOptionalNotNull()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(IMPORT_CHARGE_MAX_YUAN)
  charge?: number;
}
