import { type Observable, catchError, map, of } from 'rxjs';

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
