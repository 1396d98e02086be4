import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  IMPORT_ENCODINGS,
  IMPORT_FORMATS,
  IMPORT_MAPPING_NAME_MAX_LENGTH,
  type ImportJob,
  type ImportPreview,
  type ImportRowError,
  type ImportUpload,
  type Page,
  type SavedImportMapping,
} from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../core/config/app-config';
import { IdParam } from '../core/http/id-param';
import { PageQueryDto } from '../core/http/page-query.dto';
import { ImportErrorsCsvQueryDto } from './dto/import-queries.dto';
import { ImportPeekDto, ImportPreviewDto, ImportRunDto } from './dto/import-run.dto';
import { importErrorsToCsv } from './import-errors-csv';
import { uploadFolder } from './import-files';
import { ImportJobsService } from './import-jobs.service';
import { ImportMappingsService } from './import-mappings.service';
import { receiveUpload } from './import-upload';

@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class ImportsController {
  constructor(
    private readonly jobs: ImportJobsService,
    private readonly mappings: ImportMappingsService,
    private readonly config: AppConfig,
  ) {}

  @Post('imports')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV, .xlsx, FHIR JSON or an NHS FFT comments CSV, at most 1 GB' },
        format: { type: 'string', enum: [...IMPORT_FORMATS], description: 'Else from the file extension; a .csv with the NHS FFT headers is nhs_fft' },
        encoding: { type: 'string', enum: [...IMPORT_ENCODINGS], description: 'CSV only; auto detects UTF-8 or GB18030' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'The job (uploaded), the detected columns, the first rows and a suggested mapping' })
  @ApiOperation({ summary: 'Upload a file to import (streamed to disk); nothing is imported until it is run' })
  async upload(@Req() request: FastifyRequest, @Audit() context: AuditContext): Promise<ImportUpload> {
    const file = await receiveUpload(request, await uploadFolder(this.config));
    return this.jobs.createFromUpload(file, file.format, file.encoding, context);
  }

  @Post('imports/:id/peek')
  @HttpCode(200)
  @ApiOperation({ summary: 'Read an uploaded file again in another encoding: its columns, first rows and a suggested mapping (409 unless uploaded)' })
  peek(@IdParam() id: number, @Body() body: ImportPeekDto, @Audit() context: AuditContext): Promise<ImportUpload> {
    return this.jobs.peek(id, body.encoding, context);
  }

  @Delete('imports/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Abandon an uploaded import: the job and its file are removed (409 unless uploaded)' })
  async remove(@IdParam() id: number, @Audit() context: AuditContext): Promise<void> {
    await this.jobs.remove(id, context);
  }

  @Post('imports/:id/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the first rows with a mapping, writing nothing' })
  preview(@IdParam() id: number, @Body() body: ImportPreviewDto, @Audit() context: AuditContext): Promise<ImportPreview> {
    return this.jobs.preview(id, body, context);
  }

  @Post('imports/:id/run')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The job, now running; poll GET /api/imports/:id' })
  @ApiOperation({ summary: 'Run an uploaded import in the background (409 unless uploaded)' })
  run(@IdParam() id: number, @Body() body: ImportRunDto, @Audit() context: AuditContext): Promise<ImportJob> {
    return this.jobs.run(id, body, context);
  }

  @Get('imports')
  @ApiOperation({ summary: 'The import history, newest first' })
  list(@Query() query: PageQueryDto): Promise<Page<ImportJob>> {
    return this.jobs.list(query.page, query.pageSize);
  }

  @Get('imports/:id')
  @ApiOperation({ summary: 'One import: status, progress and summary (poll while running)' })
  get(@IdParam() id: number): Promise<ImportJob> {
    return this.jobs.get(id);
  }

  @Get('imports/:id/errors')
  @ApiOperation({ summary: 'The rows an import refused, by row number' })
  errors(@IdParam() id: number, @Query() query: PageQueryDto, @Audit() context: AuditContext): Promise<Page<ImportRowError>> {
    return this.jobs.errors(id, query.page, query.pageSize, context);
  }

  @Get('imports/:id/errors.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The refused rows as CSV (UTF-8 with BOM), headers in `lang`' })
  async errorsCsv(
    @IdParam() id: number,
    @Query() query: ImportErrorsCsvQueryDto,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const errors = await this.jobs.allErrors(id, context);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${id}-errors.csv"`);
    return importErrorsToCsv(errors, query.lang ?? 'zh');
  }

  @Get('import-mappings')
  @ApiOperation({ summary: 'Saved column mappings' })
  listMappings(): Promise<SavedImportMapping[]> {
    return this.mappings.list();
  }

  @Delete('import-mappings/:name')
  @HttpCode(204)
  @ApiOperation({ summary: `Delete a saved column mapping (name at most ${IMPORT_MAPPING_NAME_MAX_LENGTH} characters)` })
  async deleteMapping(@Param('name') name: string, @Audit() context: AuditContext): Promise<void> {
    await this.mappings.remove(name.slice(0, IMPORT_MAPPING_NAME_MAX_LENGTH + 1), context);
  }
}
