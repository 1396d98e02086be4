import { Body, Controller, Get, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { maskPhone, type Page, type Patient, type PatientSummary, type StageTransition } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../core/http/id-param';
import { CreateTransitionDto } from './dto/create-transition.dto';
import { PatientQueryDto } from './dto/patient-query.dto';
import { RegisterPatientDto } from './dto/register-patient.dto';
import { UpdateConsentDto } from './dto/update-consent.dto';
import { UpdatePatientDto } from './dto/update-patient.dto';
import { PatientsService } from './patients.service';
import { searchAuditDetail } from './search/search-audit-detail';
import { SearchRateLimit, tooManySearches } from './search/search-rate-limit';
import { searchTerm } from './search/search-terms';
import { StageTransitionsService } from './stage-transitions.service';

@ApiTags('patients')
@ApiBearerAuth()
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly patients: PatientsService,
    private readonly transitions: StageTransitionsService,
    private readonly audit: AuditService,
    private readonly searchLimit: SearchRateLimit,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Search by name, the last 4 phone digits or the whole number (quality managers: name or patient id); ' +
      'filter by stage, status, department. Phones are masked. Audited; at most HUIFANG_SEARCH_RATE_LIMIT per user per minute (429 with Retry-After).',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many searches by this user in the last minute; Retry-After says when to try again' })
  async search(
    @Query() query: PatientQueryDto,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<PatientSummary>> {
    // Counted before the search runs, atomically: parallel searches cannot all pass the check.
    const retryAfter = await this.searchLimit.count(context.actor.id);
    if (retryAfter > 0) {
      void reply.header('Retry-After', String(retryAfter));
      throw tooManySearches(retryAfter);
    }
    const term = query.q ? searchTerm(query.q, context.actor.role) : null;
    const page = await this.patients.search(query, term);
    await this.audit.record(context, {
      action: 'patient.search',
      entityType: 'patient',
      entityId: null,
      detail: searchAuditDetail(query, term, page.total),
    });
    return page;
  }

  @Post()
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Register a patient (stage first_visit); 409 with existingPatientId for a known name + phone' })
  register(@Body() body: RegisterPatientDto, @Audit() context: AuditContext): Promise<Patient> {
    return this.patients.register(body, context);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One patient with consent, stage and derived status; the full phone for those who call (audited)' })
  async get(@IdParam() id: number, @Audit() context: AuditContext): Promise<Patient> {
    const patient = await this.patients.get(id);
    await this.audit.record(context, { action: 'patient.read', entityType: 'patient', entityId: id, patientId: id });
    // Least privilege: quality managers call only through a claimed service-recovery callback.
    return context.actor.role === 'quality_manager' ? { ...patient, phone: maskPhone(patient.phone) } : patient;
  }

  @Patch(':id')
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Correct name, phone, gender, birth date or note' })
  update(@IdParam() id: number, @Body() body: UpdatePatientDto, @Audit() context: AuditContext): Promise<Patient> {
    return this.patients.update(id, body, context);
  }

  @Put(':id/consent')
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Record the patient’s consent to follow-up calls and surveys (time and staff are kept)' })
  consent(@IdParam() id: number, @Body() body: UpdateConsentDto, @Audit() context: AuditContext): Promise<Patient> {
    return this.patients.updateConsent(id, body, context);
  }

  @Post(':id/transitions')
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Move the patient to another lifecycle stage; 409 names both stages when not allowed' })
  transition(
    @IdParam() id: number,
    @Body() body: CreateTransitionDto,
    @Audit() context: AuditContext,
  ): Promise<StageTransition> {
    return this.transitions.transition(id, body, context);
  }
}
