import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { OutreachChannel } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { EmailChannel } from './channels/email-channel';
import { LogChannel } from './channels/log-channel';
import type { OutreachChannelDriver } from './channels/outreach-channel';
import { WebhookChannel } from './channels/webhook-channel';

/**
 * The channels this server delivers through, from the environment. The first configured channel
 * that reaches the patient carries a message (SMS, then WeChat, then email); with none configured,
 * the log channel stands in (development, demo) and a production server says at start-up that
 * messages are not delivered.
 */
@Injectable()
export class OutreachChannels implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutreachChannels.name);
  private readonly real: OutreachChannelDriver[] = [];
  private readonly log = new LogChannel();
  private readonly email: EmailChannel | undefined;

  constructor(private readonly config: AppConfig) {
    const { smsWebhookUrl, wechatWebhookUrl, webhookSecret, webhookTimeoutMs, smtpUrl, mailFrom } = config.outreach;
    if (smsWebhookUrl && webhookSecret) this.real.push(new WebhookChannel('sms', smsWebhookUrl, webhookSecret, webhookTimeoutMs));
    if (wechatWebhookUrl && webhookSecret) this.real.push(new WebhookChannel('wechat', wechatWebhookUrl, webhookSecret, webhookTimeoutMs));
    if (smtpUrl && mailFrom) {
      this.email = new EmailChannel(smtpUrl, mailFrom, webhookTimeoutMs);
      this.real.push(this.email);
    }
  }

  onApplicationBootstrap(): void {
    if (this.real.length > 0) {
      this.logger.log(`outreach channels: ${this.real.map((c) => c.name).join(', ')}`);
    } else if (process.env['NODE_ENV'] === 'production' && !this.config.demo) {
      this.logger.warn('no outreach channel is configured (HUIFANG_SMS_WEBHOOK_URL, HUIFANG_WECHAT_WEBHOOK_URL, HUIFANG_SMTP_URL): messages to patients are written to the log, NOT delivered');
    }
  }

  onModuleDestroy(): void {
    this.email?.close();
  }

  /** The channel a new message to this patient goes by, or null when no configured channel reaches them. */
  channelFor(patient: { phone: string; email: string | null }): OutreachChannel | null {
    if (this.real.length === 0) return 'log';
    return this.real.find((channel) => channel.addressOf(patient) !== null)?.name ?? null;
  }

  /** The channels new messages go by, in order of preference; `log` alone when none is configured. */
  configured(): OutreachChannel[] {
    return this.real.length === 0 ? ['log'] : this.real.map((channel) => channel.name);
  }

  /** The driver of a stored message's channel; null when that channel is no longer configured. */
  driver(name: OutreachChannel): OutreachChannelDriver | null {
    if (name === 'log') return this.log;
    return this.real.find((channel) => channel.name === name) ?? null;
  }
}
