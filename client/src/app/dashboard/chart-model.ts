import type { EChartsCoreOption } from 'echarts/core';
import { type DrillDownSegment, type IndicatorGrouping, type IndicatorSeries, SMALL_SAMPLE_N } from '@huifang/shared';
import type { Lang } from '../i18n/language';
import type { DrillTarget } from './drill-down';
import { type FigureUnit, type Translate, formatDecimal, formatFigure } from './figure-format';

/** A drill-down button of one table row: what it lists and how many. */
export interface TableDrill {
  label: string;
  target: DrillTarget;
}

export interface ChartTableRow {
  label: string;
  /** One text per column after the first; `—` for no data. */
  cells: string[];
  drills: TableDrill[];
}

/** The chart's figures as a table ("view as table"): for screen readers, and a click target per row. */
export interface ChartTable {
  columns: string[];
  rows: ChartTableRow[];
}

export interface ChartModel {
  option: EChartsCoreOption;
  /** What a click on data item `hits[seriesIndex][dataIndex]` opens; null for nothing. */
  hits: (DrillTarget | null)[][];
  /** Every bucket is empty: the panel says "no data" instead of drawing axes. */
  empty: boolean;
  table: ChartTable;
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

/** Tooltip text of one value: the figure, or "no data" for a gap. */
export function tooltipFormatter(unit: FigureUnit, context: ChartContext): (value: unknown) => string {
  const noData = context.t('dashboard.noData');
  return (value) => {
    const number = typeof value === 'number' ? value : Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
    return number === null ? noData : formatFigure(number, unit, context.lang, context.t);
  };
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
