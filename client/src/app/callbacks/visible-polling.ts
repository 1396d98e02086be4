import { EMPTY, Observable, distinctUntilChanged, fromEvent, map, startWith, switchMap, timer } from 'rxjs';

/** The queue is fetched again this often, so colleagues see each other's claims within seconds. */
export const QUEUE_POLL_MS = 5_000;

/**
 * Ticks every `periodMs` while `visible$` says the page is visible, and not at all while it is
 * hidden. The first tick comes one period after start (the caller loads once on its own); coming
 * back to a hidden tab ticks at once, then every period.
 */
export function pollWhileVisible(periodMs: number, visible$: Observable<boolean>): Observable<void> {
  return visible$.pipe(
    distinctUntilChanged(),
    switchMap((visible, index) => (visible ? timer(index === 0 ? periodMs : 0, periodMs) : EMPTY)),
    map(() => undefined),
  );
}

/** Whether the browser tab is visible, now and on every change. */
export function pageVisibility(document: Document): Observable<boolean> {
  const visible = () => document.visibilityState !== 'hidden';
  return fromEvent(document, 'visibilitychange').pipe(map(visible), startWith(visible()));
}
