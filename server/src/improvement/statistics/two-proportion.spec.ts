import { twoProportion, wilsonInterval } from './two-proportion';

describe('two-proportion test', () => {
  it("reproduces Newcombe's hybrid score interval, example (a) 56/70 vs 48/80 (Newcombe 1998, Statistics in Medicine 17:873, Table II, method 10)", () => {
    // Difference 0.2000; method 10 (score, no continuity correction): 0.0524 to 0.3339.
    const result = twoProportion({ count: 48, n: 80 }, { count: 56, n: 70 });
    expect(result.difference).toBeCloseTo(0.2, 10);
    expect(result.ci95[0]).toBeCloseTo(0.0524, 4);
    expect(result.ci95[1]).toBeCloseTo(0.3339, 4);
  });

  it("and example (b) 9/10 vs 3/10 (same table): 0.1705 to 0.8090", () => {
    const result = twoProportion({ count: 3, n: 10 }, { count: 9, n: 10 });
    expect(result.ci95[0]).toBeCloseTo(0.1705, 4);
    expect(result.ci95[1]).toBeCloseTo(0.809, 4);
  });

  it('gives the z whose square is Pearson’s χ² of the aspirin trial (Agresti, An Introduction to Categorical Data Analysis, 2nd ed., Table 2.3 / §2.4)', () => {
    // Physicians' Health Study: myocardial infarction in 189 of 11 034 on placebo, 104 of 11 037 on
    // aspirin. Difference 0.0171 - 0.0094 = 0.0077; the book's X² = 25.01 (df 1), P < 0.0001.
    const result = twoProportion({ count: 104, n: 11037 }, { count: 189, n: 11034 });
    expect(result.difference).toBeCloseTo(0.0077, 4);
    expect(result.z ** 2).toBeCloseTo(25.01, 2);
    expect(result.pValue).toBeLessThan(0.0001);
    // Agresti's 95% interval of the difference is (0.005, 0.011); the score interval agrees at that precision.
    expect(result.ci95[0]).toBeCloseTo(0.005, 3);
    expect(result.ci95[1]).toBeCloseTo(0.011, 3);
  });

  it('swapping the windows flips the difference, z and interval, keeping p', () => {
    const a = { count: 31, n: 90 };
    const b = { count: 52, n: 110 };
    const ab = twoProportion(a, b);
    const ba = twoProportion(b, a);
    expect(ba.difference).toBeCloseTo(-ab.difference, 12);
    expect(ba.z).toBeCloseTo(-ab.z, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
    expect(ba.ci95[0]).toBeCloseTo(-ab.ci95[1], 12);
    expect(ba.ci95[1]).toBeCloseTo(-ab.ci95[0], 12);
  });

  it("keeps Wilson's interval inside 0..1 at the edges", () => {
    const [lo, hi] = wilsonInterval({ count: 0, n: 40 });
    expect(lo).toBeCloseTo(0, 12);
    expect(hi).toBeGreaterThan(0);
    expect(hi).toBeLessThan(0.1);
  });
});
