import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SurveyTemplate } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../core/http/id-param';
import { CreateTemplateDto, CreateVersionDto } from './dto/create-template.dto';
import { SurveyTemplatesService } from './survey-templates.service';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('survey-templates')
export class SurveyTemplatesController {
  constructor(private readonly templates: SurveyTemplatesService) {}

  @Get()
  // Quality managers filter indicators and answers by template; the front desk never chooses one.
  @Roles('quality_manager', 'admin')
  @ApiOperation({ summary: 'Survey templates with all their versions' })
  list(): Promise<SurveyTemplate[]> {
    return this.templates.list();
  }

  @Get(':id')
  @Roles('quality_manager', 'admin')
  @ApiOperation({ summary: 'One template with its versions' })
  get(@IdParam() id: number): Promise<SurveyTemplate> {
    return this.templates.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'A new template; its version 1 starts as a draft' })
  async create(@Body() body: CreateTemplateDto, @Audit() context: AuditContext): Promise<SurveyTemplate> {
    return this.templates.create(body, context);
  }

  @Post(':id/versions')
  @Roles('admin')
  @ApiOperation({ summary: 'A new draft version with edited questions' })
  async createVersion(@IdParam() id: number, @Body() body: CreateVersionDto, @Audit() context: AuditContext): Promise<SurveyTemplate> {
    return this.templates.createVersion(id, body, context);
  }

  @Post(':id/versions/:version/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a draft; new invitations use it, earlier answers keep their version' })
  async publish(@IdParam() id: number, @IdParam('version') version: number, @Audit() context: AuditContext): Promise<SurveyTemplate> {
    return this.templates.publish(id, version, context);
  }
}
