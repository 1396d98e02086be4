import type {
  DrillDownQuery,
  DrillDownSegment,
  DrillDownSort,
  FlowTarget,
  IndicatorGrouping,
  IndicatorName,
  IndicatorQuery,
  LifecycleStage,
} from '@huifang/shared';
import type { Translate } from './figure-format';

/** What a click on a chart element (or its row in the table view) lists. */
export type DrillTarget =
  | {
      kind: 'series';
      indicator: IndicatorName;
      groupBy: IndicatorGrouping;
      /** The point's key: a day, the Monday of a week, a month, or a department id. */
      key: string;
      segment: DrillDownSegment;
      /** How many rows the chart counted, for the title. */
      count: number;
      /** The survey template a satisfaction chart was narrowed to, else null. */
      templateId: number | null;
    }
  | { kind: 'flow'; fromStage: LifecycleStage; toStage: FlowTarget; count: number };

export interface DrillContext {
  /** The department filter's name, or null for every department. */
  departmentName: string | null;
  /** Department names by id, for points grouped by department. */
  departmentNameOf: (id: number) => string;
  from: string;
  to: string;
}

/** A point's label on an axis and in titles: `2026-03-05`, `Week of 2026-03-02`, `2026-03`, `骨科`. */
export function bucketLabel(
  groupBy: IndicatorGrouping,
  key: string,
  t: Translate,
  departmentNameOf: (id: number) => string,
): string {
  switch (groupBy) {
    case 'week':
      return t('dashboard.buckets.week', { day: key });
    case 'department':
      return departmentNameOf(Number(key));
    default:
      return key;
  }
}

/**
 * The drill-down title: department · bucket · what · count, e.g. `骨科 · 2026-03 · 已流失 · 37`.
 * The department is the filter's (left out for all departments) or the point's own when grouped by
 * department; a flow link names its period and its two stages.
 */
export function drillTitle(target: DrillTarget, context: DrillContext, t: Translate): string {
  const parts: string[] = [];
  if (target.kind === 'flow') {
    if (context.departmentName) parts.push(context.departmentName);
    parts.push(t('dashboard.period.range', { from: context.from, to: context.to }));
    parts.push(`${t(`stages.${target.fromStage}`)} → ${flowTargetLabel(target.toStage, t)}`);
  } else {
    if (target.groupBy === 'department') {
      parts.push(bucketLabel('department', target.key, t, context.departmentNameOf));
      parts.push(t('dashboard.period.range', { from: context.from, to: context.to }));
    } else {
      if (context.departmentName) parts.push(context.departmentName);
      parts.push(bucketLabel(target.groupBy, target.key, t, context.departmentNameOf));
    }
    parts.push(t(`dashboard.segments.${target.indicator}.${target.segment}`));
  }
  parts.push(String(target.count));
  return parts.join(' · ');
}

export function flowTargetLabel(target: FlowTarget, t: Translate): string {
  return target === 'lapsed' ? t('statuses.lapsed') : t(`stages.${target}`);
}

/** `wait-time-over_threshold-2026-03-05_2026-03-01_2026-03-31.csv`, `lifecycle-flow-first_visit-lapsed_…`. */
export function drillCsvFileName(target: DrillTarget, from: string, to: string): string {
  const what =
    target.kind === 'flow'
      ? `lifecycle-flow-${target.fromStage}-${target.toStage}`
      : `${target.indicator}-${target.segment}-${target.key}`;
  return `${what}_${from}_${to}.csv`;
}

/** Which rows a target lists and in which order, without the page: the same for a page and for the CSV. */
export type DrillFilter =
  | { kind: 'series'; indicator: IndicatorName; query: Omit<DrillDownQuery, 'page' | 'pageSize'> }
  | { kind: 'flow'; query: Omit<IndicatorQuery, 'groupBy'> & { fromStage: LifecycleStage; toStage: FlowTarget; sort: DrillDownSort } };

export function drillFilter(target: DrillTarget, period: IndicatorQuery, sort: DrillDownSort): DrillFilter {
  if (target.kind === 'flow') {
    return { kind: 'flow', query: { ...period, fromStage: target.fromStage, toStage: target.toStage, sort } };
  }
  return {
    kind: 'series',
    indicator: target.indicator,
    query: {
      ...period,
      groupBy: target.groupBy,
      key: target.key,
      segment: target.segment,
      ...(target.templateId === null ? {} : { templateId: target.templateId }),
      sort,
    },
  };
}
