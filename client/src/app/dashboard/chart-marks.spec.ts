import type { IndicatorTarget } from '@huifang/shared';
import type { ChartModel } from './chart-model';
import { MARK_COLORS, bucketIndexOf, escapeHtml, targetComparison, targetMarks, withMarks } from './chart-marks';

const t = (key: string, params?: Record<string, unknown>) =>
  key === 'dashboard.units.minutes' ? `${params?.['value']} min` : key === 'dashboard.units.percent' ? `${params?.['value']}%` : key === 'dashboard.target.line' ? `${params?.['name']} target ${params?.['comparison']}` : key;
const context = { lang: 'en' as const, t };

function model(): ChartModel {
  return {
    option: { series: [{ name: 'Median', type: 'line', data: [1, 2, 3] }, { name: 'Visits', type: 'bar', data: [4, 5, 6] }] },
    hits: [[], []],
    empty: false,
    table: { columns: [], rows: [] },
  };
}

type MarkLine = { data: { xAxis?: number; yAxis?: number; name: string; label: { formatter: () => string } }[]; tooltip: { formatter: (p: { name: string }) => string } };
const markLineOf = (m: ChartModel) => ((m.option as { series: { markLine?: MarkLine }[] }).series[0].markLine as MarkLine);

describe('bucketIndexOf', () => {
  it('finds the day, the ISO week from its Monday, or the month a start date falls in', () => {
    expect(bucketIndexOf('day', ['2026-03-01', '2026-03-02'], '2026-03-02')).toBe(1);
    expect(bucketIndexOf('week', ['2026-02-23', '2026-03-02', '2026-03-09'], '2026-03-08')).toBe(1);
    expect(bucketIndexOf('week', ['2026-02-23', '2026-03-02', '2026-03-09'], '2026-03-09')).toBe(2);
    expect(bucketIndexOf('month', ['2026-01', '2026-02', '2026-03'], '2026-02-28')).toBe(1);
  });

  it('finds none outside the trend or on a chart by department', () => {
    expect(bucketIndexOf('month', ['2026-01'], '2026-02-01')).toBe(-1);
    expect(bucketIndexOf('department', ['2', '8'], '2026-02-01')).toBe(-1);
  });
});

describe('withMarks', () => {
  it('draws each start date as a dashed line on the first series, the titles of one bucket together on hover', () => {
    const marked = withMarks(
      model(),
      'month',
      ['2026-01', '2026-02', '2026-03'],
      [
        { id: 1, title: 'Online slots', startDate: '2026-02-03' },
        { id: 2, title: 'Training', startDate: '2026-02-20' },
        { id: 3, title: 'Before the trend', startDate: '2025-12-01' },
      ],
      [],
    );
    const line = markLineOf(marked);
    expect(line.data).toHaveLength(1);
    expect(line.data[0].xAxis).toBe(1);
    expect(line.data[0].label.formatter()).toBe('⚑2');
    expect(line.tooltip.formatter({ name: line.data[0].name })).toBe('2026-02-03 Online slots<br>2026-02-20 Training');
    // The other series and the clicks they answer stay as they were.
    expect((marked.option as { series: unknown[] }).series[1]).toEqual((model().option as { series: unknown[] }).series[1]);
  });

  it('draws targets across, and never renders a title as markup', () => {
    const marked = withMarks(model(), 'day', ['2026-03-01'], [{ id: 1, title: '<img src=x onerror=alert(1)>', startDate: '2026-03-01' }], [{ value: 20, label: 'Median wait target ≤ 20.0 min' }]);
    const line = markLineOf(marked);
    expect(line.data.map((d) => d.yAxis)).toEqual([undefined, 20]);
    expect(line.data[1].label.formatter()).toBe('Median wait target ≤ 20.0 min');
    expect(line.tooltip.formatter({ name: line.data[0].name })).toBe('2026-03-01 &#60;img src=x onerror=alert(1)&#62;');
    expect(MARK_COLORS.action).not.toBe(MARK_COLORS.target);
  });

  it('leaves a chart without marks untouched', () => {
    const plain = model();
    expect(withMarks(plain, 'month', ['2026-01'], [], [])).toBe(plain);
    expect(escapeHtml(`a&b"'`)).toBe('a&#38;b&#34;&#39;');
  });
});

describe('targets', () => {
  const target = (id: number, indicator: IndicatorTarget['indicator'], departmentId: number | null, comparator: IndicatorTarget['comparator'], value: number): IndicatorTarget => ({
    id,
    indicator,
    departmentId,
    departmentName: null,
    comparator,
    value,
    updatedAt: '',
    updatedBy: null,
  });

  it("writes a target as the dashboard writes figures and takes the department's own over the hospital's", () => {
    expect(targetComparison(target(1, 'wait_median', null, 'at_most', 20), context)).toBe('≤ 20.0 min');
    expect(targetComparison(target(1, 'nps', null, 'at_least', 50), context)).toBe('≥ 50.0');
    const targets = [target(1, 'nps', null, 'at_least', 30), target(2, 'nps', 2, 'at_least', 50), target(3, 'csat', 8, 'at_least', 90)];
    expect(targetMarks(targets, ['nps', 'csat'], 2, context)).toEqual([{ value: 50, label: 'NPS target ≥ 50.0' }]);
    expect(targetMarks(targets, ['nps', 'csat'], null, context)).toEqual([{ value: 30, label: 'NPS target ≥ 30.0' }]);
  });
});
