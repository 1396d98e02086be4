import type { ParamMap, Params } from '@angular/router';
import {
  type DashboardPeriod,
  type DashboardState,
  dashboardStateFromParams,
  paramsFromDashboardState,
  presetRange,
} from '../dashboard/dashboard-state';

/**
 * What the relationship view shows, in the URL like the dashboard's filters
 * (`/relationship?period=custom&from=2026-01-01&to=2026-06-30&departmentId=3&month=2026-04`): the
 * period whose months the migration and the equity trend cover, the department, and the month whose
 * migration the heatmap shows. Its default period is the last 12 months (a trend needs months).
 */
export interface RelationshipState extends DashboardState {
  /** `YYYY-MM`; null: the period's last month. */
  month: string | null;
}

export const RELATIONSHIP_DEFAULT_PERIOD = 'year' satisfies DashboardPeriod;

export function relationshipStateFromParams(params: ParamMap, today: string): RelationshipState {
  const month = params.get('month');
  const base: DashboardState =
    params.get('period') === null && !(params.get('from') && params.get('to'))
      ? { period: RELATIONSHIP_DEFAULT_PERIOD, ...presetRange(RELATIONSHIP_DEFAULT_PERIOD, today), departmentId: dashboardStateFromParams(params, today).departmentId }
      : dashboardStateFromParams(params, today);
  return { ...base, month: month !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null };
}

/** The default period is left out (a plain `/relationship` is the last 12 months); the dashboard's default is then written. */
export function paramsFromRelationshipState(state: RelationshipState): Params {
  return {
    ...paramsFromDashboardState(state),
    period: state.period === RELATIONSHIP_DEFAULT_PERIOD ? null : state.period,
    month: state.month,
  };
}

export function sameRelationshipState(a: RelationshipState, b: RelationshipState): boolean {
  return a.period === b.period && a.from === b.from && a.to === b.to && a.departmentId === b.departmentId && a.month === b.month;
}

/** The month the heatmap shows: the one chosen when the period has it, else the period's last. */
export function shownMonth(state: RelationshipState, months: readonly string[]): string | null {
  return state.month !== null && months.includes(state.month) ? state.month : (months.at(-1) ?? null);
}
