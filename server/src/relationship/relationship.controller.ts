import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PatientRelationship } from '@huifang/shared';
import { IdParam } from '../core/http/id-param';
import { patientNotFound } from '../patients/patient-not-found';
import { RelationshipService } from './relationship.service';

@ApiTags('patients')
@ApiBearerAuth()
@Controller('patients')
export class PatientRelationshipController {
  constructor(private readonly relationship: RelationshipService) {}

  @Get(':id/relationship')
  @ApiOperation({
    summary:
      'The patient’s relationship phase and value worked out now, with the reasons, the factors behind them, the value score’s terms, CLV with the retention it used, and the phase history',
  })
  async get(@IdParam() id: number): Promise<PatientRelationship> {
    const relationship = await this.relationship.describe(id);
    if (!relationship) throw patientNotFound(id);
    return relationship;
  }
}
