import { NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN, RECOVERY_RATING_MAX, TOP_BOX_MIN, WAIT_BANDS, type NpsBandName, type WaitBand } from '@huifang/shared';

/*
 * The NPS and rating bands as SQL conditions, built from the shared constants (the rules live once,
 * in shared/): a figure, its drill-down and the feedback filter then count the same answers.
 * Numeric constants only, so interpolating them is safe.
 */
export const npsPromoterSql = (column: string) => `${column} >= ${NPS_PROMOTER_MIN}`;
export const npsPassiveSql = (column: string) => `${column} BETWEEN ${NPS_DETRACTOR_MAX + 1} AND ${NPS_PROMOTER_MIN - 1}`;
export const npsDetractorSql = (column: string) => `${column} <= ${NPS_DETRACTOR_MAX}`;
/** A 1-5 rating in the top box (CSAT top-2-box, dimension scores). */
export const topBoxSql = (column: string) => `${column} >= ${TOP_BOX_MIN}`;
/** A 1-5 rating low enough to open service recovery. */
export const lowRatingSql = (column: string) => `${column} <= ${RECOVERY_RATING_MAX}`;

/** The NPS band (NPS_BANDS) of an answer as SQL, for the drivers and the feedback filter. */
export function npsBandConditionSql(column: string, band: NpsBandName): string {
  switch (band) {
    case 'detractor':
      return npsDetractorSql(column);
    case 'passive':
      return npsPassiveSql(column);
    case 'promoter':
      return npsPromoterSql(column);
  }
}

/** A wait in seconds within one of the shared WAIT_BANDS (lower edge inclusive). */
export function waitBandConditionSql(column: string, band: WaitBand): string {
  const edges = WAIT_BANDS.find((b) => b.key === band);
  if (!edges) throw new Error(`unknown wait band ${band}`);
  const lower = `${column} >= ${edges.fromMinutes * 60}`;
  return edges.toMinutes === null ? lower : `${lower} AND ${column} < ${edges.toMinutes * 60}`;
}

/** The WAIT_BANDS key of a wait in seconds (NULL for no wait), as SQL. */
export function waitBandKeySql(column: string): string {
  return `CASE ${WAIT_BANDS.map((band) => `WHEN ${waitBandConditionSql(column, band.key)} THEN '${band.key}'`).join(' ')} END`;
}

/** The NPS_BANDS name of an answer (NULL for no answer), as SQL. */
export function npsBandKeySql(column: string): string {
  return `CASE WHEN ${npsDetractorSql(column)} THEN 'detractor' WHEN ${npsPassiveSql(column)} THEN 'passive' WHEN ${npsPromoterSql(column)} THEN 'promoter' END`;
}
