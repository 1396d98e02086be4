import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, ValidateNested } from 'class-validator';
import type { CreateSurveyTemplateRequest, CreateTemplateVersionRequest, LocalizedText } from '@huifang/shared';
import { MaxChars } from '../../core/http/chars.validator';
import { Trim } from '../../core/http/trim';
import { QuestionsDto } from './survey-question.dto';

/** A template's name: stored in `name_zh`/`name_en varchar(100)` (question texts may be longer). */
export class TemplateNameDto implements LocalizedText {
  @ApiProperty({ maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(100)
  zh!: string;

  @ApiProperty({ maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(100)
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
