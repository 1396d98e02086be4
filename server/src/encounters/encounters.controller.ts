import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Encounter, FinishedEncounter, Page } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../core/http/id-param';
import { CallDto } from './dto/call.dto';
import { CheckInDto } from './dto/check-in.dto';
import { EncounterQueryDto } from './dto/encounter-query.dto';
import { FinishDto } from './dto/finish.dto';
import { EncountersService } from './encounters.service';

@ApiTags('encounters')
@ApiBearerAuth()
@Controller('encounters')
export class EncountersController {
  constructor(private readonly encounters: EncountersService) {}

  @Get()
  // Who visited when is the front desk's working list; quality managers see waits through the indicators' drill-down.
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Encounters with their wait minutes, filtered by patient, department, status and days' })
  list(@Query() query: EncounterQueryDto): Promise<Page<Encounter>> {
    return this.encounters.list(query);
  }

  @Post()
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Check a patient in to a department' })
  checkIn(@Body() body: CheckInDto, @Audit() context: AuditContext): Promise<Encounter> {
    return this.encounters.checkIn(body, context);
  }

  @Post(':id/call')
  @HttpCode(200)
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Call the patient into the room (ends the wait)' })
  call(@IdParam() id: number, @Body() body: CallDto, @Audit() context: AuditContext): Promise<Encounter> {
    return this.encounters.call(id, body, context);
  }

  @Post(':id/finish')
  @HttpCode(200)
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Finish the visit, optionally with the expected return date' })
  finish(@IdParam() id: number, @Body() body: FinishDto, @Audit() context: AuditContext): Promise<FinishedEncounter> {
    return this.encounters.finish(id, body, context);
  }
}
