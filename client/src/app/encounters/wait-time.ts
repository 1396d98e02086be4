import type { Encounter } from '@huifang/shared';

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
