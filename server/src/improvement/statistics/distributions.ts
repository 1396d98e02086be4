import { jStat } from 'jstat';

/*
 * The distributions behind the tests, from jStat: its normal CDF is erf-based to ~1e-14 (the
 * table-based ones of lighter libraries stop at 4 decimals, too coarse for p-values), and it has
 * Student's t (CDF and quantile), which Welch's test needs and no lighter library offers.
 */

export function normalCdf(z: number): number {
  return jStat.normal.cdf(z, 0, 1);
}

/** The z with Φ(z) = p (1.959964 for 0.975). */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** Two-sided p of a standard normal statistic. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

export function studentTCdf(t: number, df: number): number {
  return jStat.studentt.cdf(t, df);
}

export function studentTQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** z(0.975): the half-width multiplier of a 95% normal interval. */
export const Z_95 = normalQuantile(0.975);
