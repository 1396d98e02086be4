import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PatientErasure, PatientExport } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../core/http/id-param';
import { ErasePatientDto } from './dto/erase-patient.dto';
import { PatientErasureService } from './patient-erasure.service';
import { PatientExportService } from './patient-export.service';

/** A patient's rights over their personal data (PIPL art. 45 and 47): admins act on the patient's behalf. */
@ApiTags('patients')
@ApiBearerAuth()
@Roles('admin')
@Controller('patients')
export class PatientPrivacyController {
  constructor(
    private readonly exports: PatientExportService,
    private readonly erasure: PatientErasureService,
    private readonly audit: AuditService,
  ) {}

  @Get(':id/export')
  @ApiOperation({
    summary:
      'Everything stored about one patient as JSON: the record, transitions, encounters, survey invitations and responses ' +
      'with answers and comments, callbacks with attempts, and the audit entries about them (audited)',
  })
  @ApiNotFoundResponse({ description: 'No such patient' })
  async export(@IdParam() id: number, @Audit() context: AuditContext): Promise<PatientExport> {
    const data = await this.exports.export(id);
    await this.audit.record(context, { action: 'patient.export', entityType: 'patient', entityId: id, patientId: id });
    return data;
  }

  @Post(':id/erase')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erase the patient’s personal data: name pseudonymised (已删除 #id), phone, birth date, gender, note and free text removed, ' +
      'consent withdrawn, open survey links revoked, pending callbacks cancelled. Visits, waits and scores stay for the indicators; ' +
      'the audit log records patient.erase with the reason. Idempotent: asking again answers alreadyErased: true.',
  })
  @ApiNotFoundResponse({ description: 'No such patient' })
  erase(@IdParam() id: number, @Body() body: ErasePatientDto, @Audit() context: AuditContext): Promise<PatientErasure> {
    return this.erasure.erase(id, body.reason, context);
  }
}
