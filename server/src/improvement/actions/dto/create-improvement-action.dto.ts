import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import {
  BETTER_DIRECTIONS,
  IMPROVEMENT_STATUSES,
  IMPROVEMENT_WINDOW_DEFAULTS,
  type BetterDirection,
  type CreateImprovementActionRequest,
  type ImprovementStatus,
  type IndicatorKey,
} from '@huifang/shared';
import { IsId } from '../../../core/http/id.validator';
import { IsOptionalNotNull } from '../../../core/http/optional';
import { DayField, DepartmentField, DescriptionField, IndicatorField, OneOf, TitleField, WindowDaysField } from './action-fields';

export class CreateImprovementActionDto implements CreateImprovementActionRequest {
  @ApiProperty({ example: '骨科线上预约分时段' })
  @TitleField()
  title!: string;

  @ApiPropertyOptional({ example: '上午号源改为线上分时段预约，减少排队' })
  @IsOptionalNotNull()
  @DescriptionField()
  description?: string;

  @ApiProperty({ type: Number, nullable: true, example: 3, description: 'null: the whole hospital' })
  @DepartmentField()
  departmentId!: number | null;

  @ApiProperty({ example: 2, description: 'An active staff user' })
  @IsId()
  ownerUserId!: number;

  @ApiProperty({ example: 'wait_median', description: "wait_median, wait_over_threshold, nps, csat, churn_rate, callback_completion, 'dimension:<dimension>', 'theme_share:<theme key>'" })
  @IndicatorField()
  indicator!: IndicatorKey;

  @ApiPropertyOptional({ enum: BETTER_DIRECTIONS, description: "Default: the indicator's own" })
  @IsOptionalNotNull()
  @OneOf(BETTER_DIRECTIONS)
  betterDirection?: BetterDirection;

  @ApiProperty({ example: '2026-05-01' })
  @DayField()
  startDate!: string;

  @ApiPropertyOptional({ example: '2026-07-31', nullable: true })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @DayField()
  endDate?: string | null;

  @ApiPropertyOptional({ enum: IMPROVEMENT_STATUSES, default: 'planned' })
  @IsOptionalNotNull()
  @OneOf(IMPROVEMENT_STATUSES)
  status?: ImprovementStatus;

  @ApiPropertyOptional({ default: IMPROVEMENT_WINDOW_DEFAULTS.baselineDays })
  @IsOptionalNotNull()
  @WindowDaysField('baselineDays')
  baselineDays?: number;

  @ApiPropertyOptional({ default: IMPROVEMENT_WINDOW_DEFAULTS.lagDays })
  @IsOptionalNotNull()
  @WindowDaysField('lagDays')
  lagDays?: number;

  @ApiPropertyOptional({ default: IMPROVEMENT_WINDOW_DEFAULTS.followUpDays })
  @IsOptionalNotNull()
  @WindowDaysField('followUpDays')
  followUpDays?: number;
}
