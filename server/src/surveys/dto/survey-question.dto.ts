import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString, Matches, IsObject, ValidateNested } from 'class-validator';
import {
  QUESTION_KINDS,
  RATING_DIMENSIONS,
  SURVEY_QUESTION_ID_PATTERN,
  SURVEY_QUESTION_LIMITS,
  type LocalizedText,
  type QuestionKind,
  type RatingDimension,
  type SurveyChoiceOption,
  type SurveyQuestion,
} from '@huifang/shared';
import { Trim } from '../../core/http/trim';
import { IsOptionalNotNull } from '../../core/http/optional';
import { MaxChars } from '../../core/http/chars.validator';

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(SURVEY_QUESTION_LIMITS.maxTextLength)
  zh!: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(SURVEY_QUESTION_LIMITS.maxTextLength)
  en!: string;
}

export class ChoiceOptionDto implements SurveyChoiceOption {
  @ApiProperty()
  @IsString()
  @Matches(SURVEY_QUESTION_ID_PATTERN, { message: 'value must be a short lower-case key' })
  value!: string;

  @ApiProperty({ type: () => LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  label!: LocalizedTextDto;
}

export class SurveyQuestionDto implements SurveyQuestion {
  @ApiProperty({ example: 'wait_time' })
  @IsString()
  @Matches(SURVEY_QUESTION_ID_PATTERN, { message: 'id must be a lower-case key such as wait_time' })
  id!: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind!: QuestionKind;

  @ApiPropertyOptional({ enum: RATING_DIMENSIONS })
  @IsOptionalNotNull()
  @IsIn(RATING_DIMENSIONS)
  dimension?: RatingDimension;

  @ApiProperty({ type: () => LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  text!: LocalizedTextDto;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({ type: () => [ChoiceOptionDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(SURVEY_QUESTION_LIMITS.minChoiceOptions)
  @ArrayMaxSize(SURVEY_QUESTION_LIMITS.maxChoiceOptions)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];
}

export class QuestionsDto {
  @ApiProperty({ type: () => [SurveyQuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SURVEY_QUESTION_LIMITS.maxQuestions)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions!: SurveyQuestionDto[];
}
