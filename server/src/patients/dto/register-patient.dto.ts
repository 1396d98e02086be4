import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  GENDERS,
  MOBILE_PHONE_PATTERN,
  normalizeMobilePhone,
  PATIENT_NAME_MAX_LENGTH,
  PATIENT_NOTE_MAX_LENGTH,
  type Gender,
  type RegisterPatientRequest,
} from '@huifang/shared';
import { IsPastCalendarDay } from '../../core/http/past-calendar-day.validator';
import { Trim } from '../../core/http/trim';
import { UpdateConsentDto } from './update-consent.dto';

export const PHONE_MESSAGE = 'phone must be a valid mobile number (11 digits starting 13-19)';

export const NormalizePhone = () =>
  Transform(({ value }) => (typeof value === 'string' ? normalizeMobilePhone(value) : value));

export class RegisterPatientDto implements RegisterPatientRequest {
  @ApiProperty({ example: '王芳', maxLength: PATIENT_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(PATIENT_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ example: '13812345678', description: 'Mainland mobile; spaces, dashes and +86 are accepted' })
  @NormalizePhone()
  @IsString()
  @Matches(MOBILE_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone!: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ example: '1968-05-02' })
  @IsOptional()
  @IsPastCalendarDay()
  birthDate?: string;

  @ApiPropertyOptional({ maxLength: PATIENT_NOTE_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PATIENT_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ type: () => UpdateConsentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateConsentDto)
  consent?: UpdateConsentDto;
}
