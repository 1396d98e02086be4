import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { LIFECYCLE_STAGES, type CreateTransitionRequest, type LifecycleStage } from '@huifang/shared';
import { Trim } from '../../core/http/trim';

export class CreateTransitionDto implements CreateTransitionRequest {
  @ApiProperty({ enum: LIFECYCLE_STAGES })
  @IsIn(LIFECYCLE_STAGES)
  to!: LifecycleStage;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES, description: 'The stage the user saw; 409 if it has changed since' })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES)
  from?: LifecycleStage;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  encounterId?: number;
}
