import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { HospitalSettingsService } from './hospital-settings-api.service';

/**
 * Staff pages open once the hospital's settings are loaded, so "today", date limits and wait
 * colours follow the server's time zone and thresholds from the first render; on a later sign-in
 * they are refreshed in the background (an admin may have changed them). A failed load (server
 * unreachable) does not lock the user out: the pages' own calls report the problem.
 */
export const hospitalSettingsGuard: CanActivateFn = async () => {
  const settings = inject(HospitalSettingsService);
  const loading = settings.load().catch(() => undefined);
  if (settings.settings() === null) {
    await loading;
  }
  return true;
};
