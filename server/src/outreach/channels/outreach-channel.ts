import type { OutreachChannel, OutreachKind } from '@huifang/shared';

/** One message as a channel sends it; `to` is read from the patient at delivery, never stored. */
export interface Delivery {
  messageId: number;
  idempotencyKey: string;
  kind: OutreachKind;
  to: string;
  subject: string;
  body: string;
  language: 'zh' | 'en';
}

/**
 * What a try came to: sent (with the provider's id when it gave one), or not, with the reason and
 * whether trying again may help (a timeout, a 5xx, garbage: yes; a refusal, a 4xx: no). Reasons
 * name status codes and error kinds only, never the address or text.
 */
export type DeliveryOutcome = { sent: true; providerMessageId: string | null } | { sent: false; retry: boolean; reason: string };

export interface OutreachChannelDriver {
  readonly name: OutreachChannel;
  /** Where the patient is reached on this channel, or null when they cannot be. */
  addressOf(patient: { phone: string; email: string | null }): string | null;
  send(delivery: Delivery): Promise<DeliveryOutcome>;
}
