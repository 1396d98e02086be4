import { BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED, nearestRank, percentileInterval } from './interval';
import { sampleBeta, seededRandom, type Random } from './random';

/** Sorted copy (ascending). */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** The nearest-rank median (DOMAIN.md: p50 at rank ceil(n/2)). */
export function nearestRankMedian(sorted: ArrayLike<number>): number {
  return nearestRank(sorted, 50);
}

/**
 * The median of one bootstrap resample of `sorted` (n values drawn with replacement), drawn
 * exactly in O(1): a resample is x_(ceil(n·U_i)) for uniforms U_i, an order-preserving map, so its
 * m-th smallest value is x_(ceil(n·U_(m))), and the m-th smallest of n uniforms is Beta(m, n - m + 1).
 * The same distribution as resampling all n values, without touching them.
 */
export function bootstrapMedian(sorted: ArrayLike<number>, random: Random): number {
  const n = sorted.length;
  const m = Math.max(1, Math.ceil(n / 2));
  const u = sampleBeta(random, m, n - m + 1);
  const rank = Math.min(n, Math.max(1, Math.ceil(n * u)));
  return sorted[rank - 1];
}

/**
 * after's median - before's median (nearest rank) with its 95% percentile bootstrap interval
 * (each sample resampled on its own, BOOTSTRAP_REPLICATES times, from a fixed seed).
 */
export function medianDifference(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  seed = BOOTSTRAP_SEED,
): { change: number; ci95: [number, number]; pValue: number } {
  const b = sortedValues(before);
  const a = sortedValues(after);
  const random = seededRandom(seed);
  const replicates = new Float64Array(BOOTSTRAP_REPLICATES);
  for (let r = 0; r < replicates.length; r++) replicates[r] = bootstrapMedian(a, random) - bootstrapMedian(b, random);
  return { change: nearestRankMedian(a) - nearestRankMedian(b), ...percentileInterval(replicates) };
}
