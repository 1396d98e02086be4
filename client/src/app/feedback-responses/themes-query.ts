import type { ParamMap, Params } from '@angular/router';
import { COMMENT_SEARCH_MAX_LENGTH, COMMENT_THEME_KEY_PATTERN, THEME_TREND_GROUPINGS, addDays, type ThemeTrendGrouping } from '@huifang/shared';
import { calendarDayParam, positiveIntParam } from '../core/url-params';

/** What the Themes view shows, kept in the URL (`/feedback-responses/themes?groupBy=week&theme=waiting&q=排队`). */
export interface ThemesViewState {
  from: string;
  to: string;
  departmentId: number | null;
  groupBy: ThemeTrendGrouping;
  /** The theme whose comments are listed; null for none. */
  theme: string | null;
  /** The comment search; '' for none. */
  q: string;
}

/** A trend wants several periods: the default is about half a year, by month. */
export const THEMES_DEFAULT_DAYS = 182;

/** Comments listed under the chart (the first page of the feedback list). */
export const THEME_COMMENTS_PAGE_SIZE = 50;

export function defaultThemesState(today: string): ThemesViewState {
  return { from: addDays(today, -(THEMES_DEFAULT_DAYS - 1)), to: today, departmentId: null, groupBy: 'month', theme: null, q: '' };
}

/** Reads the URL; anything missing or malformed falls back to the default, a reversed period is put right. */
export function themesStateFromParams(params: ParamMap, today: string): ThemesViewState {
  const defaults = defaultThemesState(today);
  let from = calendarDayParam(params.get('from')) ?? defaults.from;
  let to = calendarDayParam(params.get('to')) ?? defaults.to;
  if (from > to) [from, to] = [to, from];
  const groupBy = params.get('groupBy');
  const theme = params.get('theme');
  return {
    from,
    to,
    departmentId: positiveIntParam(params.get('departmentId')),
    groupBy: (THEME_TREND_GROUPINGS as readonly string[]).includes(groupBy ?? '') ? (groupBy as ThemeTrendGrouping) : defaults.groupBy,
    theme: theme && COMMENT_THEME_KEY_PATTERN.test(theme) ? theme : null,
    q: [...(params.get('q') ?? '').trim()].slice(0, COMMENT_SEARCH_MAX_LENGTH).join(''),
  };
}

/** The URL's query params; defaults are left out. */
export function paramsFromThemesState(state: ThemesViewState, today: string): Params {
  const defaults = defaultThemesState(today);
  const samePeriod = state.from === defaults.from && state.to === defaults.to;
  return {
    from: samePeriod ? null : state.from,
    to: samePeriod ? null : state.to,
    departmentId: state.departmentId,
    groupBy: state.groupBy === defaults.groupBy ? null : state.groupBy,
    theme: state.theme,
    q: state.q || null,
  };
}

export function sameThemesState(a: ThemesViewState, b: ThemesViewState): boolean {
  return a.from === b.from && a.to === b.to && a.departmentId === b.departmentId && a.groupBy === b.groupBy && a.theme === b.theme && a.q === b.q;
}

/** The words to mark in a comment: its matched words for the chosen theme, and the words searched for. */
export function wordsToMark(themes: readonly { key: string; matched: string[] }[], theme: string | null, q: string): string[] {
  const matched = theme === null ? [] : (themes.find((t) => t.key === theme)?.matched ?? []);
  return [...matched, ...q.split(/\s+/).filter((word) => word.length > 0)];
}
