import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { CLINICIAN_MAX_LENGTH, type CheckInRequest } from '@huifang/shared';
import { Trim } from '../../core/http/trim';

export class CheckInDto implements CheckInRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  patientId!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  departmentId!: number;

  @ApiPropertyOptional({ maxLength: CLINICIAN_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(CLINICIAN_MAX_LENGTH)
  clinician?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 with offset; defaults to now, never in the future' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  checkedInAt?: string;
}
