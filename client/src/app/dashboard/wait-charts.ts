import type { IndicatorSeries, WaitTimePoint } from '@huifang/shared';
import {
  CHART_COLORS,
  type ChartContext,
  type ChartModel,
  axisLabel,
  cartesianBase,
  cellText,
  dataItem,
  seriesTarget,
  tableDrills,
  tooltipFormatter,
  valueAxisLabel,
} from './chart-model';
import { bucketLabel } from './drill-down';

/**
 * Median and p90 wait per bucket (lines over time, bars by department), with the number of timed
 * visits as light bars on a second axis. Clicking any of them lists the visits behind the bucket.
 */
export function waitChart(series: IndicatorSeries<'wait-time'>, context: ChartContext): ChartModel {
  const { t } = context;
  const points = series.points;
  const byDepartment = series.groupBy === 'department';
  const all = (p: WaitTimePoint) => seriesTarget(series, p.key, 'all', p.n);
  const figure = (name: string, color: string, pick: (p: WaitTimePoint) => number | null) => ({
    name,
    type: byDepartment ? 'bar' : 'line',
    color,
    yAxisIndex: 0,
    connectNulls: false,
    showSymbol: true,
    symbolSize: 7,
    barMaxWidth: 28,
    tooltip: { valueFormatter: tooltipFormatter('minutes', context, (index) => (points[index] ? { n: points[index].n } : null)) },
    data: points.map((p) => dataItem(pick(p), p.n)),
  });
  return {
    option: {
      ...cartesianBase(points.map((p) => axisLabel(series.groupBy, p.key, context))),
      yAxis: [
        { type: 'value', name: t('dashboard.charts.minutes'), min: 0, axisLabel: { formatter: valueAxisLabel(context) } },
        { type: 'value', name: t('dashboard.charts.visits'), min: 0, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        figure(t('dashboard.charts.median'), CHART_COLORS.median, (p) => p.median),
        figure(t('dashboard.charts.p90'), CHART_COLORS.p90, (p) => p.p90),
        {
          name: t('dashboard.charts.visits'),
          type: 'bar',
          color: CHART_COLORS.count,
          yAxisIndex: 1,
          barMaxWidth: 28,
          z: 1,
          tooltip: { valueFormatter: tooltipFormatter('count', context) },
          data: points.map((p) => (p.n > 0 ? p.n : null)),
        },
      ],
    },
    hits: [points.map(all), points.map(all), points.map(all)],
    empty: points.every((p) => p.n === 0),
    table: {
      columns: [
        t(byDepartment ? 'dashboard.table.department' : 'dashboard.table.bucket'),
        t('dashboard.table.visits'),
        t('dashboard.charts.median'),
        t('dashboard.charts.p90'),
        t('dashboard.table.overThreshold', { minutes: context.waitThresholdMinutes }),
      ],
      rows: points.map((p) => ({
        label: bucketLabel(series.groupBy, p.key, t, context.departmentNameOf),
        cells: [
          String(p.n),
          cellText(p.median, 'minutes', context),
          cellText(p.p90, 'minutes', context),
          p.overThreshold === null ? '—' : `${cellText(p.overThreshold, 'percent', context)} (${p.overThresholdCount})`,
        ],
        drills: tableDrills([all(p), seriesTarget(series, p.key, 'over_threshold', p.overThresholdCount)], t),
      })),
    },
  };
}
