import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IMPROVEMENT_STATUSES, type ImprovementActionQuery, type ImprovementStatus, type IndicatorKey } from '@huifang/shared';
import { IsId } from '../../../core/http/id.validator';
import { IndicatorField, OneOf } from './action-fields';

export class ImprovementActionQueryDto implements ImprovementActionQuery {
  @ApiPropertyOptional({ enum: IMPROVEMENT_STATUSES })
  @IsOptional()
  @OneOf(IMPROVEMENT_STATUSES)
  status?: ImprovementStatus;

  @ApiPropertyOptional({ description: "One department's actions (the hospital-wide ones are listed without it)" })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  departmentId?: number;

  @ApiPropertyOptional({ example: 'nps' })
  @IsOptional()
  @IndicatorField()
  indicator?: IndicatorKey;
}
