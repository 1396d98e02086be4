import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: unguessable, and fits in a QR code. */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps: a leaked table gives no working links. */
export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens are exactly what `newSurveyToken` makes; anything else cannot be one. */
export function looksLikeSurveyToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
