import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { CallRequest } from '@huifang/shared';

export class CallDto implements CallRequest {
  @ApiPropertyOptional({ description: 'ISO 8601 with offset; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  at?: string;
}
