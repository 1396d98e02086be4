import { DEFAULT_CLAIM_TIMEOUT_MINUTES as CLAIM_MINUTES } from '@huifang/shared';
import { claimRemainingMs, claimTone, formatCountdown } from './claim-countdown';

describe('claim countdown', () => {
  const claimedAt = Date.parse('2026-11-24T02:00:00Z');
  const expiresAt = new Date(claimedAt + CLAIM_MINUTES * 60_000).toISOString();

  it('counts down the 30 minutes of a claim', () => {
    expect(claimRemainingMs(expiresAt, claimedAt)).toBe(30 * 60_000);
    expect(formatCountdown(claimRemainingMs(expiresAt, claimedAt))).toBe('30:00');
    expect(formatCountdown(claimRemainingMs(expiresAt, claimedAt + 1))).toBe('30:00');
    expect(formatCountdown(claimRemainingMs(expiresAt, claimedAt + 1000))).toBe('29:59');
    expect(formatCountdown(claimRemainingMs(expiresAt, claimedAt + 25 * 60_000 + 30_500))).toBe('4:30');
    expect(formatCountdown(claimRemainingMs(expiresAt, claimedAt + 30 * 60_000 - 400))).toBe('0:01');
  });

  it('is 0 once expired, and without a claim', () => {
    expect(claimRemainingMs(expiresAt, claimedAt + 31 * 60_000)).toBe(0);
    expect(formatCountdown(0)).toBe('0:00');
    expect(claimRemainingMs(null, claimedAt)).toBe(0);
    expect(claimRemainingMs('soon', claimedAt)).toBe(0);
  });

  it('turns amber in the last five minutes and red when expired', () => {
    expect(claimTone(30 * 60_000)).toBe('ok');
    expect(claimTone(5 * 60_000 + 1)).toBe('ok');
    expect(claimTone(5 * 60_000)).toBe('low');
    expect(claimTone(1)).toBe('low');
    expect(claimTone(0)).toBe('expired');
  });
});
