import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SurveyInvitation, SurveyQuestion } from '@huifang/shared';
import { SurveysApiService } from './surveys-api.service';

const QUESTIONS: SurveyQuestion[] = [
  { id: 'nps', kind: 'nps', required: true, text: { zh: '您有多大可能推荐我们？', en: 'How likely…?' } },
  {
    id: 'wait_time',
    kind: 'rating',
    dimension: 'wait_time',
    required: false,
    text: { zh: '候诊时间', en: 'Waiting time' },
  },
];

describe('SurveysApiService', () => {
  let api: SurveysApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(SurveysApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the responses with every filter as a query parameter', () => {
    api
      .responses({
        from: '2026-03-01',
        to: '2026-03-31',
        departmentId: 3,
        templateId: 1,
        npsDetractorsOnly: true,
        needsRecoveryOnly: true,
        hasComment: true,
        page: 2,
        pageSize: 50,
      })
      .subscribe();
    const req = http.expectOne((r) => r.url === '/api/survey-responses');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.keys().sort()).toEqual([
      'departmentId',
      'from',
      'hasComment',
      'needsRecoveryOnly',
      'npsDetractorsOnly',
      'page',
      'pageSize',
      'templateId',
      'to',
    ]);
    expect(req.request.params.get('from')).toBe('2026-03-01');
    expect(req.request.params.get('to')).toBe('2026-03-31');
    expect(req.request.params.get('departmentId')).toBe('3');
    expect(req.request.params.get('npsDetractorsOnly')).toBe('true');
    expect(req.request.params.get('needsRecoveryOnly')).toBe('true');
    expect(req.request.params.get('hasComment')).toBe('true');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('50');
    req.flush({ items: [], total: 0, page: 2, pageSize: 50 });
  });

  it('leaves out the filters that are not set, and false toggles', () => {
    api.responses({ from: '2026-03-01', npsDetractorsOnly: false, needsRecoveryOnly: false, hasComment: false, page: 1, pageSize: 20 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/survey-responses');
    expect(req.request.urlWithParams).toBe('/api/survey-responses?from=2026-03-01&page=1&pageSize=20');
    req.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('reads the templates and one template', () => {
    api.templates().subscribe();
    expect(http.expectOne('/api/survey-templates').request.method).toBe('GET');
    api.template(4).subscribe();
    expect(http.expectOne('/api/survey-templates/4').request.method).toBe('GET');
  });

  it('posts a new draft version with the questions, and publishes a version', () => {
    api.createVersion(1, QUESTIONS).subscribe();
    const post = http.expectOne('/api/survey-templates/1/versions');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ questions: QUESTIONS });
    post.flush({});

    api.publish(1, 3).subscribe();
    const publish = http.expectOne('/api/survey-templates/1/versions/3/publish');
    expect(publish.request.method).toBe('POST');
    publish.flush({});
  });

  it('creates a template with its name and questions', () => {
    api.createTemplate({ name: { zh: '住院调查', en: 'Inpatient survey' }, questions: QUESTIONS }).subscribe();
    const post = http.expectOne('/api/survey-templates');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ name: { zh: '住院调查', en: 'Inpatient survey' }, questions: QUESTIONS });
    post.flush({});
  });

  it('creates an invitation for one encounter', () => {
    let received: SurveyInvitation | undefined;
    api.invite(6947).subscribe((invitation) => (received = invitation));
    const post = http.expectOne('/api/survey-invitations');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ encounterId: 6947 });
    const invitation: SurveyInvitation = {
      id: 1,
      token: 'tok',
      url: 'https://h.example/feedback/tok',
      expiresAt: '2026-03-16T00:00:00Z',
      qrSvg: '<svg/>',
    };
    post.flush(invitation, { status: 201, statusText: 'Created' });
    expect(received).toEqual(invitation);
  });
});
