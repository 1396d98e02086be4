import { createTransport, type Transporter } from 'nodemailer';
import type { Delivery, DeliveryOutcome, OutreachChannelDriver } from './outreach-channel';

/**
 * Email over SMTP (nodemailer: the maintained SMTP client for Node, with pooling, TLS and the
 * servers' reply codes). The idempotency key goes in the `X-Huifang-Idempotency-Key` header and the
 * Message-ID, so a repeated try is recognisable in the mailbox. A 5xx reply refuses the message for
 * good; a 4xx reply or a connection failure is retried.
 */
export class EmailChannel implements OutreachChannelDriver {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    this.transport = createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  }

  addressOf(patient: { email: string | null }): string | null {
    return patient.email || null;
  }

  async send(delivery: Delivery): Promise<DeliveryOutcome> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: delivery.to,
        subject: delivery.subject,
        text: delivery.body,
        messageId: `<${delivery.idempotencyKey.replace(/[^A-Za-z0-9_.-]/g, '.')}@huifang>`,
        headers: { 'X-Huifang-Idempotency-Key': delivery.idempotencyKey },
      });
      return { sent: true, providerMessageId: typeof info.messageId === 'string' ? info.messageId.slice(0, 128) : null };
    } catch (error) {
      const { responseCode, code } = error as { responseCode?: number; code?: string };
      if (typeof responseCode === 'number') {
        return { sent: false, retry: responseCode < 500, reason: `mail server answered ${responseCode}` };
      }
      return { sent: false, retry: true, reason: `mail server unreachable (${code ?? 'network error'})` };
    }
  }

  close(): void {
    this.transport.close();
  }
}
