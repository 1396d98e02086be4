import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import {
  DEFAULT_DRILL_DOWN_SORT,
  DRILL_DOWN_SEGMENTS,
  DRILL_DOWN_SORTS,
  FLOW_TARGETS,
  INDICATOR_GROUPINGS,
  LIFECYCLE_STAGES,
  SURVEY_LANGUAGES,
  THEME_TREND_GROUPINGS,
} from '@huifang/shared';
import type { DrillDownSegment, DrillDownSort, ExportLanguage, FlowTarget, IndicatorGrouping, LifecycleStage, ThemeTrendGrouping } from '@huifang/shared';
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

/** The drivers of dissatisfaction: a period and department, no grouping (`groupBy` is refused, naming it). */
export class DriversQueryDto extends PeriodFilterDto {}

/** Outreach delivery and response rates: a period and department, no grouping. */
export class OutreachRatesQueryDto extends PeriodFilterDto {}
/** The theme trend (GET /api/indicators/themes): the period, department, and weeks or months. */
export class ThemeTrendQueryDto extends PeriodFilterDto {
  @ApiPropertyOptional({ enum: THEME_TREND_GROUPINGS, default: 'month' })
  @IsOptional()
  @IsIn(THEME_TREND_GROUPINGS)
  groupBy?: ThemeTrendGrouping;
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

  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, default: 'zh', description: 'CSV only: the language of its headers and labels' })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  lang?: ExportLanguage;
}

/** `sort=on` ascending, `sort=-on` descending (the default); ties newest first, so pages are stable. */
class DrillDownSortDto {
  @ApiPropertyOptional({ enum: DRILL_DOWN_SORTS, default: DEFAULT_DRILL_DOWN_SORT })
  @IsOptional()
  @IsIn(DRILL_DOWN_SORTS)
  sort?: DrillDownSort;
}

const ALL_SEGMENTS = [...new Set(Object.values(DRILL_DOWN_SEGMENTS).flat())];

/** The rows behind a figure: its query, the point (`key`), the segment and the order (the CSV exports them all). */
export class DrillDownFilterDto extends IntersectionType(SeriesQueryDto, DrillDownSortDto) {
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

/** Drill-down: the rows behind a figure, one page. */
export class DrillDownQueryDto extends IntersectionType(DrillDownFilterDto, PageQueryDto) {}

/** The patients of one link of the lifecycle flow: the period, department, the two stages and the order. */
export class FlowDrillDownFilterDto extends IntersectionType(IndicatorQueryDto, DrillDownSortDto) {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  @IsIn(LIFECYCLE_STAGES)
  fromStage!: LifecycleStage;

  @ApiProperty({ enum: FLOW_TARGETS })
  @IsIn(FLOW_TARGETS)
  toStage!: FlowTarget;
}

/** The CSV of a flow link's patients: every row, headers in `lang`. */
export class FlowDrillDownCsvQueryDto extends FlowDrillDownFilterDto {
  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, default: 'zh', description: 'The language of the headers and labels' })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  lang?: ExportLanguage;
}

/** Drill-down of one link of the lifecycle flow, one page. */
export class FlowDrillDownQueryDto extends IntersectionType(FlowDrillDownFilterDto, PageQueryDto) {}
