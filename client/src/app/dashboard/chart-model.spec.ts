import { SMALL_SAMPLE_N } from '@huifang/shared';
import {
  SMALL_SAMPLE_OPACITY,
  axisLabel,
  cellText,
  dataItem,
  seriesTarget,
  tableDrills,
  tooltipFormatter,
  valueAxisLabel,
} from './chart-model';
import { fakeT, fakeChartContext as context } from './chart-test-fakes';

describe('chart model helpers', () => {
  it('dataItem: a gap for no data, faded below SMALL_SAMPLE_N, plain from it on', () => {
    expect(dataItem(null, 25)).toBeNull();
    expect(dataItem(12, 0)).toBeNull();
    expect(dataItem(0, 0)).toBeNull();
    expect(dataItem(0, 3)).toEqual({ value: 0, itemStyle: { opacity: SMALL_SAMPLE_OPACITY } });
    expect(dataItem(12, SMALL_SAMPLE_N - 1)).toEqual({ value: 12, itemStyle: { opacity: SMALL_SAMPLE_OPACITY } });
    expect(dataItem(12, SMALL_SAMPLE_N)).toBe(12);
    expect(dataItem(0, 50)).toBe(0);
  });

  it('axisLabel: month-day for days and weeks, the month, the department name', () => {
    expect(axisLabel('day', '2026-03-05', context)).toBe('03-05');
    expect(axisLabel('week', '2026-03-02', context)).toBe('03-02');
    expect(axisLabel('month', '2026-03', context)).toBe('2026-03');
    expect(axisLabel('department', '7', context)).toBe('Dept7');
  });

  it('cellText: a dash for no data, the figure otherwise', () => {
    expect(cellText(null, 'percent', context)).toBe('—');
    expect(cellText(0, 'percent', context)).toBe('dashboard.units.percent{"value":"0.0"}');
  });

  it('tooltipFormatter: numbers and [number, …] are figures, anything else is no data', () => {
    const format = tooltipFormatter('minutes', context);
    expect(format(12.5)).toBe('dashboard.units.minutes{"value":"12.5"}');
    expect(format([7, 'x'])).toBe('dashboard.units.minutes{"value":"7.0"}');
    expect(format(0)).toBe('dashboard.units.minutes{"value":"0.0"}');
    expect(format(null)).toBe('dashboard.noData{}');
    expect(format('-')).toBe('dashboard.noData{}');
    expect(format([])).toBe('dashboard.noData{}');
  });

  it('valueAxisLabel: integers plain, fractions with one decimal', () => {
    const label = valueAxisLabel(context);
    expect(label(20)).toBe('20');
    expect(label(-100)).toBe('-100');
    expect(label(2.5)).toBe('2.5');
    expect(label(1234.25)).toBe('1,234.3');
  });

  it('seriesTarget: a target with its count, null when there is nothing to list', () => {
    const series = { indicator: 'churn' as const, groupBy: 'week' as const, templateId: null };
    expect(seriesTarget(series, '2026-03-02', 'lapsed', 4)).toEqual({
      kind: 'series',
      templateId: null,
      indicator: 'churn',
      groupBy: 'week',
      key: '2026-03-02',
      segment: 'lapsed',
      count: 4,
    });
    expect(seriesTarget(series, '2026-03-02', 'lapsed', 0)).toBeNull();
    // A satisfaction chart narrowed to one template lists that template's responses.
    expect(seriesTarget({ indicator: 'satisfaction', groupBy: 'month', templateId: 4 }, '2026-03', 'detractors', 2)).toMatchObject({ templateId: 4 });
  });

  it('tableDrills: a labelled button per target that has rows', () => {
    expect(
      tableDrills(
        [
          null,
          { kind: 'series', templateId: null, indicator: 'follow-up', groupBy: 'day', key: '2026-03-05', segment: 'open', count: 2 },
          { kind: 'flow', fromStage: 'treatment', toStage: 'lapsed', count: 6 },
        ],
        fakeT,
      ),
    ).toEqual([
      {
        label: 'dashboard.table.drill{"what":"dashboard.segments.follow-up.open{}","count":2}',
        target: { kind: 'series', templateId: null, indicator: 'follow-up', groupBy: 'day', key: '2026-03-05', segment: 'open', count: 2 },
      },
      {
        label: 'dashboard.table.drill{"what":"dashboard.table.patients{}","count":6}',
        target: { kind: 'flow', fromStage: 'treatment', toStage: 'lapsed', count: 6 },
      },
    ]);
  });
});
