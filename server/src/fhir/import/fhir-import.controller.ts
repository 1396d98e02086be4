import { Body, Controller, Header, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Audit, type AuditContext } from '../../audit/audit-context.decorator';
import { Roles } from '../../auth/roles.decorator';
import { FhirExceptionFilter } from '../fhir-outcome';
import { FHIR_JSON_UTF8 } from '../fhir-systems';
import { FhirImportService } from './fhir-import.service';

@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir')
@UseFilters(FhirExceptionFilter)
export class FhirImportController {
  constructor(private readonly imports: FhirImportService) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @Header('Content-Type', FHIR_JSON_UTF8)
  @ApiOperation({
    summary:
      'Import a FHIR Bundle (transaction, batch, collection…) or one Patient / Encounter as an import job (application/fhir+json or application/json, at most 50 MB); answers a batch-response Bundle and `Location: /api/imports/<job>`',
  })
  @ApiBody({ description: 'A FHIR R4 resource', schema: { type: 'object', properties: { resourceType: { type: 'string' } }, required: ['resourceType'] } })
  @ApiOkResponse({ description: 'batch-response Bundle: per entry 201 Created / 200 OK / 422 with an OperationOutcome', schema: { type: 'object' } })
  async import(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Audit() context: AuditContext,
  ): Promise<Bundle<OperationOutcome>> {
    const bytes = Number(request.headers['content-length'] ?? 0) || 0;
    const { jobId, bundle } = await this.imports.import(body, bytes, context);
    void reply.header('Location', `/api/imports/${jobId}`);
    return bundle;
  }
}
