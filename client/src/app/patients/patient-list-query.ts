import type { ParamMap, Params } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  MAX_PAGE_SIZE,
  PATIENT_SORT_KEYS,
  type PatientQuery,
  RELATIONSHIP_PHASES,
  RELATIONSHIP_STATUSES,
  type RelationshipPhase,
  type RelationshipStatus,
  VALUE_TIERS,
  type ValueTier,
} from '@huifang/shared';
import { sortFromParam } from '../core/list-sort';
import { positiveIntParam } from '../core/url-params';

/** What the patient list shows, kept in the URL (`/patients?q=王&stage=treatment&phase=decline&valueTier=high&page=2`). */
export interface PatientListState {
  q: string;
  stage: LifecycleStage | null;
  status: RelationshipStatus | null;
  /** Relationship phase and value tier (DOMAIN.md, Relationship phases and patient value). */
  phase: RelationshipPhase | null;
  valueTier: ValueTier | null;
  departmentId: number | null;
  /** A column of PATIENT_SORT_KEYS (`-` first: descending); null for newest registered first. */
  sort: string | null;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100] as const;

export const EMPTY_LIST_STATE: PatientListState = {
  q: '',
  stage: null,
  status: null,
  phase: null,
  valueTier: null,
  departmentId: null,
  sort: null,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

/** Reads the URL's query params; anything unknown or malformed falls back to the default. */
export function listStateFromParams(params: ParamMap): PatientListState {
  const stage = params.get('stage');
  const status = params.get('status');
  return {
    q: (params.get('q') ?? '').trim(),
    stage: (LIFECYCLE_STAGES as readonly string[]).includes(stage ?? '') ? (stage as LifecycleStage) : null,
    status: (RELATIONSHIP_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as RelationshipStatus)
      : null,
    phase: oneOf(params.get('phase'), RELATIONSHIP_PHASES),
    valueTier: oneOf(params.get('valueTier'), VALUE_TIERS),
    departmentId: positiveIntParam(params.get('departmentId')),
    sort: sortFromParam(params.get('sort'), PATIENT_SORT_KEYS),
    page: positiveIntParam(params.get('page')) ?? 1,
    pageSize: Math.min(positiveIntParam(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

/** The query params for a state; defaults are left out so a plain `/patients` stays plain. */
export function paramsFromListState(state: PatientListState): Params {
  return {
    q: state.q.trim() || null,
    stage: state.stage,
    status: state.status,
    phase: state.phase,
    valueTier: state.valueTier,
    departmentId: state.departmentId,
    sort: state.sort,
    page: state.page > 1 ? state.page : null,
    pageSize: state.pageSize !== DEFAULT_PAGE_SIZE ? state.pageSize : null,
  };
}

/** The API query for a state. */
export function queryFromListState(state: PatientListState): PatientQuery {
  const query: PatientQuery = { page: state.page, pageSize: state.pageSize };
  const q = searchText(state.q);
  if (q) query.q = q;
  if (state.stage) query.stage = state.stage;
  if (state.status) query.status = state.status;
  if (state.phase) query.phase = state.phase;
  if (state.valueTier) query.valueTier = state.valueTier;
  if (state.departmentId !== null) query.departmentId = state.departmentId;
  if (state.sort) query.sort = state.sort;
  return query;
}

/** A phone typed with spaces or dashes (`138 0013-8000`) is searched as its digits. */
export function searchText(q: string): string {
  const trimmed = q.trim();
  return /^[\d\s\-()]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}

export function sameListState(a: PatientListState, b: PatientListState): boolean {
  return (
    a.q === b.q &&
    a.stage === b.stage &&
    a.status === b.status &&
    a.phase === b.phase &&
    a.valueTier === b.valueTier &&
    a.departmentId === b.departmentId &&
    a.sort === b.sort &&
    a.page === b.page &&
    a.pageSize === b.pageSize
  );
}

function oneOf<T extends string>(value: string | null, values: readonly T[]): T | null {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : null;
}
