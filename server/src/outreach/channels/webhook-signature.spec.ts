import { createHmac } from 'node:crypto';
import { signatureValid, signBody } from './webhook-signature';

const SECRET = 's'.repeat(32);
const body = Buffer.from('{"idempotencyKey":"survey_invitation:1","status":"delivered"}');

describe('webhook signatures', () => {
  const now = 1_800_000_000_000;
  const ts = String(now / 1000);

  it('signs "<timestamp>.<body>" with HMAC-SHA256, as a gateway computes it', () => {
    expect(signBody(SECRET, ts, body)).toBe(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${body.toString()}`).digest('hex')}`);
  });

  it('accepts its own signature within five minutes, and nothing else', () => {
    const signature = signBody(SECRET, ts, body);
    expect(signatureValid(SECRET, ts, signature, body, now)).toBe(true);
    expect(signatureValid(SECRET, ts, signature, body, now + 299_000)).toBe(true);
    expect(signatureValid(SECRET, ts, signature, body, now + 301_000)).toBe(false);
    expect(signatureValid(SECRET, ts, signature, Buffer.from(body.toString().replace('delivered', 'failed')), now)).toBe(false);
    expect(signatureValid('t'.repeat(32), ts, signature, body, now)).toBe(false);
    expect(signatureValid(null, ts, signature, body, now)).toBe(false);
    expect(signatureValid(SECRET, undefined, signature, body, now)).toBe(false);
    expect(signatureValid(SECRET, ts, undefined, body, now)).toBe(false);
    expect(signatureValid(SECRET, `${ts}x`, signature, body, now)).toBe(false);
    expect(signatureValid(SECRET, ts, signature.slice(0, -1), body, now)).toBe(false);
  });
});
