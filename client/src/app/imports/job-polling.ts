import type { ImportJob } from '@huifang/shared';
import { Observable, exhaustMap, retry, takeWhile, timer } from 'rxjs';

/** A running job is asked about this often (the issue: "poll ~1 s"). */
export const IMPORT_POLL_MS = 1_000;

/** Whether the server is still working on the job (uploaded: waiting for the mapping; done/failed: over). */
export function isRunning(job: ImportJob): boolean {
  return job.status === 'running';
}

/**
 * The job as the server sees it every `periodMs`, until it is no longer running (that last state
 * included). A request still on its way is not doubled; a few failed requests in a row are retried
 * (a server restart), after which the error reaches the caller.
 */
export function pollJob(fetch: () => Observable<ImportJob>, periodMs = IMPORT_POLL_MS): Observable<ImportJob> {
  return timer(periodMs, periodMs).pipe(
    exhaustMap(() => fetch().pipe(retry({ count: 3, delay: periodMs }))),
    takeWhile((job) => isRunning(job), true),
  );
}
