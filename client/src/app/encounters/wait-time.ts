import type { Encounter } from '@huifang/shared';

/** Colour hint for a wait: over 30 minutes amber, over 60 red. */
export type WaitLevel = 'ok' | 'long' | 'very-long';

export const LONG_WAIT_MINUTES = 30;
export const VERY_LONG_WAIT_MINUTES = 60;

/**
 * Minutes waited so far: the server's `waitMinutes` once the patient has been called; while still
 * waiting, whole minutes from check-in to `now` (never negative, e.g. with a clock slightly behind).
 * Null for an encounter finished without ever being called.
 */
export function liveWaitMinutes(
  encounter: Pick<Encounter, 'checkedInAt' | 'calledAt' | 'finishedAt' | 'waitMinutes'>,
  now: number,
): number | null {
  if (encounter.waitMinutes !== null && encounter.waitMinutes !== undefined) {
    return encounter.waitMinutes;
  }
  if (encounter.calledAt || encounter.finishedAt) {
    return null;
  }
  const checkedIn = Date.parse(encounter.checkedInAt);
  if (Number.isNaN(checkedIn)) {
    return null;
  }
  return Math.max(0, Math.floor((now - checkedIn) / 60_000));
}

export function waitLevel(minutes: number | null): WaitLevel {
  if (minutes === null) {
    return 'ok';
  }
  if (minutes > VERY_LONG_WAIT_MINUTES) {
    return 'very-long';
  }
  return minutes > LONG_WAIT_MINUTES ? 'long' : 'ok';
}
