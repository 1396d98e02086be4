import type { ParamMap } from '@angular/router';
import { NPS_BANDS, THEME_KEY_PATTERN, WAIT_BAND_KEYS, type DriverResponseFilter, type NpsBandName, type WaitBand } from '@huifang/shared';

/**
 * The filters a drivers cell of the dashboard opens the list with (`npsBand`, `waitBand`,
 * `themeId`), read from the URL; anything not one of the shared values is left out.
 */
export function driverCellFromParams(params: ParamMap): DriverResponseFilter {
  const cell: DriverResponseFilter = {};
  const npsBand = params.get('npsBand');
  const waitBand = params.get('waitBand');
  const themeId = params.get('themeId');
  if (npsBand && (NPS_BANDS as readonly string[]).includes(npsBand)) cell.npsBand = npsBand as NpsBandName;
  if (waitBand && (WAIT_BAND_KEYS as readonly string[]).includes(waitBand)) cell.waitBand = waitBand as WaitBand;
  if (themeId && THEME_KEY_PATTERN.test(themeId)) cell.themeId = themeId;
  return cell;
}

export function hasDriverCell(cell: DriverResponseFilter): boolean {
  return cell.npsBand !== undefined || cell.waitBand !== undefined || cell.themeId !== undefined;
}

export function sameDriverCell(a: DriverResponseFilter, b: DriverResponseFilter): boolean {
  return a.npsBand === b.npsBand && a.waitBand === b.waitBand && a.themeId === b.themeId;
}
