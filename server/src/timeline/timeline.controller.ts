import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PatientTimeline } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { IdParam } from '../core/http/id-param';
import { TimelineService } from './timeline.service';

@ApiTags('patients')
@ApiBearerAuth()
@Controller('patients')
export class TimelineController {
  constructor(
    private readonly timeline: TimelineService,
    private readonly audit: AuditService,
  ) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Transitions and encounters (later: survey responses, callbacks), newest first (audited)' })
  async get(@IdParam() id: number, @Audit() context: AuditContext): Promise<PatientTimeline> {
    const timeline = await this.timeline.forPatient(id);
    await this.audit.record(context, { action: 'patient.timeline.read', entityType: 'patient', entityId: id, patientId: id });
    return timeline;
  }
}
