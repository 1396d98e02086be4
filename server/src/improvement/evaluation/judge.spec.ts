import { judge, windowValue } from './judge';
import { topBoxShare, type WindowSample } from './window-sample';

const proportion = (count: number, n: number): WindowSample => ({ kind: 'proportion', count, n });
/** A rating dimension's answers 1-5, as ratingValueCounts reads them. */
const ratings = (counts: number[]): WindowSample => topBoxShare(counts.map((count, i) => ({ value: i + 1, count })));

describe('the verdict of a change (DOMAIN.md, Improvement actions)', () => {
  it('is too_few when either window has fewer than 30, with no interval or p (the data cannot carry a claim)', () => {
    // 10 of 29 = 34.5%, 25 of 100 = 25.0%: change -9.5, but no verdict.
    expect(judge(proportion(10, 29), proportion(25, 100), 'higher')).toEqual({ change: -9.5, ci95: null, pValue: null, verdict: 'too_few' });
    expect(judge(proportion(0, 0), proportion(0, 0), 'higher')).toEqual({ change: null, ci95: null, pValue: null, verdict: 'too_few' });
    expect(judge(proportion(10, 30), proportion(25, 30), 'higher').verdict).not.toBe('too_few');
  });

  it('reads the interval in the action’s better direction', () => {
    // 30% → 60% of 100 each: the interval lies above 0.
    const up = judge(proportion(30, 100), proportion(60, 100), 'higher');
    expect(up.verdict).toBe('improved');
    expect(up.change).toBe(30);
    expect(up.ci95?.[0]).toBeGreaterThan(0);
    expect(judge(proportion(30, 100), proportion(60, 100), 'lower').verdict).toBe('worse');
    expect(judge(proportion(60, 100), proportion(30, 100), 'lower').verdict).toBe('improved');
  });

  it('is no_change when the interval holds 0', () => {
    const flat = judge(proportion(40, 100), proportion(44, 100), 'higher');
    expect(flat.verdict).toBe('no_change');
    expect(flat.ci95?.[0]).toBeLessThan(0);
    expect(flat.ci95?.[1]).toBeGreaterThan(0);
    expect(flat.pValue).toBeGreaterThan(0.05);
  });

  it('claims a change only when the interval and the test agree (shared IMPROVEMENT_ALPHA)', () => {
    // Waits: the median moves, the ranks hardly do. Baseline 8×5, 14×10, 8×100 min: median (15th)
    // 10. Follow-up 4×1, 4×6, 22×12: median 12. The medians are stable under resampling (leaving
    // the middle group takes 15 of 30 draws from a 27% tail, p ≈ 0.005), so the bootstrap interval
    // of the change is [2, 2], above 0. Mann-Whitney sees little: the 22 twelves beat the 22 values
    // ≤ 10 and lose to the 8 hundreds, the 4 sixes beat the 8 fives: U = 22·22 + 4·8 = 516 against
    // 450 expected; ties 4, 8, 4, 14, 22, 8: Σ(t³ - t) = 14484, σ² = 900/12 · (61 - 14484/(60·59)) =
    // 4268.1, z = (66 - 0.5)/65.33 = 1.003, p = 0.316. The interval alone would say `worse`.
    const tally = (pairs: [number, number][]): WindowSample => ({ kind: 'wait', n: pairs.reduce((s, [, c]) => s + c, 0), tallies: pairs.map(([value, count]) => ({ value, count })) });
    const before = tally([[5, 8], [10, 14], [100, 8]]);
    const after = tally([[1, 4], [6, 4], [12, 22]]);
    const waits = judge(before, after, 'lower');
    expect(waits.change).toBe(2);
    expect(waits.ci95?.[0]).toBeGreaterThan(0);
    expect(waits.pValue).toBeCloseTo(0.316, 3);
    expect(waits.verdict).toBe('no_change');
    expect(judge(before, after, 'higher').verdict).toBe('no_change');

    // Shares: 4 of 50 → 11 of 50 has the pooled z test's p = 0.0499 but Newcombe's interval
    // -0.25 … 28.10 points holds 0: no claim either way.
    const shares = judge(proportion(4, 50), proportion(11, 50), 'higher');
    expect(shares.pValue).toBeLessThan(0.05);
    expect(shares.ci95?.[0]).toBeLessThan(0);
    expect(shares.verdict).toBe('no_change');
  });

  it('judges a rating dimension by its top-2-box %, the dashboard’s dimension score, as a share', () => {
    // Baseline 5, 10, 15, 10, 5 answers of 1..5: top two boxes 15 of 45 = 33.3%. Follow-up
    // 1, 4, 10, 15, 15: 30 of 45 = 66.7%. Change +33.3 points; pooled 45/90 = 0.5,
    // se = √(0.25 · 2/45) = 0.10541, z = 0.3333/0.10541 = 3.162, p = 2Φ(-3.162) = 0.00157.
    const before = ratings([5, 10, 15, 10, 5]);
    const after = ratings([1, 4, 10, 15, 15]);
    expect(before).toEqual({ kind: 'proportion', n: 45, count: 15 });
    expect([windowValue(before), windowValue(after)]).toEqual([33.3, 66.7]);
    const result = judge(before, after, 'higher');
    expect(result.change).toBe(33.4);
    expect(result.pValue).toBeCloseTo(0.00157, 5);
    expect(result.verdict).toBe('improved');
  });

  it('gives NPS its bootstrap interval', () => {
    const before: WindowSample = { kind: 'nps', n: 100, counts: { promoters: 30, passives: 40, detractors: 30 } };
    const after: WindowSample = { kind: 'nps', n: 100, counts: { promoters: 55, passives: 30, detractors: 15 } };
    const result = judge(before, after, 'higher');
    expect([windowValue(before), windowValue(after), result.change]).toEqual([0, 40, 40]);
    expect(result.verdict).toBe('improved');
    expect(result.ci95?.[0]).toBeGreaterThan(0);
  });
});
