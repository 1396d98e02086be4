import { type IndicatorSeries, type SatisfactionPoint, npsInterval, wilsonInterval } from '@huifang/shared';
import {
  CHART_COLORS,
  type ChartContext,
  type ChartModel,
  axisLabel,
  cartesianBase,
  cellText,
  dataItem,
  intervalBand,
  type PointSample,
  seriesTarget,
  tableDrills,
  tooltipFormatter,
  valueAxisLabel,
} from './chart-model';
import { bucketLabel } from './drill-down';
import { formatFigure } from './figure-format';

/** NPS's 95% interval from its promoters, passives and detractors (the score-variance rule in shared). */
const npsSample = (p: SatisfactionPoint): PointSample => ({ n: p.nps.n, interval: npsInterval(p.nps) });

/** CSAT is a share (answers 4-5 of all): Wilson's interval, from its n and its top-2-box %. */
const csatSample = (p: SatisfactionPoint): PointSample => ({
  n: p.csat.n,
  interval: p.csat.value === null ? null : wilsonInterval(Math.round((p.csat.value * p.csat.n) / 100), p.csat.n),
});

/**
 * NPS and CSAT (top-2-box %) per bucket on one -100..100 axis, responses as light bars on a second
 * axis. NPS carries its 95% band and every figure its n on hover: small samples are faded.
 */
export function satisfactionChart(series: IndicatorSeries<'satisfaction'>, context: ChartContext): ChartModel {
  const { t } = context;
  const points = series.points;
  const all = (p: SatisfactionPoint) => seriesTarget(series, p.key, 'all', p.n);
  const line = (
    name: string,
    color: string,
    unit: 'nps' | 'percent',
    pick: (p: SatisfactionPoint) => { value: number | null; n: number },
    sample: (p: SatisfactionPoint) => PointSample,
  ) => ({
    name,
    type: 'line',
    color,
    yAxisIndex: 0,
    connectNulls: false,
    showSymbol: true,
    symbolSize: 7,
    tooltip: { valueFormatter: tooltipFormatter(unit, context, (index) => (points[index] ? sample(points[index]) : null)) },
    data: points.map((p) => dataItem(pick(p).value, pick(p).n)),
  });
  const names = [t('dashboard.charts.nps'), t('dashboard.charts.csat'), t('dashboard.charts.responses')];
  const base = cartesianBase(points.map((p) => axisLabel(series.groupBy, p.key, context)));
  return {
    option: {
      ...base,
      // The band's two series stay out of the legend.
      legend: { ...(base['legend'] as object), data: names },
      yAxis: [
        { type: 'value', min: -100, max: 100, axisLabel: { formatter: valueAxisLabel(context) } },
        { type: 'value', name: t('dashboard.charts.responses'), min: 0, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        line(names[0], CHART_COLORS.nps, 'nps', (p) => p.nps, npsSample),
        line(names[1], CHART_COLORS.csat, 'percent', (p) => p.csat, csatSample),
        {
          name: t('dashboard.charts.responses'),
          type: 'bar',
          color: CHART_COLORS.count,
          yAxisIndex: 1,
          barMaxWidth: 28,
          z: 1,
          tooltip: { valueFormatter: tooltipFormatter('count', context) },
          data: points.map((p) => (p.n > 0 ? p.n : null)),
        },
        ...intervalBand(names[0], CHART_COLORS.nps, points.map((p) => npsInterval(p.nps))),
      ],
    },
    hits: [points.map(all), points.map(all), points.map(all)],
    empty: points.every((p) => p.n === 0),
    table: {
      columns: [
        t(series.groupBy === 'department' ? 'dashboard.table.department' : 'dashboard.table.bucket'),
        t('dashboard.charts.responses'),
        t('dashboard.table.responseRate'),
        t('dashboard.charts.nps'),
        t('dashboard.table.npsInterval'),
        t('dashboard.charts.csat'),
      ],
      rows: points.map((p) => ({
        label: bucketLabel(series.groupBy, p.key, t, context.departmentNameOf),
        cells: [
          `${p.answered} / ${p.invitations}`,
          cellText(p.responseRate, 'percent', context),
          cellText(p.nps.value, 'nps', context),
          intervalText(npsSample(p), context),
          cellText(p.csat.value, 'percent', context),
        ],
        drills: tableDrills(
          [all(p), seriesTarget(series, p.key, 'detractors', p.nps.detractors), seriesTarget(series, p.key, 'promoters', p.nps.promoters)],
          t,
        ),
      })),
    },
  };
}

/** `-45.3 – 85.3 (n = 3)` for the table, `—` for no data. */
function intervalText(sample: PointSample, context: ChartContext): string {
  if (!sample.interval) return '—';
  const bound = (value: number) => cellText(value, 'nps', context);
  return context.t('dashboard.table.intervalCell', { low: bound(sample.interval.low), high: bound(sample.interval.high), n: sample.n });
}

export interface DimensionTotal {
  dimension: string;
  /** Top-2-box %, one decimal. */
  value: number | null;
  mean: number | null;
  n: number;
}

/**
 * Each dimension over the whole period, from the buckets: the n-weighted mean of the buckets'
 * top-2-box shares and means is the period's share and mean (each bucket's figure is over its n).
 * Sorted worst first (no data last), so what drags satisfaction down is on top.
 */
export function dimensionTotals(points: readonly SatisfactionPoint[]): DimensionTotal[] {
  const sums = new Map<string, { value: number; mean: number; n: number; valueN: number; meanN: number }>();
  for (const point of points) {
    for (const d of point.dimensions) {
      const sum = sums.get(d.dimension) ?? { value: 0, mean: 0, n: 0, valueN: 0, meanN: 0 };
      sum.n += d.n;
      if (d.value !== null) {
        sum.value += d.value * d.n;
        sum.valueN += d.n;
      }
      if (d.mean !== null) {
        sum.mean += d.mean * d.n;
        sum.meanN += d.n;
      }
      sums.set(d.dimension, sum);
    }
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return [...sums.entries()]
    .map(([dimension, s]) => ({
      dimension,
      n: s.n,
      value: s.valueN > 0 ? round1(s.value / s.valueN) : null,
      mean: s.meanN > 0 ? Math.round((s.mean / s.meanN) * 100) / 100 : null,
    }))
    .sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity) || a.dimension.localeCompare(b.dimension));
}

/** A dimension's name in the UI language (the root `dimensions.*`), or its code when it has none. */
export function dimensionLabel(dimension: string, context: ChartContext): string {
  const key = `dimensions.${dimension}`;
  const label = context.t(key);
  return label && label !== key ? label : dimension;
}

/** Horizontal bars of top-2-box % by dimension, worst on top, each labelled with its n. */
export function dimensionChart(series: IndicatorSeries<'satisfaction'>, context: ChartContext): ChartModel {
  const { t } = context;
  const totals = dimensionTotals(series.points);
  return {
    option: {
      animation: false,
      grid: { left: 8, right: 96, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: totals.map((d) => dimensionLabel(d.dimension, context)) },
      series: [
        {
          name: t('dashboard.charts.topTwoBox'),
          type: 'bar',
          color: CHART_COLORS.dimension,
          barMaxWidth: 22,
          tooltip: { valueFormatter: tooltipFormatter('percent', context) },
          label: {
            show: true,
            position: 'right',
            formatter: (params: { dataIndex: number }) => {
              const d = totals[params.dataIndex];
              return d.value === null ? t('dashboard.noData') : `${formatFigure(d.value, 'percent', context.lang, t)} (n=${d.n})`;
            },
          },
          data: totals.map((d) => dataItem(d.value, d.n)),
        },
      ],
    },
    // The API lists responses by NPS / CSAT segment, not by dimension: no drill-down from here.
    hits: [totals.map(() => null)],
    empty: totals.every((d) => d.n === 0),
    table: {
      columns: [t('dashboard.table.dimension'), t('dashboard.table.n'), t('dashboard.charts.topTwoBox'), t('dashboard.table.mean')],
      rows: totals.map((d) => ({
        label: dimensionLabel(d.dimension, context),
        cells: [String(d.n), cellText(d.value, 'percent', context), d.mean === null ? '—' : d.mean.toFixed(2)],
        drills: [],
      })),
    },
  };
}
