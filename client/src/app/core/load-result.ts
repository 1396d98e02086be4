import type { WritableSignal } from '@angular/core';
import { type Observable, catchError, combineLatest, map, of, startWith, switchMap, tap } from 'rxjs';

/** What a request ended in, so a failure is a state to show (with a retry), not a broken stream. */
export type LoadResult<T> = { value: T } | { error: unknown };

export function toLoadResult<T>(source: Observable<T>): Observable<LoadResult<T>> {
  return source.pipe(
    map((value): LoadResult<T> => ({ value })),
    catchError((error: unknown) => of<LoadResult<T>>({ error })),
  );
}

/** The value of a result, null while nothing has arrived or when it failed. */
export function loadedValue<T>(result: LoadResult<T> | null): T | null {
  return result && 'value' in result ? result.value : null;
}

export function loadFailed(result: LoadResult<unknown> | null): boolean {
  return result !== null && 'error' in result;
}

/** Where a view keeps what it loads: whether a request is on its way, and what the last one ended in. */
export interface LoadState<T> {
  loading: WritableSignal<boolean>;
  result: WritableSignal<LoadResult<T> | null>;
}

/**
 * Requests again for every query (a newer one cancels an older one still on its way) and keeps
 * `state` up to date; emits each result for a caller that reacts to it (e.g. a notice on failure).
 */
export function loadEach<Q, T>(query$: Observable<Q>, fetch: (query: Q) => Observable<T>, state: LoadState<T>): Observable<LoadResult<T>> {
  return query$.pipe(
    switchMap((query) => {
      state.loading.set(true);
      return toLoadResult(fetch(query));
    }),
    tap((result) => {
      state.loading.set(false);
      state.result.set(result);
    }),
  );
}

/** The latest query, once more whenever `reload$` fires (a Retry button). */
export function withReload<Q>(query$: Observable<Q>, reload$: Observable<void>): Observable<Q> {
  return combineLatest([query$, reload$.pipe(startWith(undefined))]).pipe(map(([query]) => query));
}
