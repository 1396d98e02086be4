import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FollowUpRulesApiService } from './follow-up-rules-api.service';

describe('FollowUpRulesApiService', () => {
  let api: FollowUpRulesApiService;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(FollowUpRulesApiService);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('reads the rules and saves changes with PUT', () => {
    api.list().subscribe();
    const list = httpMock.expectOne('/api/follow-up-rules');
    expect(list.request.method).toBe('GET');
    list.flush([]);

    const request = { rules: [{ key: 'post_treatment' as const, enabled: false, offset: 5 }] };
    api.update(request).subscribe();
    const put = httpMock.expectOne('/api/follow-up-rules');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(request);
    put.flush([]);
  });
});
