import { ApiProperty } from '@nestjs/swagger';
import type { CreateInvitationRequest } from '@huifang/shared';
import { IsId } from '../../core/http/id.validator';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty()
  @IsId()
  encounterId!: number;
}
