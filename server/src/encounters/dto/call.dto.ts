import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CallRequest } from '@huifang/shared';
import { IsOptionalNotNull } from '../../core/http/optional';
import { IsTimestamp } from '../../core/http/timestamp.validator';

export class CallDto implements CallRequest {
  @ApiPropertyOptional({ description: 'ISO 8601 with offset; defaults to now' })
  @IsOptionalNotNull()
  @IsTimestamp()
  at?: string;
}
