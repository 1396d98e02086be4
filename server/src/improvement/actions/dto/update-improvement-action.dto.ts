import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import {
  BETTER_DIRECTIONS,
  IMPROVEMENT_STATUSES,
  type BetterDirection,
  type ImprovementStatus,
  type IndicatorKey,
  type UpdateImprovementActionRequest,
} from '@huifang/shared';
import { IsId } from '../../../core/http/id.validator';
import { IsOptionalNotNull } from '../../../core/http/optional';
import { DayField, DepartmentField, DescriptionField, IndicatorField, OneOf, TitleField, WindowDaysField } from './action-fields';

/** Any editable field; `departmentId: null` means the whole hospital, `endDate: null` clears the end. */
export class UpdateImprovementActionDto implements UpdateImprovementActionRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @TitleField()
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @DescriptionField()
  description?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_o, value) => value !== undefined)
  @DepartmentField()
  departmentId?: number | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsId()
  ownerUserId?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IndicatorField()
  indicator?: IndicatorKey;

  @ApiPropertyOptional({ enum: BETTER_DIRECTIONS })
  @IsOptionalNotNull()
  @OneOf(BETTER_DIRECTIONS)
  betterDirection?: BetterDirection;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @DayField()
  startDate?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @DayField()
  endDate?: string | null;

  @ApiPropertyOptional({ enum: IMPROVEMENT_STATUSES })
  @IsOptionalNotNull()
  @OneOf(IMPROVEMENT_STATUSES)
  status?: ImprovementStatus;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @WindowDaysField('baselineDays')
  baselineDays?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @WindowDaysField('lagDays')
  lagDays?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @WindowDaysField('followUpDays')
  followUpDays?: number;
}
