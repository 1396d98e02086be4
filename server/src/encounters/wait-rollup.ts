/*
 * Wait-time percentiles over a year are the slowest figure: hundreds of thousands of waits to sort.
 * Minutes are reported with one decimal (DOMAIN.md), and rounding keeps order, so the nearest-rank
 * percentile of the waits rounded to tenths of a minute is exactly the rounded percentile. A month
 * of one department has only a few hundred distinct tenths, so the wait histograms
 * (`wait_histogram`, wait-histogram.ts) keep, per span, department and tenth: how many waits, their
 * exact seconds (for the mean) and how many are longer than the tenth itself (`above_tenth_n`). The
 * threshold is a hospital setting in whole minutes, so a tenth above T × 10 lies wholly over it,
 * one below wholly under, and in the tenth at T × 10 the waits over T are exactly `above_tenth_n`
 * (`WAITS_OVER_SQL`).
 */

/** The tenths of a minute a wait rounds to, as the reports round it (half up). */
export function waitTenths(waitSeconds: number): number {
  return Math.round(waitSeconds / 6);
}

/** The same rounding in SQL (exact numeric division on PostgreSQL, so no banker's rounding). */
export const WAIT_TENTHS_SQL = (column: string) => `CAST(ROUND(${column} / 6.0) AS integer)`;

/**
 * The waits of a histogram row (alias `w`) longer than `:thresholdSeconds`, a whole number of
 * minutes: all of a tenth above it, none below, `above_tenth_n` of the tenth at it.
 */
export const WAITS_OVER_SQL = `CASE WHEN w.tenths * 6 > :thresholdSeconds THEN w.n WHEN w.tenths * 6 = :thresholdSeconds THEN w.above_tenth_n ELSE 0 END`;
