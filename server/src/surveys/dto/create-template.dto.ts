import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import type { CreateSurveyTemplateRequest, CreateTemplateVersionRequest } from '@huifang/shared';
import { LocalizedTextDto, QuestionsDto } from './survey-question.dto';

export class CreateTemplateDto extends QuestionsDto implements CreateSurveyTemplateRequest {
  @ApiProperty({ type: () => LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;
}

export class CreateVersionDto extends QuestionsDto implements CreateTemplateVersionRequest {}
