import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { COMMENT_SEARCH_MAX_LENGTH, COMMENT_THEME_KEY_PATTERN, SURVEY_RESPONSE_SORT_KEYS, type SurveyResponseQuery } from '@huifang/shared';
import { MaxChars } from '../../core/http/chars.validator';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { PeriodFilterDto } from '../../core/http/period-filter.dto';
import { IsId } from '../../core/http/id.validator';
import { SortParam } from '../../core/http/sort-param';
import { DriverFilterDto } from './driver-filter.dto';

const ToBoolean = () =>
  Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value));

export class SurveyResponseQueryDto extends IntersectionType(PageQueryDto, PeriodFilterDto, DriverFilterDto) implements SurveyResponseQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  templateId?: number;

  @ApiPropertyOptional({ description: 'Only NPS detractors (0-6), as counted by the NPS figure' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  npsDetractorsOnly?: boolean;

  @ApiPropertyOptional({ description: 'Only responses that triggered service recovery (NPS <= 6, CSAT <= 2 or a rating <= 2)' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  needsRecoveryOnly?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  hasComment?: boolean;

  @ApiPropertyOptional({ description: 'Only responses whose comment has this theme (a comment_theme key, e.g. `waiting`)' })
  @IsOptional()
  @IsString()
  @Matches(COMMENT_THEME_KEY_PATTERN, { message: 'themeId must be a theme key (lower-case letters, digits and _)' })
  themeId?: string;

  @ApiPropertyOptional({ description: 'Free-text search over comments (Chinese or English): every word must occur in the comment' })
  @IsOptional()
  @IsString()
  @MaxChars(COMMENT_SEARCH_MAX_LENGTH)
  q?: string;

  @SortParam(SURVEY_RESPONSE_SORT_KEYS)
  sort?: string;
}
