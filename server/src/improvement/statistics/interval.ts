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

/**
 * The ranks (1-based) of a 95% percentile interval's limits among B sorted replicates: 2.5% of them
 * outside on each side. The lower is the nearest rank ceil(0.025 · B); the upper mirrors it,
 * B + 1 - lower, so as many replicates lie above it as below the lower (B = 4000: ranks 100 and
 * 3901, 99 replicates beyond each). The nearest rank of 97.5%, ceil(0.975 · B) = 3900, would leave
 * 100 above and 99 below.
 */
export function intervalRanks(replicates: number): [number, number] {
  const lower = Math.max(1, Math.ceil(0.025 * replicates));
  return [lower, replicates + 1 - lower];
}

/**
 * The percentile interval of bootstrap replicates of a change, and its two-sided bootstrap p: twice
 * the smaller share of replicates on either side of 0, with the +1 that keeps it above 0.
 */
export function percentileInterval(replicates: Float64Array): { ci95: [number, number]; pValue: number } {
  const sorted = Float64Array.from(replicates).sort();
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (const difference of sorted) {
    if (difference <= 0) atOrBelow++;
    if (difference >= 0) atOrAbove++;
  }
  const pValue = Math.min(1, (2 * (Math.min(atOrBelow, atOrAbove) + 1)) / (sorted.length + 1));
  const [lower, upper] = intervalRanks(sorted.length);
  return { ci95: [sorted[lower - 1], sorted[upper - 1]], pValue };
}
