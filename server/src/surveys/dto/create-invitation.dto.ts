import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import type { CreateInvitationRequest } from '@huifang/shared';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  encounterId!: number;
}
