import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { LIFECYCLE_STAGES, STAGE_REASON_MAX_LENGTH, type CreateTransitionRequest, type LifecycleStage } from '@huifang/shared';
import { Trim } from '../../core/http/trim';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';
import { IsId } from '../../core/http/id.validator';

export class CreateTransitionDto implements CreateTransitionRequest {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  @IsIn(LIFECYCLE_STAGES)
  to!: LifecycleStage;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES, description: 'The stage the user saw; 409 if it has changed since' })
  @IsOptionalNotNull()
  @IsIn(LIFECYCLE_STAGES)
  from?: LifecycleStage;

  @ApiPropertyOptional({ maxLength: STAGE_REASON_MAX_LENGTH })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxChars(STAGE_REASON_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsId()
  encounterId?: number;
}
