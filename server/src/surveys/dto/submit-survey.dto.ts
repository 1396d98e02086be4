import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsString, IsObject, ValidateNested } from 'class-validator';
import {
  SURVEY_LANGUAGES,
  SURVEY_TEXT_MAX_LENGTH,
  type SubmitSurveyRequest,
  type SurveyAnswer,
  type SurveyLanguage,
} from '@huifang/shared';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';

export class SurveyAnswerDto implements SurveyAnswer {
  @ApiProperty()
  @IsString()
  @MaxChars(40)
  questionId!: string;

  /** Checked against the question's kind by the service (number for scales, text for text/choice). */
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }] })
  @IsDefined()
  value!: number | string;
}

export class SubmitSurveyDto implements SubmitSurveyRequest {
  @ApiProperty({ type: () => [SurveyAnswerDto] })
  @IsArray()
  @ArrayMaxSize(40)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers!: SurveyAnswerDto[];

  @ApiPropertyOptional({ maxLength: SURVEY_TEXT_MAX_LENGTH })
  @IsOptionalNotNull()
  @IsString()
  @MaxChars(SURVEY_TEXT_MAX_LENGTH)
  comment?: string;

  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES })
  @IsOptionalNotNull()
  @IsIn(SURVEY_LANGUAGES)
  language?: SurveyLanguage;
}
