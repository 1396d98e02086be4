import {
  differenceInterval,
  driversFromCounts,
  npsBandName,
  quadrantOf,
  spearmanFromCounts,
  waitBandOf,
  type DriverCounts,
} from './drivers';

describe('drivers of dissatisfaction', () => {
  describe('differenceInterval (Newcombe hybrid score, method 10)', () => {
    // Newcombe RG (1998), Interval estimation for the difference between independent proportions,
    // Stat Med 17:873-890, Table II, method 10 (in proportions; here in percentage points).
    it('matches the published worked examples', () => {
      expect(differenceInterval(56, 70, 48, 80)).toEqual({ low: 5.2, high: 33.4 }); // 0.0524 to 0.3339
      expect(differenceInterval(9, 10, 3, 10)).toEqual({ low: 17.1, high: 80.9 }); // 0.1705 to 0.8090
      expect(differenceInterval(5, 56, 0, 29)).toEqual({ low: -3.8, high: 19.3 }); // -0.0381 to 0.1926
    });

    it('is null when either group is empty, and mirrors when the groups swap', () => {
      expect(differenceInterval(1, 0, 1, 2)).toBeNull();
      expect(differenceInterval(1, 2, 0, 0)).toBeNull();
      expect(differenceInterval(48, 80, 56, 70)).toEqual({ low: -33.4, high: -5.2 });
    });
  });

  describe('spearmanFromCounts', () => {
    it('gives tied values their average rank (worked example)', () => {
      // Pairs (rating, nps): (1,3) (2,3) (2,8) (3,10); n = 4, mean rank 2.5.
      // Rating ranks: 1 → 1, 2 → (2+3)/2 = 2.5, 3 → 4; deviations -1.5, 0, 0, 1.5.
      // NPS ranks: 3 → (1+2)/2 = 1.5, 8 → 3, 10 → 4; deviations -1, -1, 0.5, 1.5.
      // cov = 1.5 + 0 + 0 + 2.25 = 3.75; var(rating) = 4.5; var(nps) = 1 + 1 + 0.25 + 2.25 = 4.5.
      // rho = 3.75 / 4.5 = 0.8333.
      const cells = [
        { x: 1, y: 3, count: 1 },
        { x: 2, y: 3, count: 1 },
        { x: 2, y: 8, count: 1 },
        { x: 3, y: 10, count: 1 },
      ];
      expect(spearmanFromCounts(cells)).toEqual({ rho: 0.833, n: 4 });
    });

    it('weights a cell by its count exactly as that many separate pairs', () => {
      const pairs: [number, number][] = [[1, 0], [1, 0], [2, 6], [3, 6], [3, 9], [4, 9], [4, 9], [5, 10], [5, 7], [2, 10]];
      const cells = new Map<string, { x: number; y: number; count: number }>();
      for (const [x, y] of pairs) {
        const cell = cells.get(`${x},${y}`) ?? { x, y, count: 0 };
        cell.count += 1;
        cells.set(`${x},${y}`, cell);
      }
      expect(spearmanFromCounts([...cells.values()])).toEqual({ rho: round3(bruteSpearman(pairs)), n: 10 });
    });

    it('is null for fewer than two pairs or a variable that does not vary', () => {
      expect(spearmanFromCounts([{ x: 4, y: 9, count: 1 }]).rho).toBeNull();
      expect(spearmanFromCounts([{ x: 4, y: 9, count: 3 }, { x: 4, y: 2, count: 2 }])).toEqual({ rho: null, n: 5 });
      expect(spearmanFromCounts([])).toEqual({ rho: null, n: 0 });
    });

    it('is -1 for a perfectly reversed order', () => {
      expect(spearmanFromCounts([{ x: 1, y: 10, count: 2 }, { x: 5, y: 0, count: 3 }]).rho).toBe(-1);
    });
  });

  it('bands NPS answers by the shared constants and waits at 15, 30 and 60 minutes (lower edge inclusive)', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBandName)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect([null, 11, -1, 6.5].map(npsBandName)).toEqual([null, null, null, null]);
    expect([0, 899, 900, 1799, 1800, 3599, 3600, 99999].map(waitBandOf)).toEqual(['under_15', 'under_15', '15_30', '15_30', '30_60', '30_60', 'over_60', 'over_60']);
    expect(waitBandOf(null)).toBeNull();
    expect(waitBandOf(-5)).toBeNull();
  });

  it('places a dimension in its quadrant against the cut', () => {
    const cut = { rho: 0.4, score: 70 };
    expect(quadrantOf(0.6, 50, cut)).toBe('fix_first');
    expect(quadrantOf(0.6, 80, cut)).toBe('maintain');
    expect(quadrantOf(0.1, 50, cut)).toBe('monitor');
    expect(quadrantOf(0.1, 80, cut)).toBe('secondary');
  });

  it('assembles every figure with its n from the counts, null where n = 0', () => {
    const counts: DriverCounts = {
      commented: [
        { band: 'detractor', count: 10 },
        { band: 'passive', count: 4 },
        { band: 'promoter', count: 10 },
      ],
      themes: [
        { theme: 'waiting', nameZh: '等候', nameEn: 'Waiting', band: 'detractor', count: 9 },
        { theme: 'waiting', nameZh: '等候', nameEn: 'Waiting', band: 'promoter', count: 3 },
        { theme: 'waiting', nameZh: '等候', nameEn: 'Waiting', band: 'passive', count: 4 },
        { theme: 'food', nameZh: '餐饮', nameEn: 'Food', band: 'promoter', count: 1 },
      ],
      ratings: [
        { dimension: 'wait_time', rating: 1, nps: 3, count: 1 },
        { dimension: 'wait_time', rating: 2, nps: 3, count: 1 },
        { dimension: 'wait_time', rating: 2, nps: 8, count: 1 },
        { dimension: 'wait_time', rating: 3, nps: 10, count: 1 },
        { dimension: 'wait_time', rating: 5, nps: null, count: 1 },
        { dimension: 'nursing', rating: 5, nps: 3, count: 1 },
        { dimension: 'nursing', rating: 4, nps: 10, count: 1 },
      ],
      waits: [
        { band: 'under_15', nps: 10, csat: 5, count: 3 },
        { band: 'under_15', nps: 2, csat: null, count: 1 },
        { band: 'over_60', nps: null, csat: 1, count: 2 },
      ],
    };
    const answer = driversFromCounts({ from: '2026-03-01', to: '2026-03-31', departmentId: null }, counts);
    expect(answer.themes.commented).toEqual({ detractors: 10, promoters: 10 });
    // waiting: 9/10 - 3/10 = 60 pp (the Newcombe example above); food: 0/10 - 1/10 = -10 pp.
    expect(answer.themes.items.map((t) => [t.theme, t.detractors.value, t.promoters.value, t.difference, t.ci])).toEqual([
      ['waiting', 90, 30, 60, { low: 17.1, high: 80.9 }],
      ['food', 0, 10, -10, expect.any(Object)],
    ]);
    // nursing: ratings 5 and 4 against NPS 3 and 10: rho -1; score 100 % of 2, mean 4.5.
    // wait_time: rho 0.833 over 4 pairs (worked above); score 1 top-box of 5 = 20 %, mean 13/5 = 2.6.
    expect(answer.dimensions.items).toEqual([
      { dimension: 'nursing', rho: -1, n: 2, score: 100, mean: 4.5, scoreN: 2, quadrant: 'secondary' },
      { dimension: 'wait_time', rho: 0.833, n: 4, score: 20, mean: 2.6, scoreN: 5, quadrant: 'fix_first' },
    ]);
    // The cut: mean rho (0.833 - 1) / 2 ≈ -0.08, mean score (100 + 20) / 2 = 60.
    expect(answer.dimensions.cut?.score).toBe(60);
    expect(answer.waitBands).toEqual([
      // 3 promoters, 1 detractor of 4: NPS 50; CSAT 3 of 3 top box, mean 5.
      { band: 'under_15', n: 4, nps: { value: 50, n: 4 }, csat: { value: 100, mean: 5, n: 3 } },
      { band: '15_30', n: 0, nps: { value: null, n: 0 }, csat: { value: null, mean: null, n: 0 } },
      { band: '30_60', n: 0, nps: { value: null, n: 0 }, csat: { value: null, mean: null, n: 0 } },
      { band: 'over_60', n: 2, nps: { value: null, n: 0 }, csat: { value: 0, mean: 1, n: 2 } },
    ]);
  });
});

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Spearman the textbook way, pair by pair: the Pearson correlation of average ranks. */
function bruteSpearman(pairs: [number, number][]): number {
  const ranks = (values: number[]) =>
    values.map((v) => {
      const below = values.filter((w) => w < v).length;
      const same = values.filter((w) => w === v).length;
      return below + (same + 1) / 2;
    });
  const rx = ranks(pairs.map((p) => p[0]));
  const ry = ranks(pairs.map((p) => p[1]));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const mx = mean(rx);
  const my = mean(ry);
  const cov = rx.reduce((sum, x, i) => sum + (x - mx) * ((ry[i] ?? 0) - my), 0);
  const sx = Math.sqrt(rx.reduce((sum, x) => sum + (x - mx) ** 2, 0));
  const sy = Math.sqrt(ry.reduce((sum, y) => sum + (y - my) ** 2, 0));
  return cov / (sx * sy);
}
