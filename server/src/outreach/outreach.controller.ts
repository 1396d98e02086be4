import { BadRequestException, Body, Controller, Get, HttpCode, Ip, Param, ParseEnumPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ERROR_CODES, OUTREACH_RECEIPT_CHANNELS, type OutreachMessage, type OutreachReceiptChannel, type Page } from '@huifang/shared';
import { Audit, type AuditContext } from '../audit/audit-context.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../core/http/id-param';
import { OutreachMessageQueryDto } from './dto/outreach-message-query.dto';
import { OutreachReceiptDto } from './dto/outreach-receipt.dto';
import { OutreachMessagesService } from './outreach-messages.service';
import { OutreachReceiptGuard } from './outreach-receipt.guard';
import { OutreachReceiptsService, type ReceiptOutcome } from './outreach-receipts.service';

const RECEIPT_CHANNELS = Object.fromEntries(OUTREACH_RECEIPT_CHANNELS.map((c) => [c, c]));

@ApiTags('outreach')
@Controller('outreach')
export class OutreachController {
  constructor(
    private readonly messages: OutreachMessagesService,
    private readonly receipts: OutreachReceiptsService,
  ) {}

  @Get('messages')
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: 'The outbox, newest first: kind, channel, status, reason, tries; never the text or the address' })
  list(@Query() query: OutreachMessageQueryDto): Promise<Page<OutreachMessage>> {
    return this.messages.list(query);
  }

  @Post('messages/:id/retry')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: 'Send a failed message again (audited); 409 for any other status' })
  retry(@IdParam() id: number, @Audit() context: AuditContext): Promise<OutreachMessage> {
    return this.messages.retry(id, context);
  }

  @Post('receipts/:channel')
  @HttpCode(200)
  @Public()
  @UseGuards(OutreachReceiptGuard)
  @ApiOperation({
    summary: 'A gateway’s delivery receipt or a patient’s reply (HMAC-signed: X-Huifang-Timestamp, X-Huifang-Signature)',
    description: 'Signature: sha256=<hex HMAC-SHA256 of "<unix seconds>.<raw body>" with HUIFANG_WEBHOOK_SECRET>, at most 5 minutes old; 401 otherwise (audited). A reply STOP / 退订 withdraws the consent for the message’s purpose (audited).',
  })
  receive(
    @Param('channel', new ParseEnumPipe(RECEIPT_CHANNELS, { exceptionFactory: () => badChannel() })) channel: OutreachReceiptChannel,
    @Body() body: OutreachReceiptDto,
    @Ip() ip: string,
  ): Promise<ReceiptOutcome> {
    return this.receipts.receive(channel, body, { actor: null, ip });
  }
}

function badChannel(): BadRequestException {
  return new BadRequestException({ message: [`channel must be one of ${OUTREACH_RECEIPT_CHANNELS.join(', ')}`], code: ERROR_CODES.validation, params: { fields: ['channel'] } });
}
