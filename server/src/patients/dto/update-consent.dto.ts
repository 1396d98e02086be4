import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { UpdateConsentRequest } from '@huifang/shared';

export class UpdateConsentDto implements UpdateConsentRequest {
  @ApiPropertyOptional({ description: 'Agrees to follow-up calls' })
  @IsOptional()
  @IsBoolean()
  followUpCalls?: boolean;

  @ApiPropertyOptional({ description: 'Agrees to feedback surveys' })
  @IsOptional()
  @IsBoolean()
  surveys?: boolean;
}
