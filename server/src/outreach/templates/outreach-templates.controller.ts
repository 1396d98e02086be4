import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  OUTREACH_KINDS,
  OUTREACH_TEMPLATE_LANGUAGES,
  type OutreachKind,
  type OutreachTemplate,
  type OutreachTemplateLanguage,
  type OutreachTemplatePreview,
} from '@huifang/shared';
import { Audit, type AuditContext } from '../../audit/audit-context.decorator';
import { Roles } from '../../auth/roles.decorator';
import { OneOfParam } from '../../core/http/one-of-param';
import { OutreachTemplateDto, OutreachTemplatePreviewDto } from './dto/outreach-template.dto';
import { OutreachTemplatesService } from './outreach-templates.service';

const KIND = () => OneOfParam<OutreachKind>('kind', OUTREACH_KINDS);
const LANGUAGE = () => OneOfParam<OutreachTemplateLanguage>('language', OUTREACH_TEMPLATE_LANGUAGES);

/** Message templates: administration only. */
@ApiTags('outreach')
@ApiBearerAuth()
@Roles('admin')
@Controller('outreach/templates')
export class OutreachTemplatesController {
  constructor(private readonly templates: OutreachTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'Every message kind in Chinese and English: the hospital’s own text or the built-in one, with the variables the kind offers' })
  list(): Promise<OutreachTemplate[]> {
    return this.templates.list();
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'A text as a patient would get it (sample values, the opt-out line); checked as a save is, nothing stored' })
  preview(@Body() body: OutreachTemplatePreviewDto): Promise<OutreachTemplatePreview> {
    return this.templates.preview(body);
  }

  @Put(':kind/:language')
  @ApiOperation({ summary: 'Save the hospital’s own text (audited without the text); 400 for a variable the kind does not offer, or a survey message without {link}' })
  save(@KIND() kind: OutreachKind, @LANGUAGE() language: OutreachTemplateLanguage, @Body() body: OutreachTemplateDto, @Audit() context: AuditContext): Promise<OutreachTemplate> {
    return this.templates.save(kind, language, body, context);
  }

  @Delete(':kind/:language')
  @ApiOperation({ summary: 'Back to the built-in text (audited)' })
  reset(@KIND() kind: OutreachKind, @LANGUAGE() language: OutreachTemplateLanguage, @Audit() context: AuditContext): Promise<OutreachTemplate> {
    return this.templates.reset(kind, language, context);
  }
}
