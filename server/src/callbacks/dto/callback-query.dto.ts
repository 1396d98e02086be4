import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { CALLBACK_KINDS, CALLBACK_SORT_KEYS, CALLBACK_VIEWS, VALUE_TIERS, type CallbackKind, type CallbackQuery, type CallbackView, type ValueTier } from '@huifang/shared';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { IsId } from '../../core/http/id.validator';
import { SortParam } from '../../core/http/sort-param';

export class CallbackQueryDto extends PageQueryDto implements CallbackQuery {
  @ApiPropertyOptional({ enum: CALLBACK_VIEWS, default: 'today' })
  @IsOptional()
  @IsIn(CALLBACK_VIEWS)
  view?: CallbackView;

  @ApiPropertyOptional({ enum: CALLBACK_KINDS })
  @IsOptional()
  @IsIn(CALLBACK_KINDS)
  kind?: CallbackKind;

  @ApiPropertyOptional({ enum: VALUE_TIERS, description: "The patient's value tier (relationship phases)" })
  @IsOptional()
  @IsIn(VALUE_TIERS)
  valueTier?: ValueTier;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  departmentId?: number;

  @SortParam(CALLBACK_SORT_KEYS)
  sort?: string;
}
