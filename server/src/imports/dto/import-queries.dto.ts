import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SURVEY_LANGUAGES, type ExportLanguage } from '@huifang/shared';

export class ImportErrorsCsvQueryDto {
  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, default: 'zh', description: 'The language of the headers and problem names' })
  @IsOptional()
  @IsIn(SURVEY_LANGUAGES)
  lang?: ExportLanguage;
}
