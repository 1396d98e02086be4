/** Under this much time left the countdown turns amber: finish the call or claim again. */
export const CLAIM_LOW_MS = 5 * 60_000;

/** Milliseconds left on a claim (0 when there is none or it has run out). */
export function claimRemainingMs(claimExpiresAt: string | null | undefined, now: number): number {
  const expires = claimExpiresAt ? Date.parse(claimExpiresAt) : Number.NaN;
  return Number.isNaN(expires) ? 0 : Math.max(0, expires - now);
}

/** `29:59`: minutes and seconds left, rounded up so the display shows 0:00 only once it has expired. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export type ClaimTone = 'ok' | 'low' | 'expired';

export function claimTone(remainingMs: number): ClaimTone {
  if (remainingMs <= 0) {
    return 'expired';
  }
  return remainingMs <= CLAIM_LOW_MS ? 'low' : 'ok';
}
