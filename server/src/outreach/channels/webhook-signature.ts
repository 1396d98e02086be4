import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-huifang-signature';
export const TIMESTAMP_HEADER = 'x-huifang-timestamp';
/** A receipt signed longer ago (or ahead) than this is refused: a captured one cannot be replayed later. */
export const SIGNATURE_MAX_AGE_S = 300;

/** `sha256=<hex>` of HMAC-SHA256 over `<unix seconds>.<raw body>`, both ways (requests and receipts). */
export function signBody(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export function signatureValid(secret: string | null, timestamp: string | undefined, signature: string | undefined, body: Buffer, nowMs: number): boolean {
  if (!secret || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_MAX_AGE_S) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
