import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DRILL_DOWN_SEGMENTS, FLOW_TARGETS, INDICATOR_GROUPINGS, LIFECYCLE_STAGES } from '@huifang/shared';
import type { DrillDownSegment, FlowTarget, IndicatorGrouping, LifecycleStage } from '@huifang/shared';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { PeriodFilterDto } from '../../core/http/period-filter.dto';
import { MaxChars } from '../../core/http/chars.validator';
import { IsId } from '../../core/http/id.validator';

/** The period (default: the last 30 days up to today), department and grouping of an indicator. */
export class IndicatorQueryDto extends PeriodFilterDto {
  @ApiPropertyOptional({ enum: INDICATOR_GROUPINGS, default: 'month' })
  @IsOptional()
  @IsIn(INDICATOR_GROUPINGS)
  groupBy?: IndicatorGrouping;
}

/**
 * A series (and its CSV and drill-down): may name a survey template, which narrows satisfaction
 * (other indicators refuse it). The summary and the flow have no such field, so the validation
 * pipe refuses it there, naming it.
 */
export class SeriesQueryDto extends IndicatorQueryDto {
  @ApiPropertyOptional({ description: 'Satisfaction only: one survey template (any of its versions)' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  templateId?: number;
}

const ALL_SEGMENTS = [...new Set(Object.values(DRILL_DOWN_SEGMENTS).flat())];

/** Drill-down: the query of the figure, the point (`key`) and the segment, and the page. */
export class DrillDownQueryDto extends IntersectionType(SeriesQueryDto, PageQueryDto) {
  @ApiPropertyOptional({ description: 'One point of the series (`2026-03`, a Monday, a day, or a department id), with its `groupBy`' })
  @IsOptional()
  @IsString()
  @MaxChars(12)
  key?: string;

  @ApiPropertyOptional({ enum: ALL_SEGMENTS, default: 'all' })
  @IsOptional()
  @IsIn(ALL_SEGMENTS)
  segment?: DrillDownSegment;
}

/** Drill-down of one link of the lifecycle flow: the period, department, the two stages, the page. */
export class FlowDrillDownQueryDto extends IntersectionType(IndicatorQueryDto, PageQueryDto) {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  @IsIn(LIFECYCLE_STAGES)
  fromStage!: LifecycleStage;

  @ApiProperty({ enum: FLOW_TARGETS })
  @IsIn(FLOW_TARGETS)
  toStage!: FlowTarget;
}
