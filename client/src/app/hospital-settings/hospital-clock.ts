import { DEFAULT_HOSPITAL_TIME_ZONE, calendarDayOf } from '@huifang/shared';

/*
 * The hospital's time zone as the server serves it (`GET /api/settings`, from HUIFANG_TIMEZONE).
 * Plain functions read it, so date helpers and form validators need no injector; the settings
 * service sets it once the settings have loaded, before any staff page opens (see
 * hospitalSettingsGuard). Until then it is the server's documented default.
 */
let timeZone: string = DEFAULT_HOSPITAL_TIME_ZONE;

export function useHospitalTimeZone(zone: string): void {
  timeZone = zone;
}

/** The zone that decides which calendar day a moment belongs to (DOMAIN.md, Encounters). */
export function hospitalTimeZone(): string {
  return timeZone;
}

/** Today in the hospital's time zone. */
export function hospitalToday(now: Date | number = Date.now()): string {
  return calendarDayOf(now, timeZone);
}
