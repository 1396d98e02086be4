import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SURVEY_LANGUAGES, type CreateInvitationRequest, type SurveyLanguage } from '@huifang/shared';
import { IsId } from '../../core/http/id.validator';
import { IsOptionalNotNull } from '../../core/http/optional';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty()
  @IsId()
  encounterId!: number;

  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, description: "Default: the patient's language, if known" })
  @IsOptionalNotNull()
  @IsIn(SURVEY_LANGUAGES)
  language?: SurveyLanguage;
}
