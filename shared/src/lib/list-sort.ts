/**
 * Column sorting of lists, done by the server: `?sort=<key>` ascending, `?sort=-<key>` descending.
 * Each list declares its keys here; the server validates against them and breaks ties by id.
 */
export type SortDirection = 'asc' | 'desc';

export interface ListSort<K extends string = string> {
  key: K;
  direction: SortDirection;
}

/** Every accepted `sort` value for a list: each key, ascending and descending. */
export function sortValues<K extends string>(keys: readonly K[]): string[] {
  return keys.flatMap((key) => [key, `-${key}`]);
}

/** The `sort` parameter for a column and direction. */
export function sortParam<K extends string>(sort: ListSort<K>): string {
  return sort.direction === 'desc' ? `-${sort.key}` : sort.key;
}

/** A `sort` value read back (null when absent or not one of `keys`). */
export function parseSort<K extends string>(value: string | null | undefined, keys: readonly K[]): ListSort<K> | null {
  if (!value) return null;
  const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
  const key = direction === 'desc' ? value.slice(1) : value;
  return (keys as readonly string[]).includes(key) ? { key: key as K, direction } : null;
}

/** Patient list columns (default: newest registered first). */
export const PATIENT_SORT_KEYS = ['name', 'stage', 'lastVisitOn', 'nextVisitDue', 'valueScore'] as const;
export type PatientSortKey = (typeof PATIENT_SORT_KEYS)[number];

/** Callback queue columns (default: priority, then due time). */
export const CALLBACK_SORT_KEYS = ['priority', 'dueAt', 'kind', 'value'] as const;
export type CallbackSortKey = (typeof CALLBACK_SORT_KEYS)[number];

/** Survey response list columns (default: newest submitted first). */
export const SURVEY_RESPONSE_SORT_KEYS = ['submittedAt', 'nps', 'csat'] as const;
export type SurveyResponseSortKey = (typeof SURVEY_RESPONSE_SORT_KEYS)[number];
