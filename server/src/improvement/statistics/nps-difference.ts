import { BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED, percentileInterval } from './interval';
import { sampleBinomial, seededRandom, type Random } from './random';

/** NPS answers of a window, by category (DOMAIN.md: promoters 9-10, passives 7-8, detractors 0-6). */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export function npsTotal(c: NpsCounts): number {
  return c.promoters + c.passives + c.detractors;
}

/** NPS = 100 · (promoters - detractors) / answers. */
export function npsOf(c: NpsCounts): number {
  return (100 * (c.promoters - c.detractors)) / npsTotal(c);
}

/**
 * The NPS of one bootstrap resample: resampling n answers with replacement is a multinomial draw
 * of the three categories, drawn as promoters ~ Bin(n, P) and detractors ~ Bin(n - promoters, D / (1 - P)).
 */
export function bootstrapNps(c: NpsCounts, random: Random): number {
  const n = npsTotal(c);
  const promoters = sampleBinomial(random, n, c.promoters / n);
  const rest = c.passives + c.detractors;
  const detractors = rest === 0 ? 0 : sampleBinomial(random, n - promoters, c.detractors / rest);
  return (100 * (promoters - detractors)) / n;
}

/** after's NPS - before's NPS with its 95% percentile bootstrap interval and bootstrap p. */
export function npsDifference(before: NpsCounts, after: NpsCounts, seed = BOOTSTRAP_SEED): { change: number; ci95: [number, number]; pValue: number } {
  if (npsTotal(before) === 0 || npsTotal(after) === 0) throw new Error('NPS difference needs answers in both windows');
  const random = seededRandom(seed);
  const replicates = new Float64Array(BOOTSTRAP_REPLICATES);
  for (let r = 0; r < replicates.length; r++) replicates[r] = bootstrapNps(after, random) - bootstrapNps(before, random);
  return { change: npsOf(after) - npsOf(before), ...percentileInterval(replicates) };
}
