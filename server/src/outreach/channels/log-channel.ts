import { Logger } from '@nestjs/common';
import type { Delivery, DeliveryOutcome, OutreachChannelDriver } from './outreach-channel';

/**
 * Development and demo: a line in the log instead of a delivery (the message id and kind only, no
 * patient data), marked sent. Used when no real channel is configured; in production the server
 * says so at start-up (outreach-channels.ts).
 */
export class LogChannel implements OutreachChannelDriver {
  readonly name = 'log' as const;
  private readonly logger = new Logger('OutreachLogChannel');

  addressOf(): string {
    return '';
  }

  async send(delivery: Delivery): Promise<DeliveryOutcome> {
    this.logger.log(`outreach message ${delivery.messageId} (${delivery.kind}) written to the log, not delivered`);
    return { sent: true, providerMessageId: null };
  }
}
