import { BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED, percentileInterval } from './interval';
import { sampleBeta, seededRandom, type Random } from './random';
import { RankedSample, type Tally } from './tally';

/**
 * The median of one bootstrap resample (n values drawn with replacement), drawn exactly in O(1):
 * a resample is x_(ceil(n·U_i)) for uniforms U_i, an order-preserving map, so its nearest-rank
 * median (the m-th smallest, m = ceil(n/2)) is x_(ceil(n·U_(m))), and the m-th smallest of n
 * uniforms is Beta(m, n - m + 1). The same distribution as resampling all n values, without touching them.
 */
export function bootstrapMedian(sample: RankedSample, random: Random): number {
  const n = sample.n;
  const m = Math.max(1, Math.ceil(n / 2));
  const u = sampleBeta(random, m, n - m + 1);
  return sample.valueAt(Math.min(n, Math.max(1, Math.ceil(n * u))));
}

/**
 * after's median - before's median (nearest rank, DOMAIN.md) with its 95% percentile bootstrap
 * interval (each sample resampled on its own, BOOTSTRAP_REPLICATES times, from a fixed seed).
 */
export function medianDifference(
  before: readonly Tally[],
  after: readonly Tally[],
  seed = BOOTSTRAP_SEED,
): { change: number; ci95: [number, number]; pValue: number } {
  const b = new RankedSample(before);
  const a = new RankedSample(after);
  if (b.n === 0 || a.n === 0) throw new Error('the median difference needs two non-empty samples');
  const random = seededRandom(seed);
  const replicates = new Float64Array(BOOTSTRAP_REPLICATES);
  for (let r = 0; r < replicates.length; r++) replicates[r] = bootstrapMedian(a, random) - bootstrapMedian(b, random);
  return { change: a.percentile(50) - b.percentile(50), ...percentileInterval(replicates) };
}
