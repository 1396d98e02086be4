import { twoSidedNormalP } from './distributions';
import { normalizeTallies, talliesOf, tallyTotal, type Tally } from './tally';

export interface MannWhitneyResult {
  /** U of the first sample: the pairs (x, y) with x > y, ties counting one half. */
  uX: number;
  uY: number;
  /** Standardized U of the first sample, with the continuity and tie corrections. */
  z: number;
  /** Two-sided p from the normal approximation. */
  pValue: number;
}

/**
 * Mann-Whitney U test, normal approximation with tie correction (Lehmann & D'Abrera 1975, p. 20)
 * and continuity correction: z = (|U - n1·n2/2| - 1/2) / σ, σ² = n1·n2/12 · ((N + 1) - Σ(t³ - t) / (N(N - 1))).
 * Works on tallies: ranks are given per distinct value (midranks for ties) in one merged pass.
 */
export function mannWhitneyTallies(xTallies: readonly Tally[], yTallies: readonly Tally[]): MannWhitneyResult {
  const x = normalizeTallies(xTallies);
  const y = normalizeTallies(yTallies);
  const n1 = tallyTotal(x);
  const n2 = tallyTotal(y);
  if (n1 === 0 || n2 === 0) throw new Error('Mann-Whitney needs two non-empty samples');
  const n = n1 + n2;

  let rankSumX = 0;
  let tieTerm = 0;
  let below = 0;
  for (let i = 0, j = 0; i < x.length || j < y.length; ) {
    const value = Math.min(i < x.length ? x[i].value : Infinity, j < y.length ? y[j].value : Infinity);
    const inX = i < x.length && x[i].value === value ? x[i++].count : 0;
    const inY = j < y.length && y[j].value === value ? y[j++].count : 0;
    const ties = inX + inY;
    rankSumX += inX * (below + (ties + 1) / 2);
    tieTerm += ties ** 3 - ties;
    below += ties;
  }

  const uX = rankSumX - (n1 * (n1 + 1)) / 2;
  const uY = n1 * n2 - uX;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { uX, uY, z: 0, pValue: 1 };
  const distance = Math.max(0, Math.abs(uX - mean) - 0.5);
  const z = (Math.sign(uX - mean) * distance) / Math.sqrt(variance);
  return { uX, uY, z, pValue: twoSidedNormalP(z) };
}

/** The same test on raw values. */
export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyResult {
  return mannWhitneyTallies(talliesOf(x), talliesOf(y));
}
