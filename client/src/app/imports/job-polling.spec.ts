import type { ImportJob } from '@huifang/shared';
import { Observable, of, throwError } from 'rxjs';
import { pollJob } from './job-polling';

const job = (status: ImportJob['status'], rowsDone: number): ImportJob => ({
  id: 9,
  format: 'csv',
  fileName: 'visits.csv',
  mappingName: null,
  status,
  startedBy: { id: 1, username: 'admin' },
  createdAt: '2026-11-30T08:00:00.000Z',
  finishedAt: null,
  bytesDone: rowsDone * 10,
  bytesTotal: 1000,
  rowsDone,
  summary: null,
});

describe('pollJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks every second while the job runs and stops after the answer that says it is over', () => {
    const answers = [job('running', 10), job('running', 50), job('done', 100), job('done', 100)];
    let calls = 0;
    const seen: number[] = [];
    let completed = false;
    pollJob(() => of(answers[calls++]), 1_000).subscribe({ next: (j) => seen.push(j.rowsDone), complete: () => (completed = true) });

    jest.advanceTimersByTime(999);
    expect(calls).toBe(0);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual([10]);
    jest.advanceTimersByTime(2_000);
    expect(seen).toEqual([10, 50, 100]);
    expect(completed).toBe(true);
    jest.advanceTimersByTime(10_000);
    expect(calls).toBe(3);
  });

  it('stops on a failed job too', () => {
    const seen: string[] = [];
    pollJob(() => of(job('failed', 3)), 1_000).subscribe((j) => seen.push(j.status));
    jest.advanceTimersByTime(5_000);
    expect(seen).toEqual(['failed']);
  });

  it('retries a failed request a few times before giving up', () => {
    let calls = 0;
    const fetch = () =>
      new Observable<ImportJob>((subscriber) => {
        calls++;
        if (calls < 3) subscriber.error(new Error('network'));
        else {
          subscriber.next(job('done', 1));
          subscriber.complete();
        }
      });
    const seen: string[] = [];
    pollJob(fetch, 1_000).subscribe((j) => seen.push(j.status));
    jest.advanceTimersByTime(3_000);
    expect(seen).toEqual(['done']);

    let failed: unknown = null;
    pollJob(() => throwError(() => new Error('gone')), 1_000).subscribe({ error: (e: unknown) => (failed = e) });
    jest.advanceTimersByTime(10_000);
    expect(failed).toEqual(new Error('gone'));
  });
});
