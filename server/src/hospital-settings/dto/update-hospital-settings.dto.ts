import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Max, Min, ValidateNested } from 'class-validator';
import { HOSPITAL_NAME_MAX_LENGTH, HOSPITAL_SETTING_RANGES as R, type UpdateHospitalSettingsRequest } from '@huifang/shared';
import { MaxChars } from '../../core/http/chars.validator';
import { IsOptionalNotNull } from '../../core/http/optional';
import { Trim } from '../../core/http/trim';

export class HospitalNameDto {
  @ApiProperty({ example: '示例市第一人民医院', maxLength: HOSPITAL_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @MaxChars(HOSPITAL_NAME_MAX_LENGTH)
  zh!: string;

  @ApiProperty({ example: 'Example City First People’s Hospital', maxLength: HOSPITAL_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @MaxChars(HOSPITAL_NAME_MAX_LENGTH)
  en!: string;
}

/** Ranges come from `HOSPITAL_SETTING_RANGES` in shared/, which the admin form shows too. */
export class UpdateHospitalSettingsDto implements UpdateHospitalSettingsRequest {
  @ApiPropertyOptional({ minimum: R.returnGraceDays.min, maximum: R.returnGraceDays.max })
  @IsOptionalNotNull()
  @IsInt()
  @Min(R.returnGraceDays.min)
  @Max(R.returnGraceDays.max)
  returnGraceDays?: number;

  @ApiPropertyOptional({ minimum: R.waitThresholdMinutes.min, maximum: R.waitThresholdMinutes.max })
  @IsOptionalNotNull()
  @IsInt()
  @Min(R.waitThresholdMinutes.min)
  @Max(R.waitThresholdMinutes.max)
  waitThresholdMinutes?: number;

  @ApiPropertyOptional({ minimum: R.surveyExpiryDays.min, maximum: R.surveyExpiryDays.max })
  @IsOptionalNotNull()
  @IsInt()
  @Min(R.surveyExpiryDays.min)
  @Max(R.surveyExpiryDays.max)
  surveyExpiryDays?: number;

  @ApiPropertyOptional({ minimum: R.surveyMinDays.min, maximum: R.surveyMinDays.max })
  @IsOptionalNotNull()
  @IsInt()
  @Min(R.surveyMinDays.min)
  @Max(R.surveyMinDays.max)
  surveyMinDays?: number;

  @ApiPropertyOptional({ minimum: R.claimTimeoutMinutes.min, maximum: R.claimTimeoutMinutes.max })
  @IsOptionalNotNull()
  @IsInt()
  @Min(R.claimTimeoutMinutes.min)
  @Max(R.claimTimeoutMinutes.max)
  claimTimeoutMinutes?: number;

  @ApiPropertyOptional({ minimum: R.clvDiscountPercent.min, maximum: R.clvDiscountPercent.max, description: 'CLV discount rate in percent a year' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(R.clvDiscountPercent.min)
  @Max(R.clvDiscountPercent.max)
  clvDiscountPercent?: number;

  @ApiPropertyOptional({ type: () => HospitalNameDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => HospitalNameDto)
  hospitalName?: HospitalNameDto;
}
