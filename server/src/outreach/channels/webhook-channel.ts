import type { OutreachWebhookRequest } from '@huifang/shared';
import type { Delivery, DeliveryOutcome, OutreachChannelDriver } from './outreach-channel';
import { signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

/**
 * SMS and WeChat template messages through the hospital's HTTP gateway: POST JSON
 * (`OutreachWebhookRequest`) signed like receipts, with the idempotency key also as the
 * `Idempotency-Key` header so that the gateway drops a repeated try. The gateway answers 2xx with
 * JSON `{ "id": "<its message id>" }` (the id may be left out); anything else that is 2xx is garbage
 * and retried, as are 5xx, 408, 429 and timeouts; other 4xx refuse the message for good.
 */
export class WebhookChannel implements OutreachChannelDriver {
  constructor(
    readonly name: 'sms' | 'wechat',
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  addressOf(patient: { phone: string }): string | null {
    return patient.phone || null;
  }

  async send(delivery: Delivery): Promise<DeliveryOutcome> {
    const request: OutreachWebhookRequest = {
      idempotencyKey: delivery.idempotencyKey,
      channel: this.name,
      kind: delivery.kind,
      to: delivery.to,
      text: delivery.body,
      language: delivery.language,
    };
    const body = JSON.stringify(request);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': delivery.idempotencyKey,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signBody(this.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return { sent: false, retry: true, reason: timedOut ? `gateway timed out after ${this.timeoutMs} ms` : `gateway unreachable (${errorCode(error)})` };
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      return { sent: false, retry: true, reason: `gateway answered ${response.status}` };
    }
    if (response.status >= 400) return { sent: false, retry: false, reason: `gateway refused the message (${response.status})` };
    if (response.status < 200 || response.status >= 300) return { sent: false, retry: true, reason: `gateway answered ${response.status}` };
    const id = providerId(text);
    if (id === undefined) return { sent: false, retry: true, reason: 'gateway answered garbage (no JSON object)' };
    return { sent: true, providerMessageId: id };
  }
}

/** The gateway's id from `{ "id": "…" }`; null when it gave none; undefined when the answer is no JSON object. */
function providerId(text: string): string | null | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const id = (parsed as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : typeof id === 'number' ? String(id) : null;
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : 'network error';
}
