import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@huifang/shared';

const MINUTE_MS = 60_000;

/** Failed logins from one source address, across all usernames, counted over this window. */
export const SOURCE_WINDOW_MS = 15 * MINUTE_MS;

/** A username's failures from one source are forgotten this long after the first of them. */
export const USERNAME_WINDOW_MS = 24 * 60 * MINUTE_MS;

/**
 * How long a username is locked, for one source address, after its `failures`-th failure: none
 * before LOGIN_MAX_FAILURES, then 1 minute, doubling with each further failure, at most
 * LOGIN_LOCK_MINUTES. A guesser is slowed down more and more; a colleague who mistyped five times
 * waits a minute, and nobody elsewhere is locked out at all.
 */
export function lockDurationMs(failures: number): number {
  if (failures < LOGIN_MAX_FAILURES) return 0;
  const doublings = Math.min(failures - LOGIN_MAX_FAILURES, 20);
  return Math.min(MINUTE_MS * 2 ** doublings, LOGIN_LOCK_MINUTES * MINUTE_MS);
}
