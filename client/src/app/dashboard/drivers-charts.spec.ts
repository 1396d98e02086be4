import type { DriversAnswer } from '@huifang/shared';
import { keyDriverChart, quadrantBounds, themeAxisReach, themeDifferenceChart, waitBandChart } from './drivers-charts';
import { faded, fakeChartContext as context, seriesOf } from './chart-test-fakes';

/** What the fake translation makes of a percentage and of points. */
const pct = (value: string) => `dashboard.units.percent{"value":"${value}"}`;
const pts = (value: string) => `dashboard.units.points{"value":"${value}"}`;

const share = (count: number, n: number) => ({ value: n ? Math.round((1000 * count) / n) / 10 : null, count, n });

const answer: DriversAnswer = {
  from: '2026-03-01',
  to: '2026-03-31',
  departmentId: 2,
  themes: {
    ciMethod: 'newcombe_wilson',
    commented: { detractors: 40, promoters: 50 },
    items: [
      { theme: 'waiting', nameZh: '等候', nameEn: 'Waiting', detractors: share(20, 40), promoters: share(5, 50), difference: 40, ci: { low: 22.1, high: 55.4 } },
      { theme: 'food', nameZh: '餐饮', nameEn: 'Food', detractors: share(0, 40), promoters: share(2, 50), difference: -4, ci: { low: -13.5, high: 4.9 } },
    ],
  },
  dimensions: {
    correlation: 'spearman',
    cut: { rho: 0.4, score: 60 },
    items: [
      { dimension: 'billing', rho: null, n: 1, score: 100, mean: 5, scoreN: 1, quadrant: null },
      { dimension: 'wait_time', rho: 0.6, n: 88, score: 40, mean: 3.1, scoreN: 90, quadrant: 'fix_first' },
      { dimension: 'nursing', rho: 0.2, n: 88, score: 80, mean: 4.2, scoreN: 88, quadrant: 'secondary' },
    ],
  },
  waitBands: [
    { band: 'under_15', n: 50, nps: { value: 40, n: 50 }, csat: { value: 90, mean: 4.5, n: 50 } },
    { band: '15_30', n: 0, nps: { value: null, n: 0 }, csat: { value: null, mean: null, n: 0 } },
    { band: '30_60', n: 10, nps: { value: -20, n: 10 }, csat: { value: 50, mean: 3, n: 10 } },
    { band: 'over_60', n: 31, nps: { value: -50, n: 30 }, csat: { value: 20, mean: 2, n: 31 } },
  ],
};

describe('drivers charts', () => {
  it('themes: the difference as bars with a whisker per interval; a bar opens the theme’s detractors', () => {
    const model = themeDifferenceChart(answer, context);
    const [bars, ...whiskers] = seriesOf(model.option);
    expect((model.option as { yAxis: { data: string[] } }).yAxis.data).toEqual(['Waiting', 'Food']);
    expect(bars.data).toEqual([40, -4]);
    expect(whiskers.map((w) => w.data)).toEqual([
      [[22.1, 0], [55.4, 0]],
      [[-13.5, 1], [4.9, 1]],
    ]);
    expect(model.hits[0]).toEqual([{ filter: { themeId: 'waiting', npsBand: 'detractor' }, count: 20 }, null]);
    expect(model.table.rows[0]?.cells).toEqual([`${pct('50.0')} (20/40)`, `${pct('10.0')} (5/50)`, pts('+40.0'), '22.1 – 55.4']);
    expect(model.table.rows[0]?.drills.map((d) => d.target)).toEqual([
      { filter: { themeId: 'waiting', npsBand: 'detractor' }, count: 20 },
      { filter: { themeId: 'waiting', npsBand: 'promoter' }, count: 5 },
    ]);
    // No detractor mentions food: only its promoters can be listed.
    expect(model.table.rows[1]?.drills.map((d) => d.target.filter.npsBand)).toEqual(['promoter']);
    expect(model.empty).toBe(false);
  });

  it('themes: the axis reaches as far as the widest whisker, in tens', () => {
    expect(themeAxisReach(answer.themes.items)).toBe(60);
    expect(themeAxisReach([])).toBe(10);
    expect(quadrantBounds([{ score: 3, rho: -1 }])).toEqual({ score: [0, 100], rho: [-1, 0.1] });
  });

  it('themes: names follow the UI language; no themes is no data', () => {
    expect((themeDifferenceChart(answer, { ...context, lang: 'zh' }).option as { yAxis: { data: string[] } }).yAxis.data).toEqual(['等候', '餐饮']);
    expect(themeDifferenceChart({ ...answer, themes: { ...answer.themes, items: [] } }, context).empty).toBe(true);
  });

  it('quadrant: places the dimensions with both figures at (score, rho), the fix-first ones highlighted, the cut drawn', () => {
    const model = keyDriverChart(answer, context);
    const [points, vertical, horizontal] = seriesOf(model.option);
    expect((points.data as { value: number[] }[]).map((d) => d.value)).toEqual([
      [40, 0.6],
      [80, 0.2],
    ]);
    // Zoomed to the points (scores 40-80, rho 0.2-0.6) with a margin, 0 (and a margin below it) in view for rho.
    expect(vertical.data).toEqual([
      [60, -0.1],
      [60, 0.7],
    ]);
    expect(horizontal.data).toEqual([
      [30, 0.4],
      [100, 0.4],
    ]);
    // Every dimension in the table, with n; one without a correlation has no quadrant.
    expect(model.table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['dimensions.billing{}', '—', '1', `${pct('100.0')} (n = 1)`, '5.0', '—'],
      ['dimensions.wait_time{}', '0.60', '88', `${pct('40.0')} (n = 90)`, '3.1', 'dashboard.drivers.quadrants.fix_first{}'],
      ['dimensions.nursing{}', '0.20', '88', `${pct('80.0')} (n = 88)`, '4.2', 'dashboard.drivers.quadrants.secondary{}'],
    ]);
    expect(model.hits).toEqual([[null, null]]);
  });

  it('wait bands: NPS and CSAT per band, small samples faded, empty bands a gap; a bar opens the band’s responses', () => {
    const model = waitBandChart(answer, context);
    const [nps, csat] = seriesOf(model.option);
    expect(nps.data).toEqual([40, null, faded(-20), -50]);
    expect(csat.data).toEqual([90, null, faded(50), 20]);
    expect(model.hits[0]).toEqual([{ filter: { waitBand: 'under_15' }, count: 50 }, null, { filter: { waitBand: '30_60' }, count: 10 }, { filter: { waitBand: 'over_60' }, count: 31 }]);
    expect(model.table.rows[3]?.cells).toEqual(['31', '-50.0 (n = 30)', `${pct('20.0')} (n = 31)`, '2.0']);
    expect(nps.tooltip.valueFormatter(-50, 3)).toContain('dashboard.tooltip.n{"n":30}');
  });
});
