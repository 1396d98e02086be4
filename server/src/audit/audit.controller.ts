import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuditEntry, Page } from '@huifang/shared';
import { Roles } from '../auth/roles.decorator';
import { Audit, type AuditContext } from './audit-context.decorator';
import { auditToCsv } from './audit-csv';
import { AuditService } from './audit.service';
import { AuditCsvQueryDto } from './dto/audit-filter.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-log')
  @ApiOperation({ summary: 'Who read or changed what, newest first (read-only)' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }

  @Get('audit-log.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The filtered audit log as CSV (UTF-8 with BOM), headers and actions in `lang`; the export is itself audited' })
  async export(
    @Query() query: AuditCsvQueryDto,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { lang = 'zh', ...filter } = query;
    const entries = await this.audit.export(filter, context);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-log_${filter.from ?? 'start'}_${filter.to ?? 'now'}.csv"`);
    return auditToCsv(entries, lang);
  }
}
