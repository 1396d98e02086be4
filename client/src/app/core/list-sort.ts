import type { SortDirection as MatSortDirection, Sort } from '@angular/material/sort';
import { parseSort, sortParam } from '@huifang/shared';

/** The URL's `sort` value, kept only when it names one of the list's keys (the server sorts). */
export function sortFromParam(value: string | null, keys: readonly string[]): string | null {
  return parseSort(value, keys) ? value : null;
}

/** MatSort's active column and direction for a `sort` value (none: the list's default order). */
export function matSortState(sort: string | null, keys: readonly string[]): { active: string; direction: MatSortDirection } {
  const parsed = parseSort(sort, keys);
  return parsed ? { active: parsed.key, direction: parsed.direction } : { active: '', direction: '' };
}

/** The `sort` value for a header click; null when the sort is cleared. */
export function sortFromMatSort(event: Sort, keys: readonly string[]): string | null {
  if (!event.direction || !keys.includes(event.active)) return null;
  return sortParam({ key: event.active, direction: event.direction });
}
