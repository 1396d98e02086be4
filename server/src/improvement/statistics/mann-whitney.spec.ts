import { mannWhitney } from './mann-whitney';

describe('Mann-Whitney U', () => {
  it('counts U as in the tortoise-and-hare illustration (Wikipedia, "Mann–Whitney U test", Illustration of calculation methods)', () => {
    // Finishing order T H H H H H T T T T T H; the first home gets the highest score (12). The
    // article: U_T = 11, U_H = 25, U_T + U_H = 36 = 6 × 6.
    const order = 'THHHHHTTTTTH';
    const score = (i: number) => order.length - i;
    const tortoises = [...order].flatMap((who, i) => (who === 'T' ? [score(i)] : []));
    const hares = [...order].flatMap((who, i) => (who === 'H' ? [score(i)] : []));
    const result = mannWhitney(tortoises, hares);
    expect(result.uX).toBe(11);
    expect(result.uY).toBe(25);
  });

  it('matches the normal approximation of the corn-yield example (Moore, McCabe & Craig, Introduction to the Practice of Statistics, ch. 16, "weeds among the corn")', () => {
    // Yields with 0 weeds per metre vs 3 weeds per metre. The book: rank sum W = 23 for the weed-free
    // plots (U = W - 4·5/2 = 13), mean 18, sd 3.464; with the continuity correction
    // z = (22.5 - 18) / 3.464 = 1.30 and P(Z ≥ 1.30) = 0.0968 one-sided (from the table; 0.0970 exactly).
    const weedFree = [166.7, 172.2, 165.0, 176.9];
    const threeWeeds = [158.6, 176.4, 153.1, 156.0];
    const result = mannWhitney(weedFree, threeWeeds);
    expect(result.uX).toBe(13);
    expect(result.z).toBeCloseTo(1.299, 3);
    expect(result.pValue / 2).toBeCloseTo(0.097, 3);
  });

  it('corrects the variance for ties (Lehmann & D’Abrera 1975, p. 20), checked against SciPy', () => {
    // x = 1 2 2 3 3 3 4 5, y = 3 4 4 5 5 6 7 7 8 (N = 17). Midranks: 1 → 1; 2 → 2.5 (×2);
    // 3 → 5.5 (×4, three in x); 4 → 9 (×3, one in x); 5 → 12 (×3, one in x); 6 → 14; 7 → 15.5 (×2); 8 → 17.
    // R_x = 1 + 2·2.5 + 3·5.5 + 9 + 12 = 43.5, U_x = 43.5 - 8·9/2 = 7.5, mean 8·9/2 = 36.
    // Ties: Σ(t³ - t) = 6 + 60 + 24 + 24 + 6 = 120; σ² = 72/12 · (18 - 120/(17·16)) = 105.353, σ = 10.264.
    // z = -(|7.5 - 36| - 0.5) / 10.264 = -2.728, p = 2·Φ(-2.728) = 0.00637 (SciPy 1.17's
    // mannwhitneyu(x, y, method='asymptotic', use_continuity=True) gives the same 7.5 and 0.006373).
    const x = [1, 2, 2, 3, 3, 3, 4, 5];
    const y = [3, 4, 4, 5, 5, 6, 7, 7, 8];
    const result = mannWhitney(x, y);
    expect(result.uX).toBe(7.5);
    expect(result.z).toBeCloseTo(-2.728, 3);
    expect(result.pValue).toBeCloseTo(0.006373, 5);
  });

  it('swapping the samples swaps U and flips the sign of z, keeping p', () => {
    const a = [12, 15, 15, 20, 31, 8, 44];
    const b = [9, 10, 15, 7, 6, 11];
    const ab = mannWhitney(a, b);
    const ba = mannWhitney(b, a);
    expect(ba.uX).toBe(ab.uY);
    expect(ba.z).toBeCloseTo(-ab.z, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
  });

  it('answers p = 1 when every value is the same', () => {
    expect(mannWhitney([5, 5, 5], [5, 5])).toMatchObject({ z: 0, pValue: 1 });
  });
});
