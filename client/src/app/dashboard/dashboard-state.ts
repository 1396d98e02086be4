import type { ParamMap, Params } from '@angular/router';
import {
  type HeadlineName,
  type IndicatorGrouping,
  type IndicatorName,
  type IndicatorQuery,
  MAX_PERIOD_DAYS,
  type TrendGrouping,
  carriedGrouping,
  finestTrendGrouping,
  periodDays,
} from '@huifang/shared';
import { addDays, isCalendarDay } from '@huifang/shared';
import { calendarDayParam, positiveIntParam } from '../core/url-params';

/** The period presets of the dashboard; `custom` carries its own `from`/`to`. */
export const DASHBOARD_PERIODS = ['30d', 'quarter', 'year', 'custom'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export const DEFAULT_PERIOD = '30d' satisfies DashboardPeriod;

/**
 * What the dashboard shows, kept in the URL (`/dashboard?period=custom&from=2026-01-01&to=2026-03-31&departmentId=3`)
 * so a view can be shared. A preset stays relative ("the last 30 days" opened tomorrow moves on a day);
 * only a custom period writes its days.
 */
export interface DashboardState {
  period: DashboardPeriod;
  /** Inclusive calendar days in the hospital's time zone. */
  from: string;
  to: string;
  departmentId: number | null;
}

/**
 * The days of a preset, ending today (a hospital calendar day):
 * - `30d`: the last 30 days, today included;
 * - `quarter`: this calendar quarter so far (1 Jan, 1 Apr, 1 Jul or 1 Oct to today);
 * - `year`: the last 365 days, today included.
 */
export function presetRange(period: Exclude<DashboardPeriod, 'custom'>, today: string): { from: string; to: string } {
  switch (period) {
    case '30d':
      return { from: addDays(today, -29), to: today };
    case 'quarter': {
      const month = Number(today.slice(5, 7));
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: today };
    }
    case 'year':
      return { from: addDays(today, -364), to: today };
  }
}

export function defaultDashboardState(today: string): DashboardState {
  return { period: DEFAULT_PERIOD, ...presetRange(DEFAULT_PERIOD, today), departmentId: null };
}

/**
 * Reads the URL. `from`/`to` without a period mean a custom period; a custom period missing a valid
 * day, or an unknown period, falls back to the default. A reversed custom period is put right and one
 * longer than the API allows keeps its end and is cut to MAX_PERIOD_DAYS.
 */
export function dashboardStateFromParams(params: ParamMap, today: string): DashboardState {
  const departmentId = positiveIntParam(params.get('departmentId'));
  const period = params.get('period');
  const from = calendarDayParam(params.get('from'));
  const to = calendarDayParam(params.get('to'));
  if ((period === 'custom' || period === null) && from && to) {
    return { period: 'custom', ...customRange(from, to), departmentId };
  }
  if (period === '30d' || period === 'quarter' || period === 'year') {
    return { period, ...presetRange(period, today), departmentId };
  }
  return { ...defaultDashboardState(today), departmentId };
}

/** The URL's query params: the default period is left out so a plain `/dashboard` means the last 30 days. */
export function paramsFromDashboardState(state: DashboardState): Params {
  const custom = state.period === 'custom';
  return {
    period: state.period === DEFAULT_PERIOD ? null : state.period,
    from: custom ? state.from : null,
    to: custom ? state.to : null,
    departmentId: state.departmentId,
  };
}

/** A new preset (its days from today) or `custom` (keeping the days shown now, ready to edit). */
export function withPeriod(state: DashboardState, period: DashboardPeriod, today: string): DashboardState {
  return period === 'custom' ? { ...state, period } : { ...state, period, ...presetRange(period, today) };
}

/**
 * A new start or end of a custom period; the other end moves along when the period would run
 * backwards. An empty or invalid day, or the same day, changes nothing (null).
 */
export function withPeriodEnd(state: DashboardState, end: 'from' | 'to', value: string): DashboardState | null {
  if (!isCalendarDay(value) || (state.period === 'custom' && state[end] === value)) {
    return null;
  }
  const next = { ...state, period: 'custom' as const, [end]: value };
  if (next.from > next.to) {
    if (end === 'from') next.to = value;
    else next.from = value;
  }
  return { ...next, ...customRange(next.from, next.to) };
}

export function sameDashboardState(a: DashboardState, b: DashboardState): boolean {
  return a.period === b.period && a.from === b.from && a.to === b.to && a.departmentId === b.departmentId;
}

/** The API query of a state (series add their own `groupBy`). */
export function indicatorQuery(state: DashboardState, groupBy?: IndicatorGrouping): IndicatorQuery {
  const query: IndicatorQuery = { from: state.from, to: state.to };
  if (state.departmentId !== null) query.departmentId = state.departmentId;
  if (groupBy) query.groupBy = groupBy;
  return query;
}

/** The headline whose n an indicator's trend is drawn from (churn has none: its cohorts are monthly). */
export const TREND_SAMPLE_HEADLINE: Readonly<Record<Exclude<IndicatorName, 'churn'>, HeadlineName>> = {
  'wait-time': 'waitMedian',
  satisfaction: 'nps',
  'follow-up': 'callbackCompletion',
};

/**
 * The trend buckets of one indicator: churn always by month cohort (patients due back in a month;
 * daily cohorts are too small to read); the others by what their n over the period can carry
 * (shared `carriedGrouping`), or the finest the period shows when that n is not known.
 */
export function indicatorTrendGrouping(indicator: IndicatorName, state: Pick<DashboardState, 'from' | 'to'>, n: number | null): TrendGrouping {
  if (indicator === 'churn') return 'month';
  return n === null ? finestTrendGrouping(state.from, state.to) : carriedGrouping(state, n);
}

function customRange(from: string, to: string): { from: string; to: string } {
  const [first, last] = from <= to ? [from, to] : [to, from];
  return periodDays(first, last) > MAX_PERIOD_DAYS ? { from: addDays(last, -(MAX_PERIOD_DAYS - 1)), to: last } : { from: first, to: last };
}
