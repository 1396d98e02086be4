import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { AuthUser, CallbackSummary, Department, Encounter, OutreachMessage, Patient, PatientRelationship, PatientTimeline, StageTransition } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import relationshipEn from '../../../public/i18n/relationship/en.json';
import { AuthService } from '../auth/auth.service';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { PatientPageComponent } from './patient-page.component';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';

const FRONT_DESK = { id: 3, displayName: '前台 李娜' };

const PATIENT: Patient = {
  id: 7,
  name: '王芳',
  phone: '13800138000',
  phoneMasked: '138****8000',
  gender: 'female',
  birthDate: '1980-05-20',
  age: 45,
  stage: 'treatment',
  status: 'at_risk',
  lastVisitOn: '2026-03-02',
  nextVisitDue: '2026-04-01',
  lastDepartmentId: 2,
  note: null,
  consent: {
    followUpCalls: { granted: true, recordedAt: '2026-01-05T09:00:00+08:00', recordedBy: FRONT_DESK },
    surveys: { granted: null, recordedAt: null, recordedBy: null },
  },
  stageSince: '2026-01-12T10:00:00+08:00',
  createdAt: '2026-01-05T09:00:00+08:00',
  updatedAt: '2026-01-12T10:00:00+08:00',
};

const REGISTERED: StageTransition = {
  id: 1,
  patientId: 7,
  from: null,
  to: 'first_visit',
  at: '2026-01-05T09:00:00+08:00',
  by: FRONT_DESK,
  reason: null,
  encounterId: null,
};
const TREATMENT: StageTransition = {
  ...REGISTERED,
  id: 2,
  from: 'first_visit',
  to: 'treatment',
  at: '2026-01-12T10:00:00+08:00',
  reason: '需手术',
};
const WAITING: Encounter = {
  id: 11,
  patientId: 7,
  patientName: '王芳',
  departmentId: 2,
  departmentName: '康复科',
  clinician: '张医生',
  checkedInAt: new Date(Date.now() - 45 * 60_000).toISOString(),
  calledAt: null,
  finishedAt: null,
  nextVisitDue: null,
  waitMinutes: null,
  status: 'waiting',
};
const RELATIONSHIP: PatientRelationship = {
  phase: 'decline',
  phaseSince: '2026-03-20',
  valueScore: 48.5,
  valueTier: 'medium',
  clv: 2.4,
  clvUnit: 'visits',
  reasons: ['status_at_risk'],
  value: { frequency: 11.7, adherence: 12.5, satisfaction: 14, outcome: 0 },
  factors: {
    asOf: '2026-04-02',
    visits: 2,
    visitsLast365Days: 2,
    firstVisitOn: '2026-01-05',
    lastVisitOn: '2026-03-02',
    daysSinceLastVisit: 31,
    medianGapDays: 56,
    dueExpectations: 0,
    keptExpectations: 0,
    lastReturnDaysLate: null,
    latestNps: null,
    latestNpsOn: null,
    status: 'at_risk',
    outcomeReached: false,
  },
  retention: { rate: 62.5, n: 40, hospitalWide: true },
  history: [
    { on: '2026-03-20', from: 'development', to: 'decline' },
    { on: '2026-01-05', from: null, to: 'exploration' },
  ],
};
const DEPARTMENTS: Department[] = [{ id: 2, code: 'rehab', name: '康复科', nameEn: 'Rehabilitation', active: true }];

function timeline(): PatientTimeline {
  return {
    patientId: 7,
    entries: [
      { kind: 'encounter', at: WAITING.checkedInAt, encounter: WAITING },
      // A kind from a later server version: skipped, not an error.
      { kind: 'survey_response', at: '2026-02-01T10:00:00+08:00' } as never,
      { kind: 'transition', at: TREATMENT.at, transition: TREATMENT },
      { kind: 'transition', at: REGISTERED.at, transition: REGISTERED },
    ],
  };
}

describe('PatientPageComponent', () => {
  let fixture: ComponentFixture<PatientPageComponent>;
  let httpMock: HttpTestingController;
  const me = signal<AuthUser | null>(null);

  beforeEach(async () => {
    me.set({ id: 3, username: 'frontdesk', displayName: '前台 李娜', role: 'front_desk' });
    await TestBed.configureTestingModule({
      imports: [
        PatientPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'relationship/en': relationshipEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideLocalizedDatepicker(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: AuthService, useValue: { user: me } },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PatientPageComponent);
    fixture.componentRef.setInput('id', '7');
    await fixture.whenStable();
    httpMock.expectOne('/api/departments').flush(DEPARTMENTS);
    await flushPatient();
  });

  afterEach(() => httpMock.verify());

  async function flushPatient(patient: Patient = PATIENT, entries: PatientTimeline = timeline()): Promise<void> {
    httpMock.expectOne('/api/patients/7').flush(patient);
    httpMock.expectOne('/api/patients/7/timeline').flush(entries);
    await fixture.whenStable();
    // The relationship card loads with the page, and again on each reload.
    for (const request of httpMock.match('/api/patients/7/relationship')) request.flush(RELATIONSHIP);
    await fixture.whenStable();
  }

  const byTestId = <T extends HTMLElement>(id: string): T => {
    const el = document.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };
  const textOf = (id: string) => byTestId(id).textContent?.replace(/\s+/g, ' ').trim();

  it('shows the header with the full phone, translated stage and status', () => {
    expect(textOf('patient-name')).toBe('王芳');
    expect(textOf('patient-phone')).toBe('13800138000');
    expect(textOf('patient-stage')).toBe('Treatment');
    expect(textOf('patient-status')).toBe('At risk');
    expect(textOf('patient-next-visit')).toBe('Apr 1, 2026');
  });

  it('shows the relationship card: phase and since, value, CLV in expected visits, and why in words', () => {
    expect(textOf('relationship-phase')).toBe('Decline');
    expect(textOf('relationship-since')).toBe('since Mar 20, 2026');
    expect(textOf('relationship-score')).toBe('48.5 / 100');
    expect(textOf('relationship-tier')).toBe('Medium value');
    expect(textOf('relationship-clv')).toBe('2.4 expected visits');
    expect(textOf('relationship-clv-notes')).toContain('hospital-wide 12-month retention, 62.5% (n = 40)');
    expect(textOf('relationship-reasons')).toMatch(/^Status at risk/);
    expect(textOf('relationship-factors')).toBe(
      '2 visits in 12 months; last visit Mar 2, 2026, 31 days ago; usual gap between visits 56 days; no expected return due yet; no survey answer yet; not yet in rehabilitation or follow-up',
    );
    expect(textOf('relationship-term-outcome')).toContain('0.0 of 20');
    const history = Array.from(byTestId('relationship-history').querySelectorAll('li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(history).toEqual(['Mar 20, 2026 Development → Decline', 'Jan 5, 2026 Exploration (first phase)']);
  });

  it('draws the journey axis with the current stage and entry dates, and the known events newest first', () => {
    const nodes = ['first_visit', 'treatment', 'rehabilitation', 'follow_up'].map((s) => byTestId(`timeline-stage-${s}`));
    expect(nodes.map((n) => n.classList.contains('current'))).toEqual([false, true, false, false]);
    expect(nodes[0].textContent).toContain('Jan 5, 2026');
    expect(nodes[1].textContent).toContain('Jan 12, 2026');
    expect(nodes[2].textContent).toContain('Not yet');

    const entries = Array.from(byTestId('timeline').querySelectorAll<HTMLElement>('[data-testid="timeline-entry"]'));
    expect(entries.map((e) => e.dataset['kind'])).toEqual(['encounter', 'transition', 'transition']);
    expect(entries[0].textContent).toContain('Rehabilitation');
    expect(entries[0].textContent).toContain('张医生');
    expect(entries[1].textContent?.replace(/\s+/g, ' ')).toContain('First visit → Treatment');
    expect(entries[1].textContent).toContain('By 前台 李娜');
    expect(entries[1].textContent).toContain('需手术');
  });

  it('lets a quality manager (from a drill-down) read the patient, not work on them', async () => {
    expect(document.querySelector('[data-testid="patient-check-in"]')).not.toBeNull();
    me.set({ id: 9, username: 'quality', displayName: '质控 王', role: 'quality_manager' });
    fixture.detectChanges();
    await fixture.whenStable();
    for (const action of ['patient-check-in', 'patient-change-stage', 'patient-schedule-callback', 'patient-edit']) {
      expect(document.querySelector(`[data-testid="${action}"]`)).toBeNull();
    }
    expect(document.querySelector('[data-testid="consent-calls"] button')?.hasAttribute('disabled')).toBe(true);
    expect(textOf('patient-stage')).toBeTruthy();
  });

  it('shows messages to the patient with their kind, channel, status and why one stopped', async () => {
    const message = (id: number, changes: Partial<OutreachMessage>): PatientTimeline['entries'][number] => ({
      kind: 'message',
      at: `2026-03-0${id}T09:00:00+08:00`,
      message: {
        id,
        kind: 'survey_invitation',
        patientId: 7,
        departmentId: 2,
        channel: 'sms',
        purpose: 'surveys',
        status: 'delivered',
        reason: null,
        attempts: 1,
        nextAttemptAt: '2026-03-01T01:00:00.000Z',
        sentAt: '2026-03-01T01:00:01.000Z',
        deliveredAt: '2026-03-01T01:00:05.000Z',
        createdAt: '2026-03-01T01:00:00.000Z',
        ...changes,
      },
    });
    byTestId<HTMLButtonElement>('encounter-call-11').click();
    httpMock.expectOne('/api/encounters/11/call').flush({ ...WAITING, status: 'in_room' });
    await fixture.whenStable();
    await flushPatient(PATIENT, {
      patientId: 7,
      entries: [
        message(1, {}),
        message(2, { kind: 'revisit_reminder', purpose: 'follow_up', status: 'suppressed', reason: 'opted_out', sentAt: null, deliveredAt: null }),
        message(3, { kind: 'callback_appointment', channel: 'wechat', status: 'failed', reason: 'HTTP 503', deliveredAt: null }),
      ],
    });
    const text = (id: number) => document.querySelector(`[data-testid="timeline-message-${id}"]`)?.closest('li')?.textContent?.replace(/\s+/g, ' ');
    expect(text(1)).toContain('Message · Survey invitation · SMS Delivered');
    expect(text(2)).toContain('Revisit reminder · SMS Not sent');
    expect(text(2)).toContain('the patient opted out');
    expect(text(3)).toContain('Call appointment · WeChat Failed');
    expect(text(3)).toContain('HTTP 503');
  });

  it("links a timeline callback only when the user's role may open it (a quality manager: service recovery only)", async () => {
    const callback = (id: number, kind: CallbackSummary['kind']): PatientTimeline['entries'][number] => ({
      kind: 'callback',
      at: '2026-03-01T09:00:00+08:00',
      callback: {
        id,
        patientId: 7,
        kind,
        priority: 'normal',
        status: 'completed',
        dueAt: '2026-03-01T09:00:00+08:00',
        reason: null,
        surveyResponseId: null,
        recovery: null,
        encounterId: null,
        createdAt: '2026-02-20T09:00:00+08:00',
      },
    });
    const finished: Encounter = { ...WAITING, id: 12, status: 'finished', calledAt: WAITING.checkedInAt, finishedAt: WAITING.checkedInAt };
    const withCallbacks: PatientTimeline = {
      patientId: 7,
      entries: [
        callback(41, 'post_treatment'),
        callback(42, 'service_recovery'),
        { kind: 'encounter', at: finished.checkedInAt, encounter: finished },
      ],
    };
    const link = (id: number) => document.querySelector<HTMLAnchorElement>(`a[data-testid="timeline-callback-${id}"]`);
    const title = (id: number) => document.querySelector(`[data-testid="timeline-callback-${id}"]`)?.textContent?.trim();

    byTestId<HTMLButtonElement>('encounter-call-11').click();
    httpMock.expectOne('/api/encounters/11/call').flush({ ...WAITING, status: 'in_room' });
    await fixture.whenStable();
    await flushPatient(PATIENT, withCallbacks);
    expect([link(41)?.getAttribute('href'), link(42)?.getAttribute('href')]).toEqual(['/callbacks/41', '/callbacks/42']);
    expect(document.querySelector('[data-testid="encounter-invite-12"]')).not.toBeNull();

    me.set({ id: 9, username: 'quality', displayName: '质控 王', role: 'quality_manager' });
    fixture.detectChanges();
    await fixture.whenStable();
    // The API refuses them other kinds (403): the kind is shown as text, not as a dead link.
    expect(link(41)).toBeNull();
    expect(title(41)).toBe('Post-treatment call');
    expect(link(42)?.getAttribute('href')).toBe('/callbacks/42');
    // Inviting to a survey is front-desk work.
    expect(document.querySelector('[data-testid="encounter-invite-12"]')).toBeNull();
  });

  it('shows a wait over 30 minutes as a long wait', () => {
    const chip = byTestId('open-encounter-11').querySelector('hf-wait-chip .chip');
    expect(chip?.classList.contains('level-long')).toBe(true);
    expect(chip?.textContent).toContain('45');
  });

  it('offers only the allowed next stages, and shows a refusal (409) in the dialog', async () => {
    byTestId<HTMLButtonElement>('patient-change-stage').click();
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="stage-option-rehabilitation"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="stage-option-follow_up"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="stage-option-first_visit"]')).toBeNull();
    expect(document.querySelector('[data-testid="stage-option-treatment"]')).toBeNull();

    byTestId<HTMLLabelElement>('stage-option-rehabilitation').click();
    const reason = byTestId<HTMLInputElement>('stage-reason');
    reason.value = '手术顺利';
    reason.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('stage-submit').click();
    await fixture.whenStable();

    const req = httpMock.expectOne('/api/patients/7/transitions');
    expect(req.request.body).toEqual({ to: 'rehabilitation', reason: '手术顺利' });
    req.flush(
      { statusCode: 409, error: 'Conflict', message: 'a patient in stage treatment cannot move to rehabilitation', code: 'stage.transition_not_allowed' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(textOf('stage-error')).toBe('A patient in this stage cannot move to the chosen stage');

    byTestId<HTMLButtonElement>('stage-submit').click();
    await fixture.whenStable();
    httpMock.expectOne('/api/patients/7/transitions').flush({ ...TREATMENT, id: 3, from: 'treatment', to: 'rehabilitation' });
    // The dialog reports its result once it has closed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fixture.whenStable();
    // The page reloads the patient and the timeline after the change.
    await flushPatient({ ...PATIENT, stage: 'rehabilitation' });
    expect(textOf('patient-stage')).toBe('Rehabilitation');
    expect(document.querySelector('[data-testid="stage-submit"]')).toBeNull();
  });

  it('calls a waiting patient in with one click and reloads', async () => {
    byTestId<HTMLButtonElement>('encounter-call-11').click();
    const call = httpMock.expectOne('/api/encounters/11/call');
    expect([call.request.method, call.request.body]).toEqual(['POST', {}]);
    call.flush({ ...WAITING, status: 'in_room', calledAt: new Date().toISOString(), waitMinutes: 45 });
    await fixture.whenStable();
    const called = timeline();
    called.entries[0] = {
      kind: 'encounter',
      at: WAITING.checkedInAt,
      encounter: { ...WAITING, status: 'in_room', calledAt: new Date().toISOString(), waitMinutes: 45 },
    };
    await flushPatient(PATIENT, called);
    expect(document.querySelector('[data-testid="encounter-call-11"]')).toBeNull();
    expect(document.querySelector('[data-testid="encounter-finish-11"]')).not.toBeNull();
  });

  it('asks before withdrawing consent to surveys: nothing is sent when kept, PUT {surveys:false} once confirmed', async () => {
    const agreed: Patient = {
      ...PATIENT,
      consent: { ...PATIENT.consent, surveys: { granted: true, recordedAt: '2026-01-05T09:00:00+08:00', recordedBy: FRONT_DESK } },
    };
    // Any action reloads the page: here with a patient who agreed to surveys.
    byTestId<HTMLButtonElement>('encounter-call-11').click();
    httpMock.expectOne('/api/encounters/11/call').flush({ ...WAITING, status: 'in_room' });
    await fixture.whenStable();
    await flushPatient(agreed);
    const toggle = () => byTestId('consent-surveys').querySelector('button') as HTMLButtonElement;
    const answer = async (choice: 'confirm-ok' | 'confirm-cancel') => {
      toggle().click();
      await fixture.whenStable();
      expect(textOf('confirm-message')).toContain('王芳');
      byTestId<HTMLButtonElement>(choice).click();
      await fixture.whenStable();
    };

    await answer('confirm-cancel');
    httpMock.expectNone('/api/patients/7/consent');
    expect(toggle().getAttribute('aria-checked')).toBe('true');

    await answer('confirm-ok');
    const put = httpMock.expectOne('/api/patients/7/consent');
    expect([put.request.method, put.request.body]).toEqual(['PUT', { surveys: false }]);
    put.flush({ ...PATIENT, consent: { ...PATIENT.consent, surveys: { ...agreed.consent.surveys, granted: false } } });
    await fixture.whenStable();
    expect(toggle().getAttribute('aria-checked')).toBe('false');
  });

  it('records consent with PUT and shows who recorded it', async () => {
    expect(byTestId('consent-calls').closest('.consent')?.textContent).toContain('recorded by 前台 李娜');
    byTestId('consent-surveys').querySelector('button')?.click();
    const put = httpMock.expectOne('/api/patients/7/consent');
    expect([put.request.method, put.request.body]).toEqual(['PUT', { surveys: true }]);
    put.flush({
      ...PATIENT,
      consent: {
        ...PATIENT.consent,
        surveys: { granted: true, recordedAt: '2026-03-02T10:00:00+08:00', recordedBy: FRONT_DESK },
      },
    });
    await fixture.whenStable();
    expect(byTestId('consent-surveys').closest('.consent')?.textContent).toContain('Agreed · recorded by 前台 李娜');
  });
});
