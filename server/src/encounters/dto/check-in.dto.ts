import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { CLINICIAN_MAX_LENGTH, type CheckInRequest } from '@huifang/shared';
import { Trim } from '../../core/http/trim';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';
import { IsTimestamp } from '../../core/http/timestamp.validator';
import { IsId } from '../../core/http/id.validator';

export class CheckInDto implements CheckInRequest {
  @ApiProperty()
  @IsId()
  patientId!: number;

  @ApiProperty()
  @IsId()
  departmentId!: number;

  @ApiPropertyOptional({ maxLength: CLINICIAN_MAX_LENGTH })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxChars(CLINICIAN_MAX_LENGTH)
  clinician?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 with offset; defaults to now, never in the future' })
  @IsOptionalNotNull()
  @IsTimestamp()
  checkedInAt?: string;
}
