import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PatientsApiService } from './patients-api.service';

describe('PatientsApiService', () => {
  let api: PatientsApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PatientsApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches with every filter as a query parameter', () => {
    api.search({ q: '王', stage: 'treatment', status: 'at_risk', departmentId: 3, page: 2, pageSize: 50 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/patients');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.keys().sort()).toEqual(['departmentId', 'page', 'pageSize', 'q', 'stage', 'status']);
    expect(req.request.urlWithParams).toBe(
      '/api/patients?q=%E7%8E%8B&stage=treatment&status=at_risk&departmentId=3&page=2&pageSize=50',
    );
    req.flush({ items: [], total: 0, page: 2, pageSize: 50 });
  });

  it('leaves out filters that are not set or blank', () => {
    api.search({ q: '  ', page: 1, pageSize: 20 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/patients');
    expect(req.request.urlWithParams).toBe('/api/patients?page=1&pageSize=20');
    req.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('posts a registration and reads one patient and its timeline', () => {
    api.register({ name: '王芳', phone: '13800138000' }).subscribe();
    const post = http.expectOne('/api/patients');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ name: '王芳', phone: '13800138000' });
    post.flush({});

    api.get(7).subscribe();
    expect(http.expectOne('/api/patients/7').request.method).toBe('GET');

    api.timeline(7).subscribe();
    expect(http.expectOne('/api/patients/7/timeline').request.method).toBe('GET');
  });

  it('patches details, puts consent and posts a stage transition', () => {
    api.update(7, { note: null }).subscribe();
    const patch = http.expectOne('/api/patients/7');
    expect([patch.request.method, patch.request.body]).toEqual(['PATCH', { note: null }]);

    api.updateConsent(7, { surveys: false }).subscribe();
    const put = http.expectOne('/api/patients/7/consent');
    expect([put.request.method, put.request.body]).toEqual(['PUT', { surveys: false }]);

    api.changeStage(7, { to: 'rehabilitation', reason: '手术顺利' }).subscribe();
    const post = http.expectOne('/api/patients/7/transitions');
    expect([post.request.method, post.request.body]).toEqual(['POST', { to: 'rehabilitation', reason: '手术顺利' }]);
  });
});
