import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { OutboxModule } from './outbox.module';
import { OutreachController } from './outreach.controller';
import { OutreachChannelStatusService } from './outreach-channel-status.service';
import { OutreachDelivery } from './outreach-delivery';
import { OutreachMessagesService } from './outreach-messages.service';
import { OutreachReceiptGuard } from './outreach-receipt.guard';
import { OutreachReceiptsService } from './outreach-receipts.service';
import { OutreachStatusController } from './outreach-status.controller';
import { OutreachWorker } from './outreach-worker';
import { OutreachTemplatesController } from './templates/outreach-templates.controller';
import { OutreachTemplatesService } from './templates/outreach-templates.service';

/** The outbox's admin routes, the message templates and the gateways' receipts. */
@Module({
  imports: [OutboxModule, CallbacksModule],
  controllers: [OutreachController, OutreachStatusController, OutreachTemplatesController],
  providers: [OutreachMessagesService, OutreachChannelStatusService, OutreachReceiptsService, OutreachReceiptGuard, OutreachDelivery, OutreachTemplatesService],
  exports: [OutreachDelivery],
})
export class OutreachModule {}

/** The delivery worker: the server's only (the import CLI beside it delivers nothing). */
@Module({
  imports: [OutreachModule],
  providers: [OutreachWorker],
})
export class OutreachWorkerModule {}
