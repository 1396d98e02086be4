import {
  type CalendarDay,
  type HeadlineName,
  type ImprovementActionSummary,
  type IndicatorKey,
  type IndicatorName,
  addDays,
  parseIndicatorKey,
} from '@huifang/shared';
import type { DrillTarget } from '../dashboard/drill-down';

/*
 * Where the dashboard meets the improvement actions: which trend panel an indicator is charted on,
 * which headline shows it, and what an "act on this" from a panel or a drill-down prefills.
 */

/** The dashboard panel (trend chart) an indicator belongs to. */
export function panelOf(key: IndicatorKey): IndicatorName | null {
  const parsed = parseIndicatorKey(key);
  if (!parsed) return null;
  switch (parsed.base) {
    case 'wait_median':
    case 'wait_over_threshold':
      return 'wait-time';
    case 'nps':
    case 'csat':
    case 'dimension':
    case 'theme_share':
      return 'satisfaction';
    case 'churn_rate':
      return 'churn';
    case 'callback_completion':
      return 'follow-up';
  }
}

/** The indicator a panel's "act on this" proposes: the figure the panel leads with. */
export const PANEL_INDICATOR: Readonly<Record<IndicatorName, IndicatorKey>> = {
  'wait-time': 'wait_median',
  satisfaction: 'nps',
  churn: 'churn_rate',
  'follow-up': 'callback_completion',
};

/** The headlines that are an action's indicator, hence can carry a target. */
export const HEADLINE_INDICATOR: Readonly<Partial<Record<HeadlineName, IndicatorKey>>> = {
  waitMedian: 'wait_median',
  waitOverThreshold: 'wait_over_threshold',
  nps: 'nps',
  csat: 'csat',
  churnRate: 'churn_rate',
  callbackCompletion: 'callback_completion',
};

/**
 * The indicator behind the rows of a drill-down: the segment says which figure they make up
 * (over-threshold visits, low CSAT answers, detractors…); a lifecycle flow into `lapsed` is churn.
 * Null where no indicator matches (other flow links).
 */
export function drillIndicator(target: DrillTarget): IndicatorKey | null {
  if (target.kind === 'flow') return target.toStage === 'lapsed' ? 'churn_rate' : null;
  switch (target.indicator) {
    case 'wait-time':
      return target.segment === 'over_threshold' ? 'wait_over_threshold' : 'wait_median';
    case 'satisfaction':
      return target.segment === 'csat_low' ? 'csat' : 'nps';
    case 'churn':
      return 'churn_rate';
    case 'follow-up':
      return 'callback_completion';
  }
}

/** The department a drill-down's rows are of: a bar of a by-department chart names its own. */
export function drillDepartment(target: DrillTarget, shown: number | null): number | null {
  return target.kind === 'series' && target.groupBy === 'department' ? Number(target.key) : shown;
}

/** What "act on this" passes to the new action's form (in the URL, so the form can be bookmarked too). */
export interface ActionPrefill {
  indicator: IndicatorKey;
  departmentId: number | null;
  startDate: CalendarDay;
  /** The period the figure was read over, recorded in the description. */
  from: CalendarDay;
  to: CalendarDay;
}

/**
 * The prefill of an action opened from a figure of the period `from`–`to`. Its start date is today
 * when the period runs to today (the action starts when it is decided, and its baseline, the days
 * before it, is what was just read); for a past period it is the day after the period, so the
 * baseline ends with the figures that prompted it.
 */
export function actionPrefill(indicator: IndicatorKey, departmentId: number | null, period: { from: CalendarDay; to: CalendarDay }, today: CalendarDay): ActionPrefill {
  const startDate = period.to >= today ? today : addDays(period.to, 1);
  return { indicator, departmentId, startDate, from: period.from, to: period.to };
}

/** The new-action page's query params for a prefill. */
export function prefillParams(prefill: ActionPrefill): Record<string, string> {
  const params: Record<string, string> = { indicator: prefill.indicator, startDate: prefill.startDate, from: prefill.from, to: prefill.to };
  if (prefill.departmentId !== null) params['departmentId'] = String(prefill.departmentId);
  return params;
}

/**
 * The actions a trend chart marks: of the panel's indicators, for the department viewed or the whole
 * hospital (departmentId null), started within the period charted.
 */
export function actionsForChart<T extends Pick<ImprovementActionSummary, 'indicator' | 'departmentId' | 'startDate' | 'status'>>(
  actions: readonly T[],
  panel: IndicatorName,
  departmentId: number | null,
  period: { from: CalendarDay; to: CalendarDay },
): T[] {
  return actions.filter(
    (action) =>
      panelOf(action.indicator) === panel &&
      (action.departmentId === null || action.departmentId === departmentId) &&
      action.startDate >= period.from &&
      action.startDate <= period.to,
  );
}

/** The targets a panel's trend draws: those on its first value axis (waits over threshold are in the table only). */
export const PANEL_TARGET_INDICATORS: Readonly<Record<IndicatorName, readonly IndicatorKey[]>> = {
  'wait-time': ['wait_median'],
  satisfaction: ['nps', 'csat'],
  churn: ['churn_rate'],
  'follow-up': ['callback_completion'],
};
