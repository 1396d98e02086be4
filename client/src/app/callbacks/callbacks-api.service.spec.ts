import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CallbackItem, Page } from '@huifang/shared';
import { CallbacksApiService } from './callbacks-api.service';

describe('CallbacksApiService', () => {
  let api: CallbacksApiService;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CallbacksApiService);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('lists a queue view with its filters, leaving out the ones not set', () => {
    let page: Page<CallbackItem> | undefined;
    api.list({ view: 'overdue', kind: 'service_recovery', departmentId: 2, page: 3, pageSize: 20 }).subscribe((p) => (page = p));
    const req = httpMock.expectOne('/api/callbacks?view=overdue&kind=service_recovery&departmentId=2&page=3&pageSize=20');
    expect(req.request.method).toBe('GET');
    req.flush({ items: [], total: 0, page: 3, pageSize: 20 });
    expect(page).toEqual({ items: [], total: 0, page: 3, pageSize: 20 });

    api.list({ view: 'today', kind: undefined }).subscribe();
    httpMock.expectOne('/api/callbacks?view=today').flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('asks for the counts with the same filters', () => {
    let counts: unknown;
    api.counts({ kind: 'manual' }).subscribe((c) => (counts = c));
    const req = httpMock.expectOne('/api/callbacks/counts?kind=manual');
    expect(req.request.method).toBe('GET');
    req.flush({ overdue: 4, today: 2, upcoming: 9 });
    expect(counts).toEqual({ overdue: 4, today: 2, upcoming: 9 });
  });

  it('posts claim, release, attempts, reschedule and cancel to the callback', () => {
    api.claim(41).subscribe();
    api.release(41).subscribe();
    api.recordAttempt(41, { outcome: 'no_answer', note: '关机' }).subscribe();
    api.reschedule(41, { dueAt: '2026-11-25T09:00:00+08:00', reason: '患者出差' }).subscribe();
    api.cancel(41, { reason: '患者已转院' }).subscribe();

    const expectPost = (url: string, body: unknown) => {
      const req = httpMock.expectOne(url);
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual(body);
      req.flush({});
    };
    expectPost('/api/callbacks/41/claim', {});
    expectPost('/api/callbacks/41/release', {});
    expectPost('/api/callbacks/41/attempts', { outcome: 'no_answer', note: '关机' });
    expectPost('/api/callbacks/41/reschedule', { dueAt: '2026-11-25T09:00:00+08:00', reason: '患者出差' });
    expectPost('/api/callbacks/41/cancel', { reason: '患者已转院' });
  });

  it('schedules a manual callback', () => {
    const request = { patientId: 7, dueAt: '2026-11-25T09:00:00+08:00', kind: 'manual' as const, priority: 'high' as const };
    api.create(request).subscribe();
    const req = httpMock.expectOne('/api/callbacks');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(request);
    req.flush({}, { status: 201, statusText: 'Created' });
  });

  it('passes a 409 on claim on to the caller', () => {
    let status = 0;
    api.claim(5).subscribe({ error: (err: { status: number }) => (status = err.status) });
    httpMock
      .expectOne('/api/callbacks/5/claim')
      .flush({ message: '赵磊 is working on this callback', claimedBy: { id: 4, displayName: '赵磊' } }, { status: 409, statusText: 'Conflict' });
    expect(status).toBe(409);
  });
});
