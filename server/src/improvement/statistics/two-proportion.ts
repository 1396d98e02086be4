import { twoSidedNormalP, Z_95 } from './distributions';

export interface Proportion {
  /** Observations with the attribute (answers 4-5, waits over the threshold, …). */
  count: number;
  n: number;
}

export interface TwoProportionResult {
  /** after - before, as a proportion (0..1 scale). */
  difference: number;
  /** Pooled two-proportion z (its square is Pearson's χ² of the 2×2 table without continuity correction). */
  z: number;
  pValue: number;
  /** Newcombe's hybrid score interval (method 10 of Newcombe 1998): good coverage also near 0 and 1 and for small n, unlike Wald's. */
  ci95: [number, number];
}

/** Wilson's score interval for one proportion (no continuity correction). */
export function wilsonInterval({ count, n }: Proportion, z = Z_95): [number, number] {
  const p = count / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return [(centre - half) / denominator, (centre + half) / denominator];
}

/**
 * Two-proportion z test (pooled standard error) of after vs before, and Newcombe's (1998) hybrid
 * score interval of the difference: with Wilson limits l1..u1 (after) and l2..u2 (before),
 * d - sqrt((p1 - l1)² + (u2 - p2)²) … d + sqrt((u1 - p1)² + (p2 - l2)²).
 */
export function twoProportion(before: Proportion, after: Proportion): TwoProportionResult {
  if (before.n <= 0 || after.n <= 0) throw new Error('two-proportion test needs two non-empty samples');
  const p1 = after.count / after.n;
  const p2 = before.count / before.n;
  const difference = p1 - p2;
  const pooled = (after.count + before.count) / (after.n + before.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / after.n + 1 / before.n));
  const z = se === 0 ? 0 : difference / se;
  const [l1, u1] = wilsonInterval(after);
  const [l2, u2] = wilsonInterval(before);
  const ci95: [number, number] = [
    difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  ];
  return { difference, z, pValue: se === 0 ? 1 : twoSidedNormalP(z), ci95 };
}
