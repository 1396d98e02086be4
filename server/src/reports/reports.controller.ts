import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AssessmentReport, ReportArchive as ReportArchiveAnswer } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { AssessmentReportsService } from './assessment-reports.service';
import { RegenerateReportDto, ReportQueryDto } from './dto/report-query.dto';
import { reportHtml } from './report-html';
import { PdfPrinter } from './report-pdf';
import { checkFormat } from './report-request';
import { reportWorkbook } from './report-xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The monthly assessment report (API.md, Reports): quality managers and admins. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('quality_manager', 'admin')
@Controller('reports/assessment')
export class ReportsController {
  constructor(
    private readonly reports: AssessmentReportsService,
    private readonly printer: PdfPrinter,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiProduces('application/json', 'application/pdf', XLSX_TYPE)
  @ApiOperation({
    summary:
      'The month’s assessment report for a department or the hospital: stored (frozen) once generated, the current month provisional; as JSON, a PDF (A4, printed by headless Chromium) or an Excel workbook (one sheet per section)',
  })
  async report(@Query() query: ReportQueryDto, @Audit() context: AuditContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<AssessmentReport | Buffer> {
    const format = checkFormat(query.format);
    const report = await this.reports.report(query.month, query.departmentId, context.actor);
    if (format === 'json') return report;
    const lang = query.lang ?? 'zh';
    const file = format === 'pdf' ? await this.printer.print(reportHtml(report, lang)) : await reportWorkbook(report, lang);
    await this.audit.record(context, { action: 'indicators.export', entityType: 'assessment_report', entityId: null, detail: JSON.stringify({ month: report.month, departmentId: report.departmentId, format }) });
    const name = `assessment-report_${report.month}_${report.departmentId === null ? 'hospital' : `department-${report.departmentId}`}.${format}`;
    void reply.header('content-type', format === 'pdf' ? 'application/pdf' : XLSX_TYPE).header('content-disposition', `attachment; filename="${name}"`);
    return file;
  }

  @Get('archive')
  @ApiOperation({ summary: 'The stored reports: month, department (null: hospital), when and by whom generated (null: the monthly schedule)' })
  async archive(): Promise<ReportArchiveAnswer> {
    return { items: await this.reports.list() };
  }

  @Post('regenerate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace a closed month’s stored report with one generated now (audited)' })
  regenerate(@Body() body: RegenerateReportDto, @Audit() context: AuditContext): Promise<AssessmentReport> {
    return this.reports.regenerate(body.month, body.departmentId, context);
  }
}
