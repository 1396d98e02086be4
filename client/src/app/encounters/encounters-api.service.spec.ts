import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EncountersApiService } from './encounters-api.service';

describe('EncountersApiService', () => {
  let api: EncountersApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(EncountersApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it("lists today's waiting encounters with status and calendar-day range", () => {
    api.list({ status: 'waiting', from: '2026-03-02', to: '2026-03-02', pageSize: 100 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/encounters');
    expect(req.request.urlWithParams).toBe('/api/encounters?status=waiting&from=2026-03-02&to=2026-03-02&pageSize=100');
  });

  it('checks in, calls with an empty body and finishes with or without a next visit', () => {
    api.checkIn({ patientId: 7, departmentId: 2, clinician: '张医生' }).subscribe();
    const checkIn = http.expectOne('/api/encounters');
    expect([checkIn.request.method, checkIn.request.body]).toEqual([
      'POST',
      { patientId: 7, departmentId: 2, clinician: '张医生' },
    ]);

    api.call(11).subscribe();
    const call = http.expectOne('/api/encounters/11/call');
    expect([call.request.method, call.request.body]).toEqual(['POST', {}]);

    api.finish(11, { nextVisitDue: '2026-04-01' }).subscribe();
    expect(http.expectOne('/api/encounters/11/finish').request.body).toEqual({ nextVisitDue: '2026-04-01' });

    api.finish(12).subscribe();
    expect(http.expectOne('/api/encounters/12/finish').request.body).toEqual({});
  });
});
