import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ERASURE_REASONS, type ErasePatientRequest, type ErasureReason } from '@huifang/shared';

export class ErasePatientDto implements ErasePatientRequest {
  @ApiProperty({ enum: ERASURE_REASONS, description: 'The legal ground (PIPL art. 47); required as confirmation' })
  @IsIn(ERASURE_REASONS)
  reason!: ErasureReason;
}
