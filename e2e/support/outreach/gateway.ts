import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { OutreachWebhookRequest } from '@huifang/shared';

export const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789abcdef';

/** How the gateway answers the next requests: a 2xx with an id, 500, a 2xx that is no JSON, 400, or never (held). */
export type GatewayMode = 'ok' | 'error500' | 'garbage' | 'refuse400' | 'hold';

export interface GatewayRequest {
  at: number;
  signatureValid: boolean;
  idempotencyHeader: string | undefined;
  body: OutreachWebhookRequest;
}

/**
 * A local SMS/WeChat gateway: checks each request's HMAC the way a hospital's relay would
 * (timestamp + "." + raw body), records it and answers as told.
 */
export class TestGateway {
  readonly requests: GatewayRequest[] = [];
  mode: GatewayMode = 'ok';
  private readonly held: ServerResponse[] = [];
  private server: Server | undefined;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}/send`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.held.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    this.server?.close();
  }

  /** The requests for one message (every try). */
  requestsFor(idempotencyKey: string): GatewayRequest[] {
    return this.requests.filter((r) => r.body.idempotencyKey === idempotencyKey);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const timestamp = String(req.headers['x-huifang-timestamp'] ?? '');
    const given = Buffer.from(String(req.headers['x-huifang-signature'] ?? ''));
    const expected = Buffer.from(`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.`).update(raw).digest('hex')}`);
    const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
    this.requests.push({ at: Date.now(), signatureValid, idempotencyHeader: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(raw.toString('utf8')) as OutreachWebhookRequest });
    if (!signatureValid) return void res.writeHead(401).end('{"error":"bad signature"}');
    switch (this.mode) {
      case 'ok':
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${++this.counter}` }));
      case 'error500':
        return void res.writeHead(500).end('internal error');
      case 'garbage':
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>');
      case 'refuse400':
        return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"number blocked"}');
      case 'hold':
        this.held.push(res);
        return;
    }
  }
}

/** Signs a receipt as a gateway does; `secret` may be wrong on purpose. */
export function signedReceipt(body: unknown, secret = WEBHOOK_SECRET, timestamp = String(Math.floor(Date.now() / 1000))): { raw: string; headers: Record<string, string> } {
  const raw = JSON.stringify(body);
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
  return { raw, headers: { 'content-type': 'application/json', 'x-huifang-timestamp': timestamp, 'x-huifang-signature': signature } };
}

export async function postReceipt(baseUrl: string, channel: string, signed: { raw: string; headers: Record<string, string> }): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/outreach/receipts/${channel}`, { method: 'POST', headers: signed.headers, body: signed.raw });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
