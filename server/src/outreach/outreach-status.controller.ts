import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutreachChannelStatus } from '@huifang/shared';
import { Roles } from '../auth/roles.decorator';
import { OutreachChannelStatusService } from './outreach-channel-status.service';

@ApiTags('outreach')
@ApiBearerAuth()
@Roles('admin')
@Controller('outreach')
export class OutreachStatusController {
  constructor(private readonly channelStatus: OutreachChannelStatusService) {}

  @Get('channels')
  @ApiOperation({
    summary: 'Each channel now: configured or not (log when none is), the last success, failures in the last 24 h, queued messages (of them retrying)',
  })
  channels(): Promise<OutreachChannelStatus[]> {
    return this.channelStatus.status();
  }
}
