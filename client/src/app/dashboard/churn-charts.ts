import { type ChurnPoint, type FollowUpPoint, type IndicatorSeries, wilsonInterval } from '@huifang/shared';
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

/** Churn rate per cohort (patients due back, plus grace, in the bucket); each bar says its cohort size. */
export function churnChart(series: IndicatorSeries<'churn'>, context: ChartContext): ChartModel {
  const { t } = context;
  const points = series.points;
  const lapsed = (p: ChurnPoint) => seriesTarget(series, p.key, 'lapsed', p.lapsed);
  return {
    option: {
      ...cartesianBase(points.map((p) => axisLabel(series.groupBy, p.key, context))),
      legend: { show: false },
      yAxis: { type: 'value', name: '%', min: 0, max: (extent: { max: number }) => Math.min(100, Math.ceil(extent.max / 10) * 10 || 10), axisLabel: { formatter: valueAxisLabel(context) } },
      series: [
        {
          name: t('dashboard.charts.churnRate'),
          type: 'bar',
          color: CHART_COLORS.churn,
          barMaxWidth: 36,
          // A rate is a share of its cohort: n and Wilson's 95% interval on hover.
          tooltip: {
            valueFormatter: tooltipFormatter('percent', context, (index) => {
              const p = points[index];
              return p ? { n: p.n, interval: wilsonInterval(p.lapsed, p.n) } : null;
            }),
          },
          label: {
            // Cohort sizes on the bars while they fit (months, departments); the table always has them.
            show: points.length <= 16,
            position: 'top',
            formatter: (params: { dataIndex: number }) => `n=${points[params.dataIndex].n}`,
          },
          data: points.map((p) => dataItem(p.churnRate, p.n)),
        },
      ],
    },
    hits: [points.map(lapsed)],
    empty: points.every((p) => p.n === 0),
    table: {
      columns: [
        t(series.groupBy === 'department' ? 'dashboard.table.department' : 'dashboard.table.cohort'),
        t('dashboard.table.cohortSize'),
        t('dashboard.segments.churn.lapsed'),
        t('dashboard.charts.churnRate'),
        t('dashboard.table.retention'),
      ],
      rows: points.map((p) => ({
        label: bucketLabel(series.groupBy, p.key, t, context.departmentNameOf),
        cells: [String(p.n), String(p.lapsed), cellText(p.churnRate, 'percent', context), cellText(p.retention, 'percent', context)],
        drills: tableDrills([lapsed(p), seriesTarget(series, p.key, 'retained', p.n - p.lapsed), seriesTarget(series, p.key, 'all', p.n)], t),
      })),
    },
  };
}

/** Callbacks due per bucket (bars) and the share completed (line). */
export function followUpChart(series: IndicatorSeries<'follow-up'>, context: ChartContext): ChartModel {
  const { t } = context;
  const points = series.points;
  const all = (p: FollowUpPoint) => seriesTarget(series, p.key, 'all', p.n);
  const completed = (p: FollowUpPoint) => seriesTarget(series, p.key, 'completed', p.completed);
  return {
    option: {
      ...cartesianBase(points.map((p) => axisLabel(series.groupBy, p.key, context))),
      yAxis: [
        { type: 'value', name: '%', min: 0, max: 100, axisLabel: { formatter: valueAxisLabel(context) } },
        { type: 'value', name: t('dashboard.charts.due'), min: 0, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('dashboard.charts.completion'),
          type: 'line',
          color: CHART_COLORS.completion,
          yAxisIndex: 0,
          connectNulls: false,
          showSymbol: true,
          symbolSize: 7,
          z: 3,
          tooltip: {
            valueFormatter: tooltipFormatter('percent', context, (index) => {
              const p = points[index];
              return p ? { n: p.n, interval: wilsonInterval(p.completed, p.n) } : null;
            }),
          },
          data: points.map((p) => dataItem(p.completionRate, p.n)),
        },
        {
          name: t('dashboard.charts.due'),
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
    hits: [points.map(completed), points.map(all)],
    empty: points.every((p) => p.n === 0),
    table: {
      columns: [
        t(series.groupBy === 'department' ? 'dashboard.table.department' : 'dashboard.table.bucket'),
        t('dashboard.charts.due'),
        t('dashboard.charts.completion'),
        t('dashboard.table.reachedRate'),
        t('dashboard.table.medianHours'),
      ],
      rows: points.map((p) => ({
        label: bucketLabel(series.groupBy, p.key, t, context.departmentNameOf),
        cells: [
          String(p.n),
          cellText(p.completionRate, 'percent', context),
          cellText(p.reachedRate, 'percent', context),
          cellText(p.medianHoursToComplete, 'hours', context),
        ],
        drills: tableDrills(
          [all(p), completed(p), seriesTarget(series, p.key, 'open', p.n - p.completed - p.failed), seriesTarget(series, p.key, 'failed', p.failed)],
          t,
        ),
      })),
    },
  };
}
