import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { RELATIONSHIP_PHASES, VALUE_TIERS, type RelationshipPhase, type ValueTier } from '@huifang/shared';
import { PeriodFilterDto } from '../../core/http/period-filter.dto';
import { IsId } from '../../core/http/id.validator';
import { PageQueryDto } from '../../core/http/page-query.dto';

/** The relationship view: a period (months of migration and equity trend) and a department. */
export class RelationshipQueryDto extends PeriodFilterDto {}

/** `new`: patients who had no phase on the month's first day. */
const FROM_PHASES = [...RELATIONSHIP_PHASES, 'new'] as const;

/**
 * The patients behind one cell: `phase`/`valueTier` (now), or `month` with `fromPhase` → `toPhase`
 * (the month's migration).
 */
export class RelationshipPatientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RELATIONSHIP_PHASES })
  @IsOptional()
  @IsIn(RELATIONSHIP_PHASES)
  phase?: RelationshipPhase;

  @ApiPropertyOptional({ enum: VALUE_TIERS })
  @IsOptional()
  @IsIn(VALUE_TIERS)
  valueTier?: ValueTier;

  @ApiPropertyOptional({ example: '2026-10', description: 'A month of the migration matrix (with fromPhase and toPhase)' })
  @ValidateIf((q: RelationshipPatientsQueryDto) => q.month !== undefined || q.fromPhase !== undefined || q.toPhase !== undefined)
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month as YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ enum: FROM_PHASES })
  @ValidateIf((q: RelationshipPatientsQueryDto) => q.month !== undefined || q.fromPhase !== undefined)
  @IsIn(FROM_PHASES)
  fromPhase?: RelationshipPhase | 'new';

  @ApiPropertyOptional({ enum: RELATIONSHIP_PHASES })
  @ValidateIf((q: RelationshipPatientsQueryDto) => q.month !== undefined || q.toPhase !== undefined)
  @IsIn(RELATIONSHIP_PHASES)
  toPhase?: RelationshipPhase;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  departmentId?: number;
}
