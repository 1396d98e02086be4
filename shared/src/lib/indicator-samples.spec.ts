import { DRILL_DOWN_SORTS, drillDownSort } from './indicators';
import { SMALL_SAMPLE_N, bucketCount, carriedGrouping, finestTrendGrouping, npsInterval, wilsonInterval } from './indicator-samples';

describe('small samples', () => {
  it('calls anything below 30 a small sample (the n the improvement verdicts call too_few)', () => {
    expect(SMALL_SAMPLE_N).toBe(30);
  });

  describe('npsInterval', () => {
    it('is null with no answers', () => {
      expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    });

    it('is wide on three answers, even when all three are promoters', () => {
      const three = npsInterval({ promoters: 3, passives: 0, detractors: 0 });
      expect(three?.high).toBe(100);
      expect(three?.low).toBeLessThan(0);
      const mixed = npsInterval({ promoters: 2, passives: 0, detractors: 1 });
      expect((mixed?.high ?? 0) - (mixed?.low ?? 0)).toBeGreaterThan(100);
    });

    it('narrows with n and contains the NPS: 60 promoters, 25 passives, 15 detractors (NPS 45)', () => {
      // Scores +1/0/-1 after one pseudo-answer of each: mean 61/103 - 16/103, variance 77/103 - mean².
      const mean = 45 / 103;
      const margin = 1.959964 * Math.sqrt((77 / 103 - mean * mean) / 103);
      expect(npsInterval({ promoters: 60, passives: 25, detractors: 15 })).toEqual({
        low: Math.round(1000 * (mean - margin)) / 10,
        high: Math.round(1000 * (mean + margin)) / 10,
      });
      const interval = npsInterval({ promoters: 60, passives: 25, detractors: 15 });
      expect(interval?.low).toBeLessThan(45);
      expect(interval?.high).toBeGreaterThan(45);
      const big = npsInterval({ promoters: 600, passives: 250, detractors: 150 });
      expect((big?.high ?? 0) - (big?.low ?? 0)).toBeLessThan((interval?.high ?? 0) - (interval?.low ?? 0));
    });
  });

  describe('wilsonInterval', () => {
    it('matches the textbook Wilson interval: 8 of 10 is 49.0-94.3 %', () => {
      expect(wilsonInterval(8, 10)).toEqual({ low: 49, high: 94.3 });
    });

    it('stays inside 0-100 at the edges and is null for n = 0', () => {
      expect(wilsonInterval(0, 5)).toEqual({ low: 0, high: 43.4 });
      expect(wilsonInterval(5, 5)).toEqual({ low: 56.6, high: 100 });
      expect(wilsonInterval(0, 0)).toBeNull();
    });
  });

  describe('trend grouping', () => {
    it('counts the buckets a period touches: days, ISO weeks from Monday, calendar months', () => {
      expect(bucketCount('day', '2026-03-01', '2026-03-30')).toBe(30);
      // Sunday 1 March to Monday 30 March: the week of 23 Feb, four full weeks, and the week of 30 March.
      expect(bucketCount('week', '2026-03-01', '2026-03-30')).toBe(6);
      expect(bucketCount('week', '2026-03-02', '2026-03-08')).toBe(1);
      expect(bucketCount('month', '2026-01-31', '2026-03-01')).toBe(3);
      expect(bucketCount('month', '2025-12-01', '2026-01-31')).toBe(2);
    });

    it('shows days up to a month, weeks up to about four months, else months', () => {
      expect(finestTrendGrouping('2026-03-01', '2026-03-31')).toBe('day');
      expect(finestTrendGrouping('2026-01-01', '2026-04-30')).toBe('week');
      expect(finestTrendGrouping('2025-01-01', '2025-12-31')).toBe('month');
    });

    it('chooses the finest grouping whose buckets hold SMALL_SAMPLE_N on average', () => {
      const month = { from: '2026-03-01', to: '2026-03-30' };
      // 30 days × 30 answers: days carry.
      expect(carriedGrouping(month, 900)).toBe('day');
      // Three answers a day: six weeks of 15 fall short too; the month (one bucket of 90) carries.
      expect(carriedGrouping(month, 90)).toBe('month');
      // Six weeks of 30.
      expect(carriedGrouping(month, 180)).toBe('week');
      expect(carriedGrouping(month, 179)).toBe('month');
      // Too few for any grouping: months, the coarsest a trend has.
      expect(carriedGrouping(month, 4)).toBe('month');
      expect(carriedGrouping(month, 0)).toBe('month');
      // A year never goes finer than months, whatever its n.
      expect(carriedGrouping({ from: '2025-01-01', to: '2025-12-31' }, 1_000_000)).toBe('month');
    });
  });

  it('drill-down sorts: every key both ways, descending written with a minus', () => {
    expect(DRILL_DOWN_SORTS).toContain('on');
    expect(DRILL_DOWN_SORTS).toContain('-value');
    expect(drillDownSort('patient', 'asc')).toBe('patient');
    expect(drillDownSort('patient', 'desc')).toBe('-patient');
  });
});
