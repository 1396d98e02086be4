import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IndicatorTarget, IndicatorTargetList } from '@huifang/shared';
import { Audit, type AuditContext } from '../../audit/audit-context.decorator';
import { Roles } from '../../auth/roles.decorator';
import { IdParam } from '../../core/http/id-param';
import { PutIndicatorTargetDto } from './dto/put-indicator-target.dto';
import { IndicatorTargetsService } from './indicator-targets.service';

/** Quality managers read the targets (the dashboard and report show them); admins set them. */
@ApiTags('indicator-targets')
@ApiBearerAuth()
@Controller('indicator-targets')
export class IndicatorTargetsController {
  constructor(private readonly targets: IndicatorTargetsService) {}

  @Get()
  @Roles('quality_manager', 'admin')
  @ApiOperation({ summary: 'Every indicator target, by indicator then department (the hospital’s, department null, first)' })
  async list(): Promise<IndicatorTargetList> {
    return { items: await this.targets.list() };
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Set the target of an indicator for a department or the hospital, replacing any there was (audited)' })
  put(@Body() body: PutIndicatorTargetDto, @Audit() context: AuditContext): Promise<IndicatorTarget> {
    return this.targets.put(body, context);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a target (audited)' })
  remove(@IdParam() id: number, @Audit() context: AuditContext): Promise<void> {
    return this.targets.remove(id, context);
  }
}
