import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, CallbackItem, CallbackQueueCounts, ClaimedCallback, Page } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../core/http/id-param';
import { CallbacksService } from './callbacks.service';
import { CancelCallbackDto, CreateCallbackDto, RecordAttemptDto, RescheduleCallbackDto } from './dto/callback-actions.dto';
import { CallbackQueryDto } from './dto/callback-query.dto';

/** Staff work the queue; quality managers only its service-recovery callbacks (callback-access.ts). */
@ApiTags('callbacks')
@ApiBearerAuth()
@Controller('callbacks')
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @Get()
  @ApiOperation({ summary: 'The queue: overdue, today or upcoming open callbacks, by priority then due time' })
  list(@Query() query: CallbackQueryDto, @CurrentUser() user: AuthUser): Promise<Page<CallbackItem>> {
    return this.callbacks.list(query, user);
  }

  @Get('counts')
  @ApiOperation({ summary: 'How many open callbacks each view holds (for badges)' })
  counts(@Query() query: CallbackQueryDto, @CurrentUser() user: AuthUser): Promise<CallbackQueueCounts> {
    return this.callbacks.counts(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One callback (phone masked; audited)' })
  get(@IdParam() id: number, @Audit() context: AuditContext): Promise<CallbackItem> {
    return this.callbacks.read(id, context);
  }

  @Post()
  @Roles('front_desk', 'admin')
  @ApiOperation({ summary: 'Schedule a manual callback; 409 when the patient declined follow-up calls' })
  create(@Body() body: CreateCallbackDto, @Audit() context: AuditContext): Promise<CallbackItem> {
    return this.callbacks.create(body, context);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the call for 30 minutes; returns the full phone number. 409 names who holds it.' })
  claim(@IdParam() id: number, @Audit() context: AuditContext): Promise<ClaimedCallback> {
    return this.callbacks.claim(id, context);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the call back to the queue' })
  release(@IdParam() id: number, @Audit() context: AuditContext): Promise<CallbackItem> {
    return this.callbacks.release(id, context);
  }

  @Post(':id/attempts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a call by the claimer: reached, declined, wrong_number complete it; no_answer retries' })
  attempt(@IdParam() id: number, @Body() body: RecordAttemptDto, @Audit() context: AuditContext): Promise<CallbackItem> {
    return this.callbacks.recordAttempt(id, body, context);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the due time (in the future) with a reason' })
  reschedule(@IdParam() id: number, @Body() body: RescheduleCallbackDto, @Audit() context: AuditContext): Promise<CallbackItem> {
    return this.callbacks.reschedule(id, body, context);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel with a reason' })
  cancel(@IdParam() id: number, @Body() body: CancelCallbackDto, @Audit() context: AuditContext): Promise<CallbackItem> {
    return this.callbacks.cancel(id, body, context);
  }
}
