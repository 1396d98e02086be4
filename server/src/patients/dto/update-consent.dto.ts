import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { UpdateConsentRequest } from '@huifang/shared';
import { IsOptionalNotNull } from '../../core/http/optional';

export class UpdateConsentDto implements UpdateConsentRequest {
  @ApiPropertyOptional({ description: 'Agrees to follow-up calls' })
  @IsOptionalNotNull()
  @IsBoolean()
  followUpCalls?: boolean;

  @ApiPropertyOptional({ description: 'Agrees to feedback surveys' })
  @IsOptionalNotNull()
  @IsBoolean()
  surveys?: boolean;
}
