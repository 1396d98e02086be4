import type { ParamMap, Params } from '@angular/router';
import {
  CALLBACK_KINDS,
  CALLBACK_SORT_KEYS,
  CALLBACK_VIEWS,
  type CallbackKind,
  type CallbackQuery,
  type CallbackView,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  VALUE_TIERS,
  type ValueTier,
} from '@huifang/shared';
import { sortFromParam } from '../core/list-sort';
import { positiveIntParam } from '../core/url-params';

/** What the queue shows, kept in the URL (`/callbacks?view=today&kind=service_recovery&valueTier=high&departmentId=2`). */
export interface QueueState {
  view: CallbackView;
  kind: CallbackKind | null;
  /** Only patients of this value tier (relationship phases): the desk calls the most valuable first. */
  valueTier: ValueTier | null;
  departmentId: number | null;
  /** A column of CALLBACK_SORT_KEYS (`-` first: descending); null for priority, then due time. */
  sort: string | null;
  page: number;
  pageSize: number;
}

/** Overdue calls come first: the first tab, and the view a plain `/callbacks` opens. */
export const DEFAULT_VIEW: CallbackView = 'overdue';

export const QUEUE_PAGE_SIZE_OPTIONS = [10, 20, 50, 100] as const;

export const DEFAULT_QUEUE_STATE: QueueState = {
  view: DEFAULT_VIEW,
  kind: null,
  valueTier: null,
  departmentId: null,
  sort: null,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

/**
 * Reads the URL's query params; anything unknown or malformed falls back to the default, and so does
 * a kind the user's role does not work (`kinds`).
 */
export function queueStateFromParams(params: ParamMap, kinds: readonly CallbackKind[] = CALLBACK_KINDS): QueueState {
  const view = params.get('view');
  const kind = params.get('kind');
  const valueTier = params.get('valueTier');
  return {
    view: (CALLBACK_VIEWS as readonly string[]).includes(view ?? '') ? (view as CallbackView) : DEFAULT_VIEW,
    kind: (kinds as readonly string[]).includes(kind ?? '') ? (kind as CallbackKind) : null,
    valueTier: (VALUE_TIERS as readonly string[]).includes(valueTier ?? '') ? (valueTier as ValueTier) : null,
    departmentId: positiveIntParam(params.get('departmentId')),
    sort: sortFromParam(params.get('sort'), CALLBACK_SORT_KEYS),
    page: positiveIntParam(params.get('page')) ?? 1,
    pageSize: Math.min(positiveIntParam(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

/** The query params for a state; defaults are left out so a plain `/callbacks` stays plain. */
export function paramsFromQueueState(state: QueueState): Params {
  return {
    view: state.view !== DEFAULT_VIEW ? state.view : null,
    kind: state.kind,
    valueTier: state.valueTier,
    departmentId: state.departmentId,
    sort: state.sort,
    page: state.page > 1 ? state.page : null,
    pageSize: state.pageSize !== DEFAULT_PAGE_SIZE ? state.pageSize : null,
  };
}

/** The list request for a state. */
export function listQuery(state: QueueState): CallbackQuery {
  const query: CallbackQuery = { view: state.view, ...countsQuery(state), page: state.page, pageSize: state.pageSize };
  if (state.sort) query.sort = state.sort;
  return query;
}

/** The counts request: the same filters, every view. */
export function countsQuery(state: QueueState): Pick<CallbackQuery, 'kind' | 'valueTier' | 'departmentId'> {
  const query: Pick<CallbackQuery, 'kind' | 'valueTier' | 'departmentId'> = {};
  if (state.kind) query.kind = state.kind;
  if (state.valueTier) query.valueTier = state.valueTier;
  if (state.departmentId !== null) query.departmentId = state.departmentId;
  return query;
}

export function sameQueueState(a: QueueState, b: QueueState): boolean {
  return (
    a.view === b.view &&
    a.kind === b.kind &&
    a.valueTier === b.valueTier &&
    a.departmentId === b.departmentId &&
    a.sort === b.sort &&
    a.page === b.page &&
    a.pageSize === b.pageSize
  );
}
