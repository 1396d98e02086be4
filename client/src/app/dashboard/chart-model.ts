import type { EChartsCoreOption } from 'echarts/core';
import {
  type ConfidenceInterval,
  type DrillDownSegment,
  type IndicatorGrouping,
  type IndicatorSeries,
  SMALL_SAMPLE_N,
} from '@huifang/shared';
import type { Lang } from '../i18n/language';
import type { DrillTarget } from './drill-down';
import { type FigureUnit, type Translate, formatDecimal, formatFigure } from './figure-format';

/** A drill-down button of one table row: what it lists and how many. */
export interface TableDrill<T = DrillTarget> {
  label: string;
  target: T;
}

export interface ChartTableRow<T = DrillTarget> {
  label: string;
  /** One text per column after the first; `—` for no data. */
  cells: string[];
  drills: TableDrill<T>[];
}

/** The chart's figures as a table ("view as table"): for screen readers, and a click target per row. */
export interface ChartTable<T = DrillTarget> {
  columns: string[];
  rows: ChartTableRow<T>[];
}

/** `T`: what a click opens (the dashboard's drill-down by default; the drivers panel opens Feedback responses). */
export interface ChartModel<T = DrillTarget> {
  option: EChartsCoreOption;
  /** What a click on data item `hits[seriesIndex][dataIndex]` opens; null for nothing. */
  hits: (T | null)[][];
  /** Every bucket is empty: the panel says "no data" instead of drawing axes. */
  empty: boolean;
  table: ChartTable<T>;
}

export interface ChartContext {
  lang: Lang;
  t: Translate;
  departmentNameOf: (id: number) => string;
  /** The hospital's wait threshold (settings), which the "over threshold" figures count against. */
  waitThresholdMinutes: number;
}

export const CHART_COLORS = {
  median: '#1565c0',
  p90: '#ef6c00',
  count: '#cfd8dc',
  nps: '#6a1b9a',
  csat: '#00897b',
  churn: '#c62828',
  completion: '#2e7d32',
  dimension: '#3949ab',
} as const;

/** A sample this small is drawn faded: there, but not to be read as a confident figure. */
export const SMALL_SAMPLE_OPACITY = 0.4;

/** One data item: null (a gap, never 0) for no data, faded for a small sample. */
export function dataItem(value: number | null, n: number): number | null | { value: number; itemStyle: { opacity: number } } {
  if (value === null || n === 0) return null;
  return n < SMALL_SAMPLE_N ? { value, itemStyle: { opacity: SMALL_SAMPLE_OPACITY } } : value;
}

/** The category of a point on the x axis: `03-05` for days and weeks, `2026-03` for months, a department's name. */
export function axisLabel(groupBy: IndicatorGrouping, key: string, context: ChartContext): string {
  switch (groupBy) {
    case 'day':
    case 'week':
      return key.slice(5);
    case 'month':
      return key;
    case 'department':
      return context.departmentNameOf(Number(key));
  }
}

/** A figure for tables and tooltips, `—` for no data. */
export function cellText(value: number | null, unit: FigureUnit, context: ChartContext): string {
  return value === null ? '—' : formatFigure(value, unit, context.lang, context.t);
}

/** The sample behind one point of a figure: its n, and its 95% interval when the figure has one. */
export interface PointSample {
  n: number;
  interval?: ConfidenceInterval | null;
}

/**
 * Tooltip text of one value: the figure, or "no data" for a gap. With the points' samples, the
 * figure says its n, its 95% interval, and that it is a small sample below SMALL_SAMPLE_N, so a
 * swing on three answers reads as what it is. ECharts passes the point's index after the value.
 */
export function tooltipFormatter(
  unit: FigureUnit,
  context: ChartContext,
  sampleOf?: (dataIndex: number) => PointSample | null,
): (value: unknown, dataIndex?: number) => string {
  const noData = context.t('dashboard.noData');
  return (value, dataIndex) => {
    const number = typeof value === 'number' ? value : Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
    if (number === null) return noData;
    const figure = formatFigure(number, unit, context.lang, context.t);
    const sample = sampleOf && dataIndex !== undefined ? sampleOf(dataIndex) : null;
    return sample ? `${figure} (${sampleText(sample, unit, context)})` : figure;
  };
}

/** `n = 3, 95% CI -45.3 to 85.3, small sample`. */
export function sampleText(sample: PointSample, unit: FigureUnit, context: ChartContext): string {
  const { t } = context;
  const parts = [t('dashboard.tooltip.n', { n: sample.n })];
  if (sample.interval) {
    const bound = (value: number) => formatFigure(value, unit, context.lang, t);
    parts.push(t('dashboard.tooltip.interval', { low: bound(sample.interval.low), high: bound(sample.interval.high) }));
  }
  if (sample.n < SMALL_SAMPLE_N) parts.push(t('dashboard.tooltip.smallSample'));
  return parts.join(t('dashboard.tooltip.separator'));
}

/**
 * A shaded 95% band around a line: two stacked series (the low bound, invisible, and the band's
 * height on top of it). They come after the chart's own series, so hits by series index stay the same;
 * they answer no clicks and show no tooltip.
 */
export function intervalBand(name: string, color: string, intervals: (ConfidenceInterval | null)[]): object[] {
  const stack = `band:${name}`;
  const common = {
    type: 'line',
    stack,
    // Stack negative and positive bounds alike (the default stacks each sign apart).
    stackStrategy: 'all',
    yAxisIndex: 0,
    symbol: 'none',
    silent: true,
    connectNulls: false,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
    z: 0,
  };
  return [
    { ...common, name: `${name}:low`, data: intervals.map((i) => (i ? i.low : null)) },
    { ...common, name: `${name}:band`, areaStyle: { color, opacity: 0.15 }, data: intervals.map((i) => (i ? Math.round((i.high - i.low) * 10) / 10 : null)) },
  ];
}

/** Axis labels of a value axis: plain numbers, one decimal at most. */
export function valueAxisLabel(context: ChartContext): (value: number) => string {
  return (value) => (Number.isInteger(value) ? String(value) : formatDecimal(value, context.lang));
}

/** The common frame of the cartesian charts. */
export function cartesianBase(categories: string[]): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 48, right: 56, top: 40, bottom: 32, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: categories, axisTick: { alignWithLabel: true } },
  };
}

/** The rows behind `count` of a point and segment; null when there are none to list. */
export function seriesTarget(
  series: Pick<IndicatorSeries, 'indicator' | 'groupBy' | 'templateId'>,
  key: string,
  segment: DrillDownSegment,
  count: number,
): DrillTarget | null {
  return count > 0
    ? { kind: 'series', indicator: series.indicator, groupBy: series.groupBy, key, segment, count, templateId: series.templateId }
    : null;
}

/** Table buttons for the targets that have rows, labelled by segment. */
export function tableDrills(targets: (DrillTarget | null)[], t: Translate): TableDrill[] {
  return targets
    .filter((target): target is DrillTarget => target !== null)
    .map((target) => ({
      label:
        target.kind === 'series'
          ? t('dashboard.table.drill', { what: t(`dashboard.segments.${target.indicator}.${target.segment}`), count: target.count })
          : t('dashboard.table.drill', { what: t('dashboard.table.patients'), count: target.count }),
      target,
    }));
}
