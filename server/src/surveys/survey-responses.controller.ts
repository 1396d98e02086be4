import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, SurveyResponseSummary } from '@huifang/shared';
import { Roles } from '../auth/roles.decorator';
import { SurveyResponseQueryDto } from './dto/survey-response-query.dto';
import { SurveyResponsesService } from './survey-responses.service';

@ApiTags('surveys')
@ApiBearerAuth()
@Roles('quality_manager', 'admin')
@Controller('survey-responses')
export class SurveyResponsesController {
  constructor(private readonly responses: SurveyResponsesService) {}

  @Get()
  @ApiOperation({ summary: 'Responses with scores and comments, newest first' })
  list(@Query() query: SurveyResponseQueryDto): Promise<Page<SurveyResponseSummary>> {
    return this.responses.list(query);
  }
}
