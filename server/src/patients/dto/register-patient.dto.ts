import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, IsObject, ValidateNested } from 'class-validator';
import {
  GENDERS,
  MOBILE_PHONE_PATTERN,
  normalizeMobilePhone,
  PATIENT_EMAIL_MAX_LENGTH,
  PATIENT_NAME_MAX_LENGTH,
  PATIENT_NOTE_MAX_LENGTH,
  type Gender,
  type RegisterPatientRequest,
} from '@huifang/shared';
import { IsPastCalendarDay } from '../../core/http/past-calendar-day.validator';
import { Trim } from '../../core/http/trim';
import { UpdateConsentDto } from './update-consent.dto';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';

export const PHONE_MESSAGE = 'phone must be a valid mobile number (11 digits starting 13-19)';

export const NormalizePhone = () =>
  Transform(({ value }) => (typeof value === 'string' ? normalizeMobilePhone(value) : value));

export class RegisterPatientDto implements RegisterPatientRequest {
  @ApiProperty({ example: '王芳', maxLength: PATIENT_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxChars(PATIENT_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ example: '13812345678', description: 'Mainland mobile; spaces, dashes and +86 are accepted' })
  @NormalizePhone()
  @IsString()
  @Matches(MOBILE_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone!: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptionalNotNull()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ example: '1968-05-02' })
  @IsOptionalNotNull()
  @IsPastCalendarDay()
  birthDate?: string;

  @ApiPropertyOptional({ maxLength: PATIENT_NOTE_MAX_LENGTH })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxChars(PATIENT_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ example: 'wang.fang@example.cn', maxLength: PATIENT_EMAIL_MAX_LENGTH })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxChars(PATIENT_EMAIL_MAX_LENGTH)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({ type: () => UpdateConsentDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateConsentDto)
  consent?: UpdateConsentDto;
}
