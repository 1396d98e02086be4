import { Z_95 } from './distributions';
import { BOOTSTRAP_REPLICATES, intervalRanks, percentileInterval } from './interval';
import { bootstrapMedian, medianDifference } from './median-difference';
import { npsDifference, npsOf } from './nps-difference';
import { sampleBinomial, seededRandom } from './random';
import { RankedSample, talliesOf } from './tally';

describe('bootstrap intervals', () => {
  it('are reproducible: the same data give the same interval', () => {
    const before = [12, 30, 25, 41, 18, 22, 35, 27, 16, 29, 33, 24];
    const after = [10, 14, 22, 19, 11, 25, 17, 13, 20, 15, 18, 16];
    expect(medianDifference(talliesOf(before), talliesOf(after))).toEqual(medianDifference(talliesOf(before), talliesOf(after)));
    const counts = { promoters: 40, passives: 30, detractors: 30 };
    expect(npsDifference(counts, { promoters: 55, passives: 25, detractors: 20 })).toEqual(
      npsDifference(counts, { promoters: 55, passives: 25, detractors: 20 }),
    );
  });

  it('put 2.5% of the replicates beyond each limit: ranks 100 and 3901 of the 4000', () => {
    expect(BOOTSTRAP_REPLICATES).toBe(4000);
    expect(intervalRanks(BOOTSTRAP_REPLICATES)).toEqual([100, 3901]);
    // Replicates 1..4000 in a scrambled order: the limits are the values at those ranks.
    const replicates = Float64Array.from({ length: 4000 }, (_, i) => ((i * 1601) % 4000) + 1);
    expect(percentileInterval(replicates).ci95).toEqual([100, 3901]);
  });

  it('take the nearest-rank median (DOMAIN.md, Statistics)', () => {
    expect(new RankedSample(talliesOf([4, 1, 3, 2])).percentile(50)).toBe(2);
    expect(new RankedSample(talliesOf([5, 1, 3])).percentile(50)).toBe(3);
    expect(new RankedSample(talliesOf([5, 1, 3, 3, 3, 9])).percentile(90)).toBe(9);
  });

  it('the median difference: its interval holds the change and is symmetric under swapping (up to resampling)', () => {
    const before = Array.from({ length: 200 }, (_, i) => 20 + ((i * 37) % 25));
    const after = Array.from({ length: 200 }, (_, i) => 12 + ((i * 53) % 25));
    const ab = medianDifference(talliesOf(before), talliesOf(after));
    expect(ab.change).toBe(-8);
    expect(ab.ci95[0]).toBeLessThanOrEqual(ab.change);
    expect(ab.ci95[1]).toBeGreaterThanOrEqual(ab.change);
    expect(ab.ci95[1]).toBeLessThan(0);
    expect(ab.pValue).toBeLessThan(0.001);
    const ba = medianDifference(talliesOf(after), talliesOf(before));
    expect(ba.change).toBe(8);
    expect(ba.ci95[0]).toBeGreaterThan(0);
  });

  it('the median difference of two samples of one distribution covers 0', () => {
    const values = Array.from({ length: 150 }, (_, i) => (i * 7919) % 60);
    const shuffled = [...values].reverse();
    const result = medianDifference(talliesOf(values), talliesOf(shuffled));
    expect(result.change).toBe(0);
    expect(result.ci95[0]).toBeLessThanOrEqual(0);
    expect(result.ci95[1]).toBeGreaterThanOrEqual(0);
    expect(result.pValue).toBeGreaterThan(0.5);
  });

  it("the NPS interval is close to the normal one from NPS's variance when n is large", () => {
    // Var(NPS) = 100² · (P + D - (P - D)²) / n for shares P (promoters) and D (detractors).
    const before = { promoters: 500, passives: 300, detractors: 200 };
    const after = { promoters: 600, passives: 250, detractors: 150 };
    const variance = (c: typeof before) => {
      const n = c.promoters + c.passives + c.detractors;
      const p = c.promoters / n;
      const d = c.detractors / n;
      return (10_000 * (p + d - (p - d) ** 2)) / n;
    };
    const half = Z_95 * Math.sqrt(variance(before) + variance(after));
    const result = npsDifference(before, after);
    expect(result.change).toBeCloseTo(npsOf(after) - npsOf(before), 12);
    expect(result.change).toBeCloseTo(15, 12);
    expect(result.ci95[0]).toBeCloseTo(15 - half, 0);
    expect(result.ci95[1]).toBeCloseTo(15 + half, 0);
  });

  it('draws the median of a resample like resampling every value does (the Beta shortcut)', () => {
    const raw = [3, 5, 8, 9, 12, 12, 15, 20, 21, 30, 44];
    const sample = new RankedSample(talliesOf(raw));
    const shortcut = seededRandom(11);
    const direct = seededRandom(12);
    const draws = 20_000;
    const viaBeta = new Map<number, number>();
    const viaResample = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const a = bootstrapMedian(sample, shortcut);
      viaBeta.set(a, (viaBeta.get(a) ?? 0) + 1);
      const resample = Array.from(raw, () => raw[Math.floor(direct.next() * raw.length)]);
      const b = new RankedSample(talliesOf(resample)).percentile(50);
      viaResample.set(b, (viaResample.get(b) ?? 0) + 1);
    }
    for (const value of new Set([...viaBeta.keys(), ...viaResample.keys()])) {
      // Frequencies agree within sampling error (sd of a share near 0.2 over 20 000 draws ≈ 0.003).
      expect([value, Math.abs((viaBeta.get(value) ?? 0) - (viaResample.get(value) ?? 0)) / draws < 0.015]).toEqual([value, true]);
    }
  });

  it('draws binomials with the right mean and variance', () => {
    const random = seededRandom(7);
    const draws = Array.from({ length: 4000 }, () => sampleBinomial(random, 1000, 0.3));
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1);
    expect(mean).toBeGreaterThan(298);
    expect(mean).toBeLessThan(302);
    expect(variance / 210).toBeGreaterThan(0.9);
    expect(variance / 210).toBeLessThan(1.1);
  });
});
