import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, ValidateIf } from 'class-validator';
import {
  GENDERS,
  MOBILE_PHONE_PATTERN,
  PATIENT_NAME_MAX_LENGTH,
  PATIENT_NOTE_MAX_LENGTH,
  SURVEY_LANGUAGES,
  type Gender,
  type SurveyLanguage,
  type UpdatePatientRequest,
} from '@huifang/shared';
import { IsPastCalendarDay } from '../../core/http/past-calendar-day.validator';
import { Trim } from '../../core/http/trim';
import { NormalizePhone, PHONE_MESSAGE } from './register-patient.dto';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';

export class UpdatePatientDto implements UpdatePatientRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxChars(PATIENT_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @NormalizePhone()
  @IsString()
  @Matches(MOBILE_PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptionalNotNull()
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
  @MaxChars(PATIENT_NOTE_MAX_LENGTH)
  note?: string | null;

  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, nullable: true, description: 'null: survey links follow the phone' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIn(SURVEY_LANGUAGES)
  preferredLanguage?: SurveyLanguage | null;
}
