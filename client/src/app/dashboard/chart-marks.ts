import {
  type CalendarDay,
  type IndicatorGrouping,
  type IndicatorKey,
  type IndicatorTarget,
  type IndicatorUnit,
  addDays,
  indicatorDefinition,
  targetFor,
} from '@huifang/shared';
import type { ChartContext, ChartModel } from './chart-model';
import { type FigureUnit, formatFigure } from './figure-format';

/** An improvement action marked on a trend at its start date. */
export interface ActionMark {
  id: number;
  title: string;
  startDate: CalendarDay;
}

/** A target drawn across a trend at its value, on the chart's first value axis. */
export interface TargetMark {
  value: number;
  /** `Target ≤ 20.0 min`. */
  label: string;
}

export const MARK_COLORS = { action: '#5d4037', target: '#d81b60' } as const;

/**
 * The point whose bucket holds `day`: the same day, the ISO week starting on the point's Monday, or
 * the month; -1 when the trend has no such bucket (or is grouped by department: no time axis).
 */
export function bucketIndexOf(groupBy: IndicatorGrouping, keys: readonly string[], day: CalendarDay): number {
  switch (groupBy) {
    case 'day':
      return keys.indexOf(day);
    case 'week':
      return keys.findIndex((monday) => monday <= day && day < addDays(monday, 7));
    case 'month':
      return keys.indexOf(day.slice(0, 7));
    case 'department':
      return -1;
  }
}

/** Titles are typed by users and tooltips are HTML: shown as text, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The trend with its actions as dashed vertical lines at their start dates' buckets (a flag on top,
 * the titles on hover) and its targets as lines across, all on the first series (its value axis is
 * the indicator's). The marks answer no drill-down click; a chart by department gets no action lines.
 */
export function withMarks(
  model: ChartModel,
  groupBy: IndicatorGrouping,
  keys: readonly string[],
  actions: readonly ActionMark[],
  targets: readonly TargetMark[],
): ChartModel {
  const byBucket = new Map<number, ActionMark[]>();
  for (const action of actions) {
    const index = bucketIndexOf(groupBy, keys, action.startDate);
    if (index >= 0) byBucket.set(index, [...(byBucket.get(index) ?? []), action]);
  }
  if (byBucket.size === 0 && targets.length === 0) return model;
  const option = model.option as { series?: Record<string, unknown>[] };
  const [first, ...rest] = option.series ?? [];
  if (!first) return model;
  const data: object[] = [...byBucket.entries()].map(([index, marked]) => ({
    xAxis: index,
    name: marked.map((a) => `${a.startDate} ${a.title}`).join('\n'),
    lineStyle: { color: MARK_COLORS.action, type: 'dashed', width: 2 },
    label: { show: true, position: 'end', color: MARK_COLORS.action, formatter: () => (marked.length > 1 ? `⚑${marked.length}` : '⚑') },
  }));
  for (const target of targets) {
    data.push({
      yAxis: target.value,
      name: target.label,
      lineStyle: { color: MARK_COLORS.target, type: 'solid', width: 1.5 },
      label: { show: true, position: 'insideEndTop', color: MARK_COLORS.target, backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 3], formatter: () => target.label },
    });
  }
  const markLine = {
    symbol: 'none',
    silent: false,
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: { name?: string }) => escapeHtml(params.name ?? '').replace(/\n/g, '<br>'),
    },
    data,
  };
  return { ...model, option: { ...model.option, series: [{ ...first, markLine }, ...rest] } };
}

const FIGURE_UNITS: Readonly<Record<IndicatorUnit, FigureUnit | null>> = { minutes: 'minutes', percent: 'percent', nps: 'nps', rating: null };

/** `≤ 20.0 min`, `≥ 50.0`: a target as the dashboard writes its figures. */
export function targetComparison(target: Pick<IndicatorTarget, 'comparator' | 'value' | 'indicator'>, context: Pick<ChartContext, 'lang' | 't'>): string {
  const unit = FIGURE_UNITS[indicatorDefinition(target.indicator).unit];
  const value = unit ? formatFigure(target.value, unit, context.lang, context.t) : String(target.value);
  return `${target.comparator === 'at_most' ? '≤' : '≥'} ${value}`;
}

/** The target lines of a trend: each indicator's target for the department viewed (or the hospital's). */
export function targetMarks(
  targets: readonly IndicatorTarget[],
  indicators: readonly IndicatorKey[],
  departmentId: number | null,
  context: Pick<ChartContext, 'lang' | 't'>,
): TargetMark[] {
  return indicators.flatMap((indicator) => {
    const target = targetFor(targets, indicator, departmentId);
    if (!target) return [];
    const name = indicatorDefinition(indicator).label[context.lang];
    return [{ value: target.value, label: context.t('dashboard.target.line', { name, comparison: targetComparison(target, context) }) }];
  });
}
