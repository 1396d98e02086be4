import { NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN, RECOVERY_RATING_MAX, TOP_BOX_MIN } from '@huifang/shared';

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
