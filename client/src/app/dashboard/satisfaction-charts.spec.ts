import { type DimensionScore, type IndicatorSeries, type SatisfactionPoint, npsInterval, wilsonInterval } from '@huifang/shared';
import { type ChartContext } from './chart-model';
import { dimensionChart, dimensionLabel, dimensionTotals, satisfactionChart } from './satisfaction-charts';
import { fakeChartContext as context, faded, seriesOf } from './chart-test-fakes';

const dim = (dimension: string, value: number | null, mean: number | null, n: number): DimensionScore => ({ dimension, value, mean, n });

const point = (key: string, n: number, overrides: Partial<SatisfactionPoint> = {}): SatisfactionPoint => ({
  key,
  n,
  invitations: n * 2,
  answered: n,
  responseRate: n > 0 ? 50 : null,
  nps:
    n > 0
      ? { value: 20, n, promoters: Math.ceil(n / 2), passives: 0, detractors: Math.floor(n / 2) }
      : { value: null, n: 0, promoters: 0, passives: 0, detractors: 0 },
  csat: n > 0 ? { value: 80, mean: 4.2, n } : { value: null, mean: null, n: 0 },
  dimensions: [],
  ...overrides,
});

const series = (points: SatisfactionPoint[]): IndicatorSeries<'satisfaction'> => ({
    templateId: null,
  indicator: 'satisfaction',
  from: '2026-01-01',
  to: '2026-03-31',
  departmentId: 2,
  groupBy: 'month',
  points,
});

describe('satisfactionChart', () => {
  const points = [
    point('2026-01', 40),
    point('2026-02', 0),
    // NPS and CSAT each carry their own n: here CSAT was answered by fewer than SMALL_SAMPLE_N.
    point('2026-03', 36, { csat: { value: 75, mean: 4, n: 8 }, nps: { value: -10, n: 36, promoters: 6, passives: 21, detractors: 9 } }),
  ];
  const model = satisfactionChart(series(points), context);

  it('draws NPS and CSAT as lines with gaps for no data, faded per figure n', () => {
    const [nps, csat, responses] = seriesOf(model.option);
    expect(nps.name).toBe('dashboard.charts.nps{}');
    expect(nps.data).toEqual([20, null, -10]);
    expect(csat.data).toEqual([80, null, faded(75)]);
    expect(responses.type).toBe('bar');
    expect(responses.data).toEqual([40, null, 36]);
    expect(model.empty).toBe(false);
  });

  it('formats the NPS tooltip bare and the CSAT one in percent', () => {
    const [nps, csat] = seriesOf(model.option);
    expect(nps.tooltip.valueFormatter(-10)).toBe('-10.0');
    expect(csat.tooltip.valueFormatter(75)).toBe('dashboard.units.percent{"value":"75.0"}');
    expect(csat.tooltip.valueFormatter(undefined)).toBe('dashboard.noData{}');
  });

  it('says the n, the 95% interval and a small sample on hover', () => {
    const [nps, csat] = seriesOf(model.option);
    const interval = npsInterval({ promoters: 6, passives: 21, detractors: 9 });
    // ECharts passes the point's index after the value.
    expect(nps.tooltip.valueFormatter(-10, 2)).toBe(
      `-10.0 (dashboard.tooltip.n{"n":36}dashboard.tooltip.separator{}dashboard.tooltip.interval{"low":"${interval?.low.toFixed(1)}","high":"${interval?.high.toFixed(1)}"})`,
    );
    // CSAT on 8 answers (6 of them 4-5): Wilson's interval, and a small sample.
    const csatInterval = wilsonInterval(6, 8);
    expect(csat.tooltip.valueFormatter(75, 2)).toBe(
      'dashboard.units.percent{"value":"75.0"} (dashboard.tooltip.n{"n":8}dashboard.tooltip.separator{}' +
        `dashboard.tooltip.interval{"low":"dashboard.units.percent{\\"value\\":\\"${csatInterval?.low.toFixed(1)}\\"}","high":"dashboard.units.percent{\\"value\\":\\"${csatInterval?.high.toFixed(1)}\\"}"}` +
        'dashboard.tooltip.separator{}dashboard.tooltip.smallSample{})',
    );
  });

  it('shades the 95% band of NPS behind its line: the low bound and the band height, stacked, out of the legend', () => {
    const all = seriesOf(model.option) as unknown as { name: string; stack?: string; stackStrategy?: string; silent?: boolean; data: unknown[] }[];
    const [low, band] = all.slice(3);
    const first = npsInterval({ promoters: 20, passives: 0, detractors: 20 });
    const last = npsInterval({ promoters: 6, passives: 21, detractors: 9 });
    expect(low.data).toEqual([first?.low, null, last?.low]);
    expect(band.data).toEqual([
      Math.round(((first?.high ?? 0) - (first?.low ?? 0)) * 10) / 10,
      null,
      Math.round(((last?.high ?? 0) - (last?.low ?? 0)) * 10) / 10,
    ]);
    expect([low.stack, low.stackStrategy, low.silent]).toEqual([band.stack, 'all', true]);
    expect((model.option as { legend: { data: string[] } }).legend.data).toEqual([
      'dashboard.charts.nps{}',
      'dashboard.charts.csat{}',
      'dashboard.charts.responses{}',
    ]);
    // The band answers no clicks: the hits of the three figures stay as they were.
    expect(model.hits).toHaveLength(3);
  });

  it('every element of a bucket lists its responses', () => {
    const all = (key: string, count: number) => ({ kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'month', key, segment: 'all', count });
    const row = [all('2026-01', 40), null, all('2026-03', 36)];
    expect(model.hits).toEqual([row, row, row]);
  });

  it('builds table rows with responses / invitations and drills for detractors and promoters', () => {
    expect(model.table.columns).toEqual([
      'dashboard.table.bucket{}',
      'dashboard.charts.responses{}',
      'dashboard.table.responseRate{}',
      'dashboard.charts.nps{}',
      'dashboard.table.npsInterval{}',
      'dashboard.charts.csat{}',
    ]);
    const [full, empty, last] = model.table.rows;
    expect(full.label).toBe('2026-01');
    const interval = npsInterval({ promoters: 20, passives: 0, detractors: 20 });
    expect(full.cells).toEqual([
      '40 / 80',
      'dashboard.units.percent{"value":"50.0"}',
      '20.0',
      `dashboard.table.intervalCell{"low":"${interval?.low.toFixed(1)}","high":"${interval?.high.toFixed(1)}","n":40}`,
      'dashboard.units.percent{"value":"80.0"}',
    ]);
    expect(full.drills.map((d) => d.target)).toEqual([
      { kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'month', key: '2026-01', segment: 'all', count: 40 },
      { kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'month', key: '2026-01', segment: 'detractors', count: 20 },
      { kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'month', key: '2026-01', segment: 'promoters', count: 20 },
    ]);
    expect(full.drills[1].label).toBe('dashboard.table.drill{"what":"dashboard.segments.satisfaction.detractors{}","count":20}');
    expect(empty.cells).toEqual(['0 / 0', '—', '—', '—', '—']);
    expect(empty.drills).toEqual([]);
    expect(last.drills.map((d) => d.target)).toEqual([
      { kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'month', key: '2026-03', segment: 'all', count: 36 },
      { kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'month', key: '2026-03', segment: 'detractors', count: 9 },
      { kind: 'series', templateId: null, indicator: 'satisfaction', groupBy: 'month', key: '2026-03', segment: 'promoters', count: 6 },
    ]);
  });

  it('by department names rows by department and heads the table with the department', () => {
    const byDepartment = satisfactionChart({ ...series([point('3', 15)]), groupBy: 'department' }, context);
    expect((byDepartment.option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['Dept3']);
    expect(byDepartment.table.columns[0]).toBe('dashboard.table.department{}');
    expect(byDepartment.table.rows[0].label).toBe('Dept3');
  });

  it('is empty when every bucket has n = 0', () => {
    const empty = satisfactionChart(series([point('2026-01', 0), point('2026-02', 0)]), context);
    expect(empty.empty).toBe(true);
    expect(seriesOf(empty.option).map((s) => s.data)).toEqual([
      [null, null],
      [null, null],
      [null, null],
      // The NPS band: nothing to shade.
      [null, null],
      [null, null],
    ]);
  });
});

describe('dimensionTotals', () => {
  it('weights each bucket by its n', () => {
    const totals = dimensionTotals([
      point('2026-01', 30, { dimensions: [dim('staff', 90, 4.5, 30)] }),
      point('2026-02', 10, { dimensions: [dim('staff', 50, 3.3, 10)] }),
    ]);
    // (90*30 + 50*10) / 40 = 80; (4.5*30 + 3.3*10) / 40 = 4.2
    expect(totals).toEqual([{ dimension: 'staff', n: 40, value: 80, mean: 4.2 }]);
  });

  it('rounds the share to one decimal and the mean to two', () => {
    const totals = dimensionTotals([
      point('2026-01', 1, { dimensions: [dim('wait', 100, 5, 1)] }),
      point('2026-02', 2, { dimensions: [dim('wait', 50, 4, 2)] }),
    ]);
    // 200/3 = 66.666…, 13/3 = 4.333…
    expect(totals).toEqual([{ dimension: 'wait', n: 3, value: 66.7, mean: 4.33 }]);
  });

  it('skips buckets without a figure and gives null, never 0, for a dimension without data', () => {
    const totals = dimensionTotals([
      point('2026-01', 12, { dimensions: [dim('staff', 60, 3.8, 12), dim('parking', null, null, 0)] }),
      point('2026-02', 0, { dimensions: [dim('staff', null, null, 0), dim('parking', null, null, 0)] }),
    ]);
    expect(totals).toEqual([
      { dimension: 'staff', n: 12, value: 60, mean: 3.8 },
      { dimension: 'parking', n: 0, value: null, mean: null },
    ]);
  });

  it('sorts worst first, ties by name, no data last', () => {
    const totals = dimensionTotals([
      point('2026-01', 20, {
        dimensions: [dim('zeta', null, null, 0), dim('staff', 90, 4.6, 20), dim('wait', 40, 2.9, 20), dim('alpha', null, null, 0), dim('clean', 40, 3.1, 20)],
      }),
    ]);
    expect(totals.map((d) => d.dimension)).toEqual(['clean', 'wait', 'staff', 'alpha', 'zeta']);
  });

  it('is empty without dimensions', () => {
    expect(dimensionTotals([])).toEqual([]);
    expect(dimensionTotals([point('2026-01', 5)])).toEqual([]);
  });
});

describe('dimensionLabel', () => {
  it('uses the translation, or the code when there is none', () => {
    expect(dimensionLabel('staff', context)).toBe('dimensions.staff{}');
    const identity: ChartContext = { ...context, t: (key) => key };
    expect(dimensionLabel('staff', identity)).toBe('staff');
    expect(dimensionLabel('staff', { ...context, t: () => '' })).toBe('staff');
    expect(dimensionLabel('staff', { ...context, t: () => '医护态度' })).toBe('医护态度');
  });
});

describe('dimensionChart', () => {
  const model = dimensionChart(
    series([
      point('2026-01', 40, { dimensions: [dim('staff', 90, 4.6, 40), dim('wait', 40, 2.9, 5), dim('parking', null, null, 0)] }),
    ]),
    context,
  );

  it('draws bars worst first, faded for a small sample, a gap for no data', () => {
    const [bars] = seriesOf(model.option);
    const yAxis = (model.option as { yAxis: { data: string[] } }).yAxis;
    expect(yAxis.data).toEqual(['dimensions.wait{}', 'dimensions.staff{}', 'dimensions.parking{}']);
    expect(bars.data).toEqual([faded(40), 90, null]);
    expect(model.empty).toBe(false);
  });

  it('labels each bar with its share and n, or no data', () => {
    const [bars] = seriesOf(model.option);
    const label = bars.label?.formatter;
    expect(label?.({ dataIndex: 0 })).toBe('dashboard.units.percent{"value":"40.0"} (n=5)');
    expect(label?.({ dataIndex: 2 })).toBe('dashboard.noData{}');
  });

  it('has no drill-down, and a table of n, share and mean', () => {
    expect(model.hits).toEqual([[null, null, null]]);
    expect(model.table.rows).toEqual([
      { label: 'dimensions.wait{}', cells: ['5', 'dashboard.units.percent{"value":"40.0"}', '2.90'], drills: [] },
      { label: 'dimensions.staff{}', cells: ['40', 'dashboard.units.percent{"value":"90.0"}', '4.60'], drills: [] },
      { label: 'dimensions.parking{}', cells: ['0', '—', '—'], drills: [] },
    ]);
  });

  it('is empty when no dimension has responses, or there are none', () => {
    expect(dimensionChart(series([point('2026-01', 3, { dimensions: [dim('staff', null, null, 0)] })]), context).empty).toBe(true);
    expect(dimensionChart(series([point('2026-01', 3)]), context).empty).toBe(true);
  });
});
