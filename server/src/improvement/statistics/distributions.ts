import { jStat } from 'jstat';

/*
 * The distribution behind the tests, from jStat: its normal CDF is erf-based to ~1e-14 (the
 * table-based ones of lighter libraries stop at 4 decimals, too coarse for p-values).
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

/** z(0.975): the half-width multiplier of a 95% normal interval. */
export const Z_95 = normalQuantile(0.975);
