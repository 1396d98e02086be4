import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FollowUpRule } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Roles } from '../auth/roles.decorator';
import { UpdateRulesDto } from './dto/update-rules.dto';
import { FollowUpRulesService } from './follow-up-rules.service';

@ApiTags('callbacks')
@ApiBearerAuth()
@Roles('admin')
@Controller('follow-up-rules')
export class FollowUpRulesController {
  constructor(private readonly rules: FollowUpRulesService) {}

  @Get()
  @ApiOperation({ summary: 'The follow-up rules with their offsets' })
  list(): Promise<FollowUpRule[]> {
    return this.rules.list();
  }

  @Put()
  @ApiOperation({ summary: 'Enable, disable or re-time rules; applies to events from now on' })
  async update(@Body() body: UpdateRulesDto, @Audit() context: AuditContext): Promise<FollowUpRule[]> {
    return this.rules.update(body, context);
  }
}
