import { Controller, Get, Header, Query, Req, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Bundle, CapabilityStatement, Encounter, Patient, Questionnaire, QuestionnaireResponse, Task } from '@medplum/fhirtypes';
import type { FastifyRequest } from 'fastify';
import { Audit, type AuditContext } from '../../audit/audit-context.decorator';
import { Roles } from '../../auth/roles.decorator';
import { IdParam } from '../../core/http/id-param';
import { FhirExceptionFilter } from '../fhir-outcome';
import { FHIR_JSON_UTF8 } from '../fhir-systems';
import { QuestionnaireResponseSearchDto, TaskSearchDto } from './dto/fhir-search-query.dto';
import { capabilityStatement } from './fhir-capability-statement';
import { FhirExportService, type SearchUrl } from './fhir-export.service';

const RESOURCE = { description: 'A FHIR R4 resource (application/fhir+json)', schema: { type: 'object' } } as const;

/** The URL a search was asked at, and the FHIR base its entries live under (`…/api/fhir`). */
function searchUrl(request: FastifyRequest): SearchUrl {
  const origin = `${request.protocol}://${request.host}`;
  return { self: new URL(request.url, origin), base: `${origin}/api/fhir` };
}

@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir')
@UseFilters(FhirExceptionFilter)
export class FhirExportController {
  constructor(private readonly fhir: FhirExportService) {}

  @Get('metadata')
  @Header('Content-Type', FHIR_JSON_UTF8)
  @ApiOperation({ summary: 'FHIR CapabilityStatement: the resources and searches this server supports' })
  @ApiOkResponse(RESOURCE)
  metadata(): CapabilityStatement {
    return capabilityStatement(new Date());
  }

  @Get('Patient/:id')
  @Header('Content-Type', FHIR_JSON_UTF8)
  @ApiOperation({ summary: 'A patient as a FHIR Patient (audited read; no telecom for quality managers)' })
  @ApiOkResponse(RESOURCE)
  patient(@IdParam() id: number, @Audit() context: AuditContext): Promise<Patient> {
    return this.fhir.patient(id, context);
  }

  @Get('Encounter/:id')
  @Header('Content-Type', FHIR_JSON_UTF8)
  @ApiOperation({ summary: 'A visit as a FHIR Encounter (audited read)' })
  @ApiOkResponse(RESOURCE)
  encounter(@IdParam() id: number, @Audit() context: AuditContext): Promise<Encounter> {
    return this.fhir.encounter(id, context);
  }

  @Get('Questionnaire/:id')
  @Roles('quality_manager', 'admin')
  @Header('Content-Type', FHIR_JSON_UTF8)
  @ApiOperation({ summary: 'A survey template version as a FHIR Questionnaire (Chinese text, English translation extension)' })
  @ApiOkResponse(RESOURCE)
  questionnaire(@IdParam() id: number): Promise<Questionnaire> {
    return this.fhir.questionnaire(id);
  }

  @Get('QuestionnaireResponse')
  @Roles('quality_manager', 'admin')
  @Header('Content-Type', FHIR_JSON_UTF8)
  @ApiOperation({ summary: 'Answered surveys as a searchset Bundle of QuestionnaireResponse, paged by `next` links (they hold comments: quality managers and admins)' })
  @ApiOkResponse(RESOURCE)
  questionnaireResponses(
    @Query() query: QuestionnaireResponseSearchDto,
    @Req() request: FastifyRequest,
    @Audit() context: AuditContext,
  ): Promise<Bundle<QuestionnaireResponse>> {
    return this.fhir.questionnaireResponses(query, searchUrl(request), context);
  }

  @Get('Task')
  @Header('Content-Type', FHIR_JSON_UTF8)
  @ApiOperation({ summary: 'Follow-up calls as a searchset Bundle of Task, paged by `next` links (a role sees the kinds it works)' })
  @ApiOkResponse(RESOURCE)
  tasks(@Query() query: TaskSearchDto, @Req() request: FastifyRequest, @Audit() context: AuditContext): Promise<Bundle<Task>> {
    return this.fhir.tasks(query, searchUrl(request), context);
  }
}
