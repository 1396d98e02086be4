import { type ChurnPoint, type FollowUpPoint, type IndicatorGrouping, type IndicatorSeries, wilsonInterval } from '@huifang/shared';
import { churnChart, followUpChart } from './churn-charts';
import { fakeChartContext as context, faded, seriesOf } from './chart-test-fakes';

describe('churnChart', () => {
  const churn = (key: string, n: number, lapsed: number): ChurnPoint => ({
    key,
    n,
    lapsed,
    churnRate: n > 0 ? Math.round((lapsed / n) * 1000) / 10 : null,
    retention: n > 0 ? Math.round(((n - lapsed) / n) * 1000) / 10 : null,
  });
  const series = (points: ChurnPoint[], groupBy: IndicatorGrouping = 'month'): IndicatorSeries<'churn'> => ({
    templateId: null,
    indicator: 'churn',
    from: '2026-01-01',
    to: '2026-03-31',
    departmentId: null,
    groupBy,
    points,
  });
  const model = churnChart(series([churn('2026-01', 40, 10), churn('2026-02', 0, 0), churn('2026-03', 5, 0)]), context);
  const target = (key: string, segment: string, count: number) => ({ kind: 'series', templateId: null, indicator: 'churn', groupBy: 'month', key, segment, count });

  it('draws the churn rate per cohort, a gap for an empty one, faded for a small one', () => {
    const [bars] = seriesOf(model.option);
    expect(bars.type).toBe('bar');
    expect(bars.data).toEqual([25, null, faded(0)]);
    expect(model.empty).toBe(false);
  });

  it('labels each bar with its cohort size', () => {
    const [bars] = seriesOf(model.option);
    expect([0, 1, 2].map((dataIndex) => bars.label?.formatter({ dataIndex }))).toEqual(['n=40', 'n=0', 'n=5']);
  });

  it('scales the axis to the next ten, at most 100, at least 10', () => {
    const max = (model.option as { yAxis: { max: (extent: { max: number }) => number } }).yAxis.max;
    expect(max({ max: 25 })).toBe(30);
    expect(max({ max: 30 })).toBe(30);
    expect(max({ max: 97.5 })).toBe(100);
    expect(max({ max: 0 })).toBe(10);
  });

  it('a bar lists the lapsed patients, nothing when none lapsed', () => {
    expect(model.hits).toEqual([[target('2026-01', 'lapsed', 10), null, null]]);
  });

  it('builds table rows with lapsed, retained and the whole cohort as drills', () => {
    expect(model.table.columns).toEqual([
      'dashboard.table.cohort{}',
      'dashboard.table.cohortSize{}',
      'dashboard.segments.churn.lapsed{}',
      'dashboard.charts.churnRate{}',
      'dashboard.table.retention{}',
    ]);
    const [full, empty, none] = model.table.rows;
    expect(full.cells).toEqual(['40', '10', 'dashboard.units.percent{"value":"25.0"}', 'dashboard.units.percent{"value":"75.0"}']);
    expect(full.drills.map((d) => d.target)).toEqual([target('2026-01', 'lapsed', 10), target('2026-01', 'retained', 30), target('2026-01', 'all', 40)]);
    expect(full.drills[1].label).toBe('dashboard.table.drill{"what":"dashboard.segments.churn.retained{}","count":30}');
    expect(empty.cells).toEqual(['0', '0', '—', '—']);
    expect(empty.drills).toEqual([]);
    expect(none.cells).toEqual(['5', '0', 'dashboard.units.percent{"value":"0.0"}', 'dashboard.units.percent{"value":"100.0"}']);
    expect(none.drills.map((d) => d.target)).toEqual([target('2026-03', 'retained', 5), target('2026-03', 'all', 5)]);
  });

  it('is empty when every cohort has n = 0', () => {
    const empty = churnChart(series([churn('2026-01', 0, 0)]), context);
    expect(empty.empty).toBe(true);
    expect(seriesOf(empty.option)[0].data).toEqual([null]);
    expect(empty.hits).toEqual([[null]]);
  });

  it('by department names each cohort by its department', () => {
    const byDepartment = churnChart(series([churn('4', 20, 2)], 'department'), context);
    expect((byDepartment.option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['Dept4']);
    expect(byDepartment.table.rows[0].label).toBe('Dept4');
    expect(byDepartment.table.columns[0]).toBe('dashboard.table.department{}');
    expect(byDepartment.hits).toEqual([[{ kind: 'series', templateId: null, indicator: 'churn', groupBy: 'department', key: '4', segment: 'lapsed', count: 2 }]]);
  });
});

describe('followUpChart', () => {
  const followUp = (key: string, n: number, completed: number, reached: number, failed: number, hours: number | null = null): FollowUpPoint => ({
    key,
    n,
    completed,
    reached,
    failed,
    completionRate: n > 0 ? Math.round((completed / n) * 1000) / 10 : null,
    reachedRate: completed > 0 ? Math.round((reached / completed) * 1000) / 10 : null,
    medianHoursToComplete: hours,
    serviceRecoveryOpened: 0,
    serviceRecoveryClosed: 0,
  });
  const series = (points: FollowUpPoint[]): IndicatorSeries<'follow-up'> => ({
    templateId: null,
    indicator: 'follow-up',
    from: '2026-03-01',
    to: '2026-03-21',
    departmentId: 1,
    groupBy: 'week',
    points,
  });
  const model = followUpChart(
    series([followUp('2026-03-02', 20, 15, 12, 2, 5.5), followUp('2026-03-09', 0, 0, 0, 0), followUp('2026-03-16', 4, 0, 0, 1)]),
    context,
  );
  const target = (key: string, segment: string, count: number) => ({ kind: 'series', templateId: null, indicator: 'follow-up', groupBy: 'week', key, segment, count });

  it('draws the completion share as a line and the callbacks due as bars', () => {
    const [completion, due] = seriesOf(model.option);
    expect((model.option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['03-02', '03-09', '03-16']);
    expect(completion.type).toBe('line');
    // 20 due is a small sample (below 30): faded.
    expect(completion.data).toEqual([faded(75), null, faded(0)]);
    expect(due.type).toBe('bar');
    expect(due.data).toEqual([20, null, 4]);
    expect(completion.tooltip.valueFormatter(75)).toBe('dashboard.units.percent{"value":"75.0"}');
    const interval = wilsonInterval(15, 20);
    const percent = (value: number | undefined) => `dashboard.units.percent{\\"value\\":\\"${value?.toFixed(1)}\\"}`;
    expect(completion.tooltip.valueFormatter(75, 0)).toBe(
      `dashboard.units.percent{"value":"75.0"} (dashboard.tooltip.n{"n":20}dashboard.tooltip.separator{}` +
        `dashboard.tooltip.interval{"low":"${percent(interval?.low)}","high":"${percent(interval?.high)}"}dashboard.tooltip.separator{}dashboard.tooltip.smallSample{})`,
    );
    expect(due.tooltip.valueFormatter(20)).toBe('20');
    expect(model.empty).toBe(false);
  });

  it('the line lists the completed callbacks, the bars every callback due', () => {
    expect(model.hits).toEqual([
      [target('2026-03-02', 'completed', 15), null, null],
      [target('2026-03-02', 'all', 20), null, target('2026-03-16', 'all', 4)],
    ]);
  });

  it('builds table rows with all, completed, open and failed drills', () => {
    expect(model.table.columns).toEqual([
      'dashboard.table.bucket{}',
      'dashboard.charts.due{}',
      'dashboard.charts.completion{}',
      'dashboard.table.reachedRate{}',
      'dashboard.table.medianHours{}',
    ]);
    const [full, empty, open] = model.table.rows;
    expect(full.label).toBe('dashboard.buckets.week{"day":"2026-03-02"}');
    expect(full.cells).toEqual([
      '20',
      'dashboard.units.percent{"value":"75.0"}',
      'dashboard.units.percent{"value":"80.0"}',
      'dashboard.units.hours{"value":"5.5"}',
    ]);
    // Failed callbacks are neither completed nor open: 20 due - 15 completed - 2 failed = 3 open.
    expect(full.drills.map((d) => d.target)).toEqual([
      target('2026-03-02', 'all', 20),
      target('2026-03-02', 'completed', 15),
      target('2026-03-02', 'open', 3),
      target('2026-03-02', 'failed', 2),
    ]);
    expect(empty.cells).toEqual(['0', '—', '—', '—']);
    expect(empty.drills).toEqual([]);
    expect(open.cells).toEqual(['4', 'dashboard.units.percent{"value":"0.0"}', '—', '—']);
    expect(open.drills.map((d) => d.target)).toEqual([
      target('2026-03-16', 'all', 4),
      target('2026-03-16', 'open', 3),
      target('2026-03-16', 'failed', 1),
    ]);
  });

  it('by department heads the table with the department', () => {
    const byDepartment = followUpChart({ ...series([followUp('6', 12, 10, 9, 1)]), groupBy: 'department' }, context);
    expect(byDepartment.table.columns[0]).toBe('dashboard.table.department{}');
    expect(byDepartment.table.rows[0].label).toBe('Dept6');
    expect(byDepartment.hits[1]).toEqual([{ kind: 'series', templateId: null, indicator: 'follow-up', groupBy: 'department', key: '6', segment: 'all', count: 12 }]);
  });

  it('is empty when nothing was due', () => {
    const empty = followUpChart(series([followUp('2026-03-02', 0, 0, 0, 0), followUp('2026-03-09', 0, 0, 0, 0)]), context);
    expect(empty.empty).toBe(true);
    expect(seriesOf(empty.option).map((s) => s.data)).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(empty.hits).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
