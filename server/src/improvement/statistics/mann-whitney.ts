import { twoSidedNormalP } from './distributions';

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
 * Ranks come from one sorted pass over both samples (midranks for ties), so a window of 100 000
 * visits costs one sort.
 */
export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new Error('Mann-Whitney needs two non-empty samples');
  const n = n1 + n2;
  const values = new Float64Array(n);
  const fromX = new Uint8Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n1; i++) values[i] = x[i];
  for (let j = 0; j < n2; j++) values[n1 + j] = y[j];
  for (let i = 0; i < n; i++) {
    order[i] = i;
    fromX[i] = i < n1 ? 1 : 0;
  }
  order.sort((a, b) => values[a] - values[b]);

  let rankSumX = 0;
  let tieTerm = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const ties = end - start;
    const midrank = (start + 1 + end) / 2;
    let inX = 0;
    for (let k = start; k < end; k++) inX += fromX[order[k]];
    rankSumX += inX * midrank;
    tieTerm += ties ** 3 - ties;
    start = end;
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
