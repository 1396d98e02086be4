import type { IndicatorGrouping, IndicatorSeries, WaitTimePoint } from '@huifang/shared';
import { SMALL_SAMPLE_OPACITY } from './chart-model';
import { waitChart } from './wait-charts';
import { fakeChartContext as context, seriesOf } from './chart-test-fakes';

const point = (key: string, n: number, overrides: Partial<WaitTimePoint> = {}): WaitTimePoint => ({
  key,
  n,
  mean: n > 0 ? 20 : null,
  median: n > 0 ? 18.5 : null,
  p90: n > 0 ? 42 : null,
  overThresholdCount: n > 0 ? 3 : 0,
  overThreshold: n > 0 ? Math.round((3 / n) * 1000) / 10 : null,
  ...overrides,
});

const series = (points: WaitTimePoint[], groupBy: IndicatorGrouping = 'month'): IndicatorSeries<'wait-time'> => ({
    templateId: null,
  indicator: 'wait-time',
  from: '2026-01-01',
  to: '2026-03-31',
  departmentId: null,
  groupBy,
  points,
});

const categoriesOf = (model: ReturnType<typeof waitChart>) => (model.option as { xAxis: { data: string[] } }).xAxis.data;

describe('waitChart', () => {
  const points = [point('2026-01', 30), point('2026-02', 0), point('2026-03', 4, { median: 12, p90: 25, overThresholdCount: 0, overThreshold: 0 })];
  const model = waitChart(series(points), context);

  it('draws median and p90 lines and the visit count as bars', () => {
    const [median, p90, visits] = seriesOf(model.option);
    expect(categoriesOf(model)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(median.name).toBe('dashboard.charts.median{}');
    expect(median.type).toBe('line');
    expect(p90.type).toBe('line');
    expect(visits.type).toBe('bar');
    expect(model.empty).toBe(false);
  });

  it('leaves a gap (null, never 0) for an empty bucket and fades a small sample', () => {
    const [median, p90, visits] = seriesOf(model.option);
    expect(median.data).toEqual([18.5, null, { value: 12, itemStyle: { opacity: SMALL_SAMPLE_OPACITY } }]);
    expect(p90.data).toEqual([42, null, { value: 25, itemStyle: { opacity: SMALL_SAMPLE_OPACITY } }]);
    expect(visits.data).toEqual([30, null, 4]);
    expect(SMALL_SAMPLE_OPACITY).toBeLessThan(1);
  });

  it('a sample of exactly SMALL_SAMPLE_N is drawn in full', () => {
    const [median] = seriesOf(waitChart(series([point('2026-01', 30)]), context).option);
    expect(median.data).toEqual([18.5]);
  });

  it('every element of a bucket lists the visits behind it, nothing for an empty bucket', () => {
    const all = { kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'month', key: '2026-01', segment: 'all', count: 30 };
    const small = { ...all, key: '2026-03', count: 4 };
    expect(model.hits).toEqual([
      [all, null, small],
      [all, null, small],
      [all, null, small],
    ]);
  });

  it('formats tooltips in minutes, and says no data for a gap', () => {
    const [median, , visits] = seriesOf(model.option);
    expect(median.tooltip.valueFormatter(18.5)).toBe('dashboard.units.minutes{"value":"18.5"}');
    expect(median.tooltip.valueFormatter(null)).toBe('dashboard.noData{}');
    expect(visits.tooltip.valueFormatter(1234)).toBe('1,234');
  });

  it('builds a table with a row per bucket and drills for the visits and the long waits', () => {
    expect(model.table.columns).toEqual([
      'dashboard.table.bucket{}',
      'dashboard.table.visits{}',
      'dashboard.charts.median{}',
      'dashboard.charts.p90{}',
      'dashboard.table.overThreshold{"minutes":30}',
    ]);
    const [full, empty, small] = model.table.rows;
    expect(full.label).toBe('2026-01');
    expect(full.cells).toEqual([
      '30',
      'dashboard.units.minutes{"value":"18.5"}',
      'dashboard.units.minutes{"value":"42.0"}',
      'dashboard.units.percent{"value":"10.0"} (3)',
    ]);
    expect(full.drills).toEqual([
      {
        label: 'dashboard.table.drill{"what":"dashboard.segments.wait-time.all{}","count":30}',
        target: { kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'month', key: '2026-01', segment: 'all', count: 30 },
      },
      {
        label: 'dashboard.table.drill{"what":"dashboard.segments.wait-time.over_threshold{}","count":3}',
        target: { kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'month', key: '2026-01', segment: 'over_threshold', count: 3 },
      },
    ]);
    expect(empty.cells).toEqual(['0', '—', '—', '—']);
    expect(empty.drills).toEqual([]);
    // A real 0% is a figure, and no long waits means no drill for them.
    expect(small.cells[3]).toBe('dashboard.units.percent{"value":"0.0"} (0)');
    expect(small.drills.map((d) => d.target)).toEqual([
      { kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'month', key: '2026-03', segment: 'all', count: 4 },
    ]);
  });

  it('is empty when every bucket has n = 0', () => {
    const emptyModel = waitChart(series([point('2026-01', 0), point('2026-02', 0)]), context);
    expect(emptyModel.empty).toBe(true);
    expect(seriesOf(emptyModel.option)[0].data).toEqual([null, null]);
    expect(emptyModel.hits).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('by department draws bars named by department and says so in the table', () => {
    const byDepartment = waitChart(series([point('3', 12), point('5', 0)], 'department'), context);
    const [median, p90] = seriesOf(byDepartment.option);
    expect(median.type).toBe('bar');
    expect(p90.type).toBe('bar');
    expect(categoriesOf(byDepartment)).toEqual(['Dept3', 'Dept5']);
    expect(byDepartment.table.columns[0]).toBe('dashboard.table.department{}');
    expect(byDepartment.table.rows.map((r) => r.label)).toEqual(['Dept3', 'Dept5']);
    expect(byDepartment.hits[0]).toEqual([
      { kind: 'series', templateId: null, indicator: 'wait-time', groupBy: 'department', key: '3', segment: 'all', count: 12 },
      null,
    ]);
  });

  it('labels days and weeks by month and day on the axis', () => {
    expect(categoriesOf(waitChart(series([point('2026-03-02', 12)], 'week'), context))).toEqual(['03-02']);
    expect(waitChart(series([point('2026-03-02', 12)], 'week'), context).table.rows[0].label).toBe(
      'dashboard.buckets.week{"day":"2026-03-02"}',
    );
    expect(categoriesOf(waitChart(series([point('2026-03-05', 12)], 'day'), context))).toEqual(['03-05']);
  });
});
