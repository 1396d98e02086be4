import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  GENDERS,
  MOBILE_PHONE_PATTERN,
  PATIENT_NAME_MAX_LENGTH,
  PATIENT_NOTE_MAX_LENGTH,
  type Gender,
  type UpdatePatientRequest,
} from '@huifang/shared';
import { IsPastCalendarDay } from '../../core/http/past-calendar-day.validator';
import { Trim } from '../../core/http/trim';
import { NormalizePhone, PHONE_MESSAGE } from './register-patient.dto';

export class UpdatePatientDto implements UpdatePatientRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(PATIENT_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @NormalizePhone()
  @IsString()
  @Matches(MOBILE_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsPastCalendarDay()
  birthDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Trim()
  @IsString()
  @MaxLength(PATIENT_NOTE_MAX_LENGTH)
  note?: string | null;
}
