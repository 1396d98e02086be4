import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FollowUpRule } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { UpdateRulesDto } from './dto/update-rules.dto';
import { FollowUpRulesService } from './follow-up-rules.service';

@ApiTags('callbacks')
@ApiBearerAuth()
@Roles('admin')
@Controller('follow-up-rules')
export class FollowUpRulesController {
  constructor(
    private readonly rules: FollowUpRulesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The follow-up rules with their offsets' })
  list(): Promise<FollowUpRule[]> {
    return this.rules.list();
  }

  @Put()
  @ApiOperation({ summary: 'Enable, disable or re-time rules; applies to events from now on' })
  async update(@Body() body: UpdateRulesDto, @Audit() context: AuditContext): Promise<FollowUpRule[]> {
    const rules = await this.rules.update(body);
    await this.audit.record(context, { action: 'follow_up_rules.update', entityType: 'follow_up_rule', entityId: null });
    return rules;
  }
}
