import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { LIFECYCLE_STAGES, type CreateTransitionRequest, type LifecycleStage } from '@huifang/shared';
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

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxChars(200)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsId()
  encounterId?: number;
}
