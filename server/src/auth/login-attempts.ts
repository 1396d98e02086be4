import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@huifang/shared';

interface Failures {
  count: number;
  lockedUntil: number;
}

/**
 * Locks a username for a while after repeated failed logins, so passwords cannot be guessed online.
 * Kept in memory: per server process, cleared by a restart (stated in the README).
 */

export class LoginAttempts {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly maxFailures = LOGIN_MAX_FAILURES,
    private readonly lockMs = LOGIN_LOCK_MINUTES * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the username may try again; 0 when it is not locked. */
  lockedFor(username: string): number {
    const entry = this.failures.get(username);
    return entry ? Math.max(0, entry.lockedUntil - this.now()) : 0;
  }

  recordFailure(username: string): void {
    const entry = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    if (entry.lockedUntil && entry.lockedUntil <= this.now()) entry.count = 0;
    entry.count += 1;
    if (entry.count >= this.maxFailures) entry.lockedUntil = this.now() + this.lockMs;
    this.failures.set(username, entry);
    if (this.failures.size > 10_000) this.forgetOldest();
  }

  recordSuccess(username: string): void {
    this.failures.delete(username);
  }

  /** Bounds memory when someone sprays random usernames. */
  private forgetOldest(): void {
    const oldest = this.failures.keys().next().value;
    if (oldest !== undefined) this.failures.delete(oldest);
  }
}
