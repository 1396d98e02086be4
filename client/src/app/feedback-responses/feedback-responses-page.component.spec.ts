import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Department, Page, Role, SurveyResponseSummary, SurveyTemplate } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import surveysEn from '../../../public/i18n/surveys/en.json';
import { authInterceptor } from '../auth/auth.interceptor';
import { AuthService } from '../auth/auth.service';
import { registerDateLocales } from '../i18n/date-locale';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { FeedbackResponsesPageComponent } from './feedback-responses-page.component';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';

const DEPARTMENTS: Department[] = [
  { id: 2, code: 'surgery', name: '外科', nameEn: 'Surgery', active: true },
  { id: 8, code: 'rehabilitation', name: '康复科', nameEn: 'Rehabilitation', active: true },
];

const TEMPLATES: SurveyTemplate[] = [
  { id: 1, name: { zh: '门诊满意度', en: 'Outpatient experience' }, publishedVersion: 2, versions: [] },
  { id: 4, name: { zh: '康复随访', en: 'Rehabilitation follow-up' }, publishedVersion: 1, versions: [] },
];

const DETRACTOR: SurveyResponseSummary = {
  id: 1537,
  submittedAt: '2026-03-30T07:07:00.000Z',
  patientId: 1842,
  patientName: '特磊',
  encounterId: 6947,
  departmentId: 8,
  departmentName: '康复科',
  templateId: 1,
  templateVersion: 1,
  nps: 4,
  csat: 2,
  fft: null,
  ratings: { wait_time: 1, doctor_communication: 4, nursing: 3, environment: 5 },
  comment: '<img src=x onerror="alert(1)">等了两个小时',
  npsDetractor: true,
  needsRecovery: true,
  recoveryCallbackId: 255,
  themes: [],
};
const PROMOTER: SurveyResponseSummary = {
  ...DETRACTOR,
  id: 1540,
  patientId: 77,
  patientName: '王芳',
  departmentId: 2,
  departmentName: '外科',
  nps: 10,
  csat: 5,
  ratings: { wait_time: 5, doctor_communication: 5, nursing: 5, environment: 5, billing: 4 },
  comment: null,
  npsDetractor: false,
  needsRecovery: false,
  recoveryCallbackId: null,
  themes: [],
};
/** A promoter (NPS 10) who rated the wait 2: a recovery case, not an NPS detractor. */
const PROMOTER_LONG_WAIT: SurveyResponseSummary = {
  ...PROMOTER,
  id: 1541,
  ratings: { wait_time: 2 },
  needsRecovery: true,
  recoveryCallbackId: 256,
  themes: [],
};

describe('FeedbackResponsesPageComponent', () => {
  let httpMock: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeAll(() => registerDateLocales());

  beforeEach(async () => {
    // Today in Shanghai: 2026-03-31.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-31T04:00:00Z'));
    sessionStorage.clear();
    await TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en, 'surveys/en': surveysEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideLocalizedDatepicker(),
        provideRouter([{ path: 'feedback-responses', component: FeedbackResponsesPageComponent }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpMock.verify();
    sessionStorage.clear();
    jest.restoreAllMocks();
  });

  function signIn(role: Role): void {
    TestBed.inject(AuthService).login({ username: role, password: 'x' }).subscribe();
    httpMock.expectOne('/api/auth/login').flush({
      accessToken: `jwt-${role}`,
      expiresIn: 3600,
      user: { id: 5, username: role, displayName: role, role },
    });
  }

  async function open(url: string): Promise<TestRequest> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, FeedbackResponsesPageComponent);
    httpMock.expectOne('/api/departments').flush(DEPARTMENTS);
    httpMock.expectOne('/api/survey-templates').flush(TEMPLATES);
    return httpMock.expectOne((r) => r.url === '/api/survey-responses');
  }

  function page(items: SurveyResponseSummary[], total = items.length, pageNo = 1): Page<SurveyResponseSummary> {
    return { items, total, page: pageNo, pageSize: 20 };
  }

  const el = <T extends HTMLElement>(id: string): T => {
    const found = harness.routeNativeElement?.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!found) throw new Error(`no element with data-testid="${id}"`);
    return found;
  };

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  it('asks for the last 30 days by default and shows one row per response', async () => {
    signIn('admin');
    const req = await open('/feedback-responses');
    expect(req.request.urlWithParams).toBe('/api/survey-responses?from=2026-03-02&to=2026-03-31&page=1&pageSize=20');
    expect(req.request.headers.get('Authorization')).toBe('Bearer jwt-admin');
    req.flush(page([DETRACTOR, PROMOTER, PROMOTER_LONG_WAIT], 42));
    await settle();

    expect(el<HTMLInputElement>('responses-filter-from').value).toBe('03/02/2026'); // shown the English way; the URL keeps YYYY-MM-DD
    expect(el<HTMLInputElement>('responses-filter-to').value).toBe('03/31/2026'); // shown the English way; the URL keeps YYYY-MM-DD
    expect(el('responses-total').textContent?.trim()).toBe('42 responses');

    const row = el('response-row-1537');
    expect(row.textContent).toContain('特磊');
    expect(row.textContent).toContain('Rehabilitation');
    expect(row.textContent).toContain('Mar 30, 2026, 15:07');
    expect(el('response-nps-1537').getAttribute('data-band')).toBe('low');
    expect(el('response-nps-1540').getAttribute('data-band')).toBe('high');
    expect(el('response-csat-1537').getAttribute('data-band')).toBe('low');
    expect(row.querySelector('[data-dimension="wait_time"]')?.getAttribute('aria-label')).toBe('Waiting time: 1');
    expect(row.querySelector('[data-dimension="billing"]')?.getAttribute('aria-label')).toBe('Billing: —');

    expect(el('response-nps-detractor-1537').textContent?.trim()).toBe('NPS detractor');
    expect(el('response-needs-recovery-1537').textContent?.trim()).toBe('Needs recovery');
    // The recovery link opens that callback, whatever its status.
    expect(el<HTMLAnchorElement>('response-recovery-1537').getAttribute('href')).toBe('/callbacks/255');
    expect(harness.routeNativeElement?.querySelector('[data-testid="response-nps-detractor-1540"]')).toBeNull();
    expect(harness.routeNativeElement?.querySelector('[data-testid="response-needs-recovery-1540"]')).toBeNull();
    // NPS 10 with a poor wait rating: a recovery case, never called a detractor.
    expect(harness.routeNativeElement?.querySelector('[data-testid="response-nps-detractor-1541"]')).toBeNull();
    expect(el('response-needs-recovery-1541').textContent?.trim()).toBe('Needs recovery');
    expect(el<HTMLAnchorElement>('response-recovery-1541').getAttribute('href')).toBe('/callbacks/256');
    expect(harness.routeNativeElement?.querySelector('[data-testid="response-recovery-1540"]')).toBeNull();

    // An admin may open the patient page.
    expect(el<HTMLAnchorElement>('response-patient-1537').getAttribute('href')).toBe('/patients/1842');
  });

  it('shows imported NHS feedback as anonymous with its FFT answer, linking to no patient', async () => {
    signIn('admin');
    const imported: SurveyResponseSummary = {
      ...PROMOTER,
      id: 1600,
      patientId: null,
      patientName: '',
      encounterId: null,
      nps: null,
      csat: null,
      fft: 2,
      ratings: {},
      comment: 'Good service but the wait was long.',
    };
    (await open('/feedback-responses')).flush(page([imported]));
    await settle();
    const cell = el('response-patient-1600');
    expect(cell.tagName).toBe('SPAN');
    expect(cell.textContent?.replace(/\s+/g, ' ').trim()).toBe('Imported feedback (anonymous) · FFT Good');
  });

  it("shows a patient's comment as text, never as markup", async () => {
    signIn('quality_manager');
    (await open('/feedback-responses')).flush(page([DETRACTOR]));
    await settle();

    const comment = el('response-comment-1537');
    expect(comment.textContent).toBe('<img src=x onerror="alert(1)">等了两个小时');
    expect(comment.querySelector('img')).toBeNull();
    expect(harness.routeNativeElement?.querySelector('td img')).toBeNull();
    // Quality managers have no patient page: the name is plain text.
    expect(el('response-patient-1537').tagName).toBe('SPAN');
  });

  it('reads the filters from the URL and passes them on', async () => {
    signIn('quality_manager');
    const req = await open(
      '/feedback-responses?from=2026-01-01&to=2026-01-31&departmentId=8&npsDetractorsOnly=true&hasComment=true&page=2',
    );
    expect(req.request.urlWithParams).toBe(
      '/api/survey-responses?from=2026-01-01&to=2026-01-31&page=2&pageSize=20&departmentId=8&npsDetractorsOnly=true&hasComment=true',
    );
    req.flush(page([DETRACTOR], 21, 2));
    await settle();

    expect(el('responses-filter-nps-detractors').querySelector('button')?.getAttribute('aria-checked')).toBe('true');
    expect(el('responses-filter-needs-recovery').querySelector('button')?.getAttribute('aria-checked')).toBe('false');
    expect(el('responses-filter-comment').querySelector('button')?.getAttribute('aria-checked')).toBe('true');
    expect(el('responses-filter-department').textContent).toContain('Rehabilitation');
    expect(el<HTMLInputElement>('responses-filter-from').value).toBe('01/01/2026'); // shown the English way; the URL keeps YYYY-MM-DD
  });

  it('filters by survey template, from the URL and from the select', async () => {
    signIn('quality_manager');
    const req = await open('/feedback-responses?templateId=4');
    expect(req.request.params.get('templateId')).toBe('4');
    req.flush(page([DETRACTOR]));
    await settle();
    expect(el('responses-filter-template').textContent).toContain('Rehabilitation follow-up');

    el('responses-filter-template').click();
    await settle();
    (document.querySelector('[data-testid="responses-filter-template-1"]') as HTMLElement).click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/feedback-responses?templateId=1');
    const next = httpMock.expectOne((r) => r.url === '/api/survey-responses');
    expect([next.request.params.get('templateId'), next.request.params.get('page')]).toEqual(['1', '1']);
    next.flush(page([]));
    await settle();
  });

  it('puts a changed filter into the URL, back on page 1, and reloads', async () => {
    signIn('quality_manager');
    (await open('/feedback-responses?page=3')).flush(page([PROMOTER], 60, 3));
    await settle();

    el('responses-filter-needs-recovery').querySelector('button')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/feedback-responses?needsRecoveryOnly=true');
    const req = httpMock.expectOne((r) => r.url === '/api/survey-responses');
    expect(req.request.params.get('needsRecoveryOnly')).toBe('true');
    expect(req.request.params.has('npsDetractorsOnly')).toBe(false);
    expect(req.request.params.get('page')).toBe('1');
    req.flush(page([DETRACTOR]));
    await settle();
    expect(el('response-row-1537')).toBeTruthy();
  });

  it('changes the period from the date inputs, moving the other end along when needed', async () => {
    signIn('quality_manager');
    (await open('/feedback-responses')).flush(page([]));
    await settle();

    const from = el<HTMLInputElement>('responses-filter-from');
    from.value = '2026-03-20';
    from.dispatchEvent(new Event('input'));
    from.dispatchEvent(new Event('change'));
    await settle();
    let req = httpMock.expectOne((r) => r.url === '/api/survey-responses');
    expect([req.request.params.get('from'), req.request.params.get('to')]).toEqual(['2026-03-20', '2026-03-31']);
    req.flush(page([]));
    await settle();

    const to = el<HTMLInputElement>('responses-filter-to');
    to.value = '2026-03-10';
    to.dispatchEvent(new Event('input'));
    to.dispatchEvent(new Event('change'));
    await settle();
    req = httpMock.expectOne((r) => r.url === '/api/survey-responses');
    expect([req.request.params.get('from'), req.request.params.get('to')]).toEqual(['2026-03-10', '2026-03-10']);
    req.flush(page([]));
    await settle();
    expect(harness.routeNativeElement?.textContent).toContain('No responses match these filters');
  });

  it('pages on the server', async () => {
    signIn('quality_manager');
    (await open('/feedback-responses')).flush(page([DETRACTOR, PROMOTER], 45));
    await settle();

    (el('responses-paginator').querySelector('.mat-mdc-paginator-navigation-next') as HTMLButtonElement).click();
    await settle();
    const req = httpMock.expectOne((r) => r.url === '/api/survey-responses');
    expect(req.request.params.get('page')).toBe('2');
    req.flush(page([PROMOTER], 45, 2));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/feedback-responses?page=2');
  });
});
