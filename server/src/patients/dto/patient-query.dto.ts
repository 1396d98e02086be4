import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import {
  LIFECYCLE_STAGES,
  PATIENT_SEARCH_MAX_LENGTH,
  PATIENT_SORT_KEYS,
  RELATIONSHIP_PHASES,
  RELATIONSHIP_STATUSES,
  VALUE_TIERS,
  type RelationshipPhase,
  type ValueTier,
  type LifecycleStage,
  type PatientQuery,
  type RelationshipStatus,
} from '@huifang/shared';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { Trim } from '../../core/http/trim';
import { MaxChars } from '../../core/http/chars.validator';
import { IsId } from '../../core/http/id.validator';
import { SortParam } from '../../core/http/sort-param';

export class PatientQueryDto extends PageQueryDto implements PatientQuery {
  @ApiPropertyOptional({
    description:
      'A name fragment, the last 4 digits of a phone or the whole 11-digit number (other digit runs: 400). ' +
      'For quality managers digits are a patient id, never a phone.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxChars(PATIENT_SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES)
  stage?: LifecycleStage;

  @ApiPropertyOptional({ enum: RELATIONSHIP_STATUSES })
  @IsOptional()
  @IsIn(RELATIONSHIP_STATUSES)
  status?: RelationshipStatus;

  @ApiPropertyOptional({ enum: RELATIONSHIP_PHASES, description: 'Relationship phase (DOMAIN.md)' })
  @IsOptional()
  @IsIn(RELATIONSHIP_PHASES)
  phase?: RelationshipPhase;

  @ApiPropertyOptional({ enum: VALUE_TIERS, description: 'Value tier (DOMAIN.md)' })
  @IsOptional()
  @IsIn(VALUE_TIERS)
  valueTier?: ValueTier;

  @ApiPropertyOptional({ description: 'The department of the latest visit' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  departmentId?: number;

  @SortParam(PATIENT_SORT_KEYS)
  sort?: string;
}
