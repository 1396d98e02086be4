import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, ValidateNested } from 'class-validator';
import {
  TEMPLATE_NAME_MAX_LENGTH,
  type CreateSurveyTemplateRequest,
  type CreateTemplateVersionRequest,
  type LocalizedText,
} from '@huifang/shared';
import { MaxChars } from '../../core/http/chars.validator';
import { Trim } from '../../core/http/trim';
import { QuestionsDto } from './survey-question.dto';

/** A template's name: stored in `name_zh`/`name_en varchar(100)` (question texts may be longer). */
export class TemplateNameDto implements LocalizedText {
  @ApiProperty({ maxLength: TEMPLATE_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(TEMPLATE_NAME_MAX_LENGTH)
  zh!: string;

  @ApiProperty({ maxLength: TEMPLATE_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(TEMPLATE_NAME_MAX_LENGTH)
  en!: string;
}

export class CreateTemplateDto extends QuestionsDto implements CreateSurveyTemplateRequest {
  @ApiProperty({ type: () => TemplateNameDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TemplateNameDto)
  name!: TemplateNameDto;
}

export class CreateVersionDto extends QuestionsDto implements CreateTemplateVersionRequest {}
