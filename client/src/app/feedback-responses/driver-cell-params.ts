import type { ParamMap } from '@angular/router';
import { COMMENT_THEME_KEY_PATTERN, NPS_BANDS, WAIT_BAND_KEYS, type DriverResponseFilter, type NpsBandName, type WaitBand } from '@huifang/shared';

/**
 * The filters a drivers cell of the dashboard opens the list with (`npsBand`, `waitBand`,
 * `themeId`), read from the URL; anything not one of the shared values is left out.
 */
export function driverCellFromParams(params: ParamMap): DriverResponseFilter {
  const cell: DriverResponseFilter = {};
  const nps = params.get('npsBand');
  const wait = params.get('waitBand');
  const theme = params.get('themeId');
  if (nps && (NPS_BANDS as readonly string[]).includes(nps)) cell.npsBand = nps as NpsBandName;
  if (wait && (WAIT_BAND_KEYS as readonly string[]).includes(wait)) cell.waitBand = wait as WaitBand;
  if (theme && COMMENT_THEME_KEY_PATTERN.test(theme)) cell.themeId = theme;
  return cell;
}

export function hasDriverCell(cell: DriverResponseFilter): boolean {
  return cell.npsBand !== undefined || cell.waitBand !== undefined || cell.themeId !== undefined;
}

export function sameDriverCell(a: DriverResponseFilter, b: DriverResponseFilter): boolean {
  return a.npsBand === b.npsBand && a.waitBand === b.waitBand && a.themeId === b.themeId;
}
