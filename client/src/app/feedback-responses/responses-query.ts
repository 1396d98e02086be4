import type { ParamMap, Params } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type DriverResponseFilter, MAX_PAGE_SIZE, SURVEY_RESPONSE_SORT_KEYS, type SurveyResponseQuery } from '@huifang/shared';
import { addDays, isCalendarDay } from '@huifang/shared';
import { sortFromParam } from '../core/list-sort';
import { calendarDayParam, positiveIntParam } from '../core/url-params';
import { driverCellFromParams, sameDriverCell } from './driver-cell-params';

/** What the feedback list shows, kept in the URL (`/feedback-responses?templateId=1&npsDetractorsOnly=true&page=2`). */
export interface ResponsesListState {
  /** Calendar days, inclusive, in the hospital's time zone. */
  from: string;
  to: string;
  departmentId: number | null;
  /** Responses to any version of one survey template. */
  templateId: number | null;
  /** NPS 0-6, as the NPS figure counts detractors. */
  npsDetractorsOnly: boolean;
  /** Responses that opened service recovery (any low answer). */
  needsRecoveryOnly: boolean;
  hasComment: boolean;
  /** The dashboard's drivers cell the list was opened for (NPS band, wait band, theme). */
  driverCell: DriverResponseFilter;
  /** A column of SURVEY_RESPONSE_SORT_KEYS (`-` first: descending); null for newest first. */
  sort: string | null;
  page: number;
  pageSize: number;
}

export const RESPONSES_PAGE_SIZES = [10, 20, 50, 100] as const;

/** The default period: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

export function defaultPeriod(today: string): Pick<ResponsesListState, 'from' | 'to'> {
  return { from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today };
}

export function defaultResponsesState(today: string): ResponsesListState {
  return {
    ...defaultPeriod(today),
    departmentId: null,
    templateId: null,
    npsDetractorsOnly: false,
    needsRecoveryOnly: false,
    hasComment: false,
    driverCell: {},
    sort: null,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  };
}

/** Reads the URL; anything missing or malformed falls back to the default, a reversed period is put right. */
export function responsesStateFromParams(params: ParamMap, today: string): ResponsesListState {
  const period = defaultPeriod(today);
  let from = calendarDayParam(params.get('from')) ?? period.from;
  let to = calendarDayParam(params.get('to')) ?? period.to;
  if (from > to) {
    [from, to] = [to, from];
  }
  return {
    from,
    to,
    departmentId: positiveIntParam(params.get('departmentId')),
    templateId: positiveIntParam(params.get('templateId')),
    npsDetractorsOnly: params.get('npsDetractorsOnly') === 'true',
    needsRecoveryOnly: params.get('needsRecoveryOnly') === 'true',
    hasComment: params.get('hasComment') === 'true',
    driverCell: driverCellFromParams(params),
    sort: sortFromParam(params.get('sort'), SURVEY_RESPONSE_SORT_KEYS),
    page: positiveIntParam(params.get('page')) ?? 1,
    pageSize: Math.min(positiveIntParam(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

/** The URL's query params; defaults are left out so a plain `/feedback-responses` means "the last 30 days". */
export function paramsFromResponsesState(state: ResponsesListState, today: string): Params {
  const period = defaultPeriod(today);
  const samePeriod = state.from === period.from && state.to === period.to;
  return {
    from: samePeriod ? null : state.from,
    to: samePeriod ? null : state.to,
    departmentId: state.departmentId,
    templateId: state.templateId,
    npsDetractorsOnly: state.npsDetractorsOnly ? 'true' : null,
    needsRecoveryOnly: state.needsRecoveryOnly ? 'true' : null,
    hasComment: state.hasComment ? 'true' : null,
    npsBand: state.driverCell.npsBand ?? null,
    waitBand: state.driverCell.waitBand ?? null,
    themeId: state.driverCell.themeId ?? null,
    sort: state.sort,
    page: state.page > 1 ? state.page : null,
    pageSize: state.pageSize !== DEFAULT_PAGE_SIZE ? state.pageSize : null,
  };
}

/** The API query for a state. */
export function queryFromResponsesState(state: ResponsesListState): SurveyResponseQuery {
  const query: SurveyResponseQuery = { from: state.from, to: state.to, page: state.page, pageSize: state.pageSize };
  if (state.departmentId !== null) query.departmentId = state.departmentId;
  if (state.templateId !== null) query.templateId = state.templateId;
  if (state.npsDetractorsOnly) query.npsDetractorsOnly = true;
  if (state.needsRecoveryOnly) query.needsRecoveryOnly = true;
  if (state.hasComment) query.hasComment = true;
  Object.assign(query, state.driverCell);
  if (state.sort) query.sort = state.sort;
  return query;
}

/**
 * A new start or end of the period; the other end moves along when the period would run backwards.
 * An empty or invalid day changes nothing.
 */
export function withPeriodEnd(
  state: ResponsesListState,
  end: 'from' | 'to',
  value: string,
): ResponsesListState | null {
  if (!isCalendarDay(value) || state[end] === value) {
    return null;
  }
  const next = { ...state, [end]: value, page: 1 };
  if (next.from > next.to) {
    if (end === 'from') next.to = value;
    else next.from = value;
  }
  return next;
}

export function sameResponsesState(a: ResponsesListState, b: ResponsesListState): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.departmentId === b.departmentId &&
    a.templateId === b.templateId &&
    a.npsDetractorsOnly === b.npsDetractorsOnly &&
    a.needsRecoveryOnly === b.needsRecoveryOnly &&
    a.hasComment === b.hasComment &&
    sameDriverCell(a.driverCell, b.driverCell) &&
    a.sort === b.sort &&
    a.page === b.page &&
    a.pageSize === b.pageSize
  );
}
