/** What every test answers: the change (after - before), its 95% interval and the two-sided p. */
export interface TestResult {
  change: number;
  ci95: [number, number];
  pValue: number;
}

/** Bootstrap replicates per interval: enough for stable 2.5% / 97.5% percentiles, cheap with the samplers used. */
export const BOOTSTRAP_REPLICATES = 4000;

/** A fixed seed: the same data give the same interval on every request. */
export const BOOTSTRAP_SEED = 20_261_202;

/** Nearest-rank percentile of sorted values (as DOMAIN.md's percentiles): the value at rank ceil(p/100 · n). */
function nearestRank(sorted: Float64Array, percent: number): number {
  return sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length)) - 1];
}

/**
 * The percentile interval of bootstrap replicates of a change, and its two-sided bootstrap p: twice
 * the smaller share of replicates on either side of 0, with the +1 that keeps it above 0.
 */
export function percentileInterval(replicates: Float64Array): { ci95: [number, number]; pValue: number } {
  const sorted = Float64Array.from(replicates).sort();
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (const value of sorted) {
    if (value <= 0) atOrBelow++;
    if (value >= 0) atOrAbove++;
  }
  const pValue = Math.min(1, (2 * (Math.min(atOrBelow, atOrAbove) + 1)) / (sorted.length + 1));
  return { ci95: [nearestRank(sorted, 2.5), nearestRank(sorted, 97.5)], pValue };
}
