import { talliesOf } from './tally';
import { summarize, summarizeTallies, welch } from './welch';

describe("Welch's t test", () => {
  it('matches example 1 of Wikipedia, "Welch\'s t-test" (Examples)', () => {
    // A1 and A2, 15 values each; the article: t = -2.46, ν ≈ 25.0, p = 0.021.
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const result = welch(summarize(a1), summarize(a2));
    expect(result.t).toBeCloseTo(-2.46, 2);
    expect(result.df).toBeCloseTo(25.0, 1);
    expect(result.pValue).toBeCloseTo(0.021, 3);
    // The interval is the difference ± t(0.975, ν)·se and excludes 0 exactly when p < 0.05.
    expect(result.ci95[1]).toBeLessThan(0);
    expect(result.ci95[0] + result.ci95[1]).toBeCloseTo(2 * result.difference, 10);
  });

  it('summarizes tallies as it does raw values', () => {
    const values = [1, 2, 2, 3, 5, 5, 5, 4];
    const fromTallies = summarizeTallies(talliesOf(values));
    const fromValues = summarize(values);
    expect(fromTallies.n).toBe(fromValues.n);
    expect(fromTallies.mean).toBeCloseTo(fromValues.mean, 12);
    expect(fromTallies.variance).toBeCloseTo(fromValues.variance, 12);
  });

  it('swapping the samples flips t and the interval', () => {
    const x = summarize([4, 5, 5, 3, 4, 5, 2]);
    const y = summarize([3, 3, 4, 2, 3]);
    const xy = welch(x, y);
    const yx = welch(y, x);
    expect(yx.t).toBeCloseTo(-xy.t, 12);
    expect(yx.pValue).toBeCloseTo(xy.pValue, 12);
    expect(yx.ci95[0]).toBeCloseTo(-xy.ci95[1], 12);
  });
});
