import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { CallbackItem, ClaimedCallback } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { Subject } from 'rxjs';
import callbacksEn from '../../../public/i18n/callbacks/en.json';
import en from '../../../public/i18n/en.json';
import { registerDateLocales } from '../i18n/date-locale';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { CallPanelComponent, type CallPanelData } from './call-panel.component';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';

// 02:00 UTC is 10:00 in Shanghai; the claim runs until 10:30.
const NOW = new Date('2026-11-24T02:00:00Z');

function claimed(changes: Partial<ClaimedCallback> = {}): ClaimedCallback {
  return {
    id: 41,
    patientId: 7,
    kind: 'service_recovery',
    priority: 'high',
    status: 'claimed',
    dueAt: '2026-11-23T12:21:00+08:00',
    reason: 'NPS 3, CSAT 2 — <b>候诊太久</b>，护士态度不好',
    surveyResponseId: 5,
    recovery: null,
    encounterId: 9,
    createdAt: '2026-11-22T12:21:00+08:00',
    patientName: '王芳',
    phoneMasked: '138****8000',
    phone: '13800138000',
    departmentId: 2,
    departmentName: '外科',
    expectedOn: null,
    claimedBy: { id: 3, displayName: '李娜' },
    claimExpiresAt: '2026-11-24T02:30:00.000Z',
    attempts: [{ at: '2026-11-23T13:00:00+08:00', by: { id: 4, displayName: '赵磊' }, outcome: 'no_answer', note: '关机' }],
    outcome: null,
    cancelReason: null,
    note: null,
    ...changes,
  };
}

describe('CallPanelComponent', () => {
  let fixture: ComponentFixture<CallPanelComponent>;
  let httpMock: HttpTestingController;
  let close: jest.Mock;

  beforeAll(() => registerDateLocales());

  async function create(callback: ClaimedCallback): Promise<void> {
    jest.useFakeTimers({ now: NOW });
    close = jest.fn();
    await TestBed.configureTestingModule({
      imports: [
        CallPanelComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'callbacks/en': callbacksEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideLocalizedDatepicker(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { callback, departmentLabel: 'Surgery', canOpenPatient: true } satisfies CallPanelData,
        },
        { provide: MatDialogRef, useValue: { close, keydownEvents: () => new Subject<KeyboardEvent>() } },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CallPanelComponent);
    await settle();
  }

  afterEach(() => {
    httpMock.verify();
    jest.useRealTimers();
  });

  async function settle(): Promise<void> {
    await jest.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
  }

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T => {
    const el = fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };
  const query = (id: string) => fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

  function type(id: string, value: string): void {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows the answers that triggered recovery first, translated, with the comment, instead of the overall scores', async () => {
    await create(
      claimed({
        reason: 'NPS 8, CSAT 4 — 排队太久了',
        recovery: { answers: [{ questionId: 'wait_time', kind: 'rating', dimension: 'wait_time', value: 2 }], comment: '排队太久了' },
      }),
    );
    const reason = byTestId('call-reason');
    expect(Array.from(reason.querySelectorAll('[data-testid="recovery-score"]'), (e) => e.textContent?.trim())).toEqual(['Waiting time 2/5']);
    expect(byTestId('recovery-comment').textContent).toContain('“排队太久了”');
    expect(reason.textContent).not.toContain('NPS 8');
    expect(reason.textContent).not.toContain('wait_time');
  });

  it('shows the full number as a tel: link, the reason as plain text, the script and the earlier calls', async () => {
    await create(claimed());
    const phone = byTestId<HTMLAnchorElement>('call-phone');
    expect(phone.textContent?.trim()).toBe('13800138000');
    expect(phone.getAttribute('href')).toBe('tel:13800138000');
    const reason = byTestId('call-reason');
    expect(reason.textContent).toContain('NPS 3, CSAT 2 — <b>候诊太久</b>，护士态度不好');
    expect(reason.querySelector('b')).toBeNull();
    expect(byTestId('call-script').textContent).toContain('Apologise sincerely');
    expect(byTestId('call-attempts').textContent).toContain('No answer');
    expect(byTestId('call-attempts').textContent).toContain('关机');
    expect(fixture.nativeElement.textContent).toContain('Call 2 of at most 3');
  });

  it('shows the missed return date for a win-back call', async () => {
    await create(claimed({ kind: 'missed_revisit', reason: null, expectedOn: '2026-08-19' }));
    expect(byTestId('call-reason').textContent).toContain('Expected return: Aug 19, 2026');
    expect(byTestId('call-script').textContent).toContain('whether they are well');
  });

  it('counts the claim down and offers to claim again once it has expired', async () => {
    await create(claimed());
    expect(byTestId('call-claim-remaining').textContent?.trim()).toBe('Claim ends in 30:00');
    await jest.advanceTimersByTimeAsync(61_000);
    fixture.detectChanges();
    expect(byTestId('call-claim-remaining').textContent?.trim()).toBe('Claim ends in 28:59');

    jest.setSystemTime(NOW.getTime() + 30 * 60_000);
    await jest.advanceTimersByTimeAsync(1_000);
    fixture.detectChanges();
    expect(byTestId('call-claim-remaining').textContent).toContain('Claim expired');
    expect(byTestId<HTMLButtonElement>('call-outcome-reached').disabled).toBe(true);

    byTestId<HTMLButtonElement>('call-reclaim').click();
    httpMock
      .expectOne('/api/callbacks/41/claim')
      .flush(claimed({ claimExpiresAt: new Date(Date.now() + 30 * 60_000).toISOString() }));
    await settle();
    expect(byTestId('call-claim-remaining').textContent?.trim()).toBe('Claim ends in 30:00');
    expect(byTestId<HTMLButtonElement>('call-outcome-reached').disabled).toBe(false);
  });

  it('records an outcome with the note and closes with the updated callback', async () => {
    await create(claimed());
    type('call-note', '  患者恢复良好，已约下周复诊 ');
    byTestId<HTMLButtonElement>('call-outcome-reached').click();
    const req = httpMock.expectOne('/api/callbacks/41/attempts');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ outcome: 'reached', note: '患者恢复良好，已约下周复诊' });
    expect(byTestId<HTMLButtonElement>('call-outcome-no_answer').disabled).toBe(false); // not yet re-rendered
    fixture.detectChanges();
    expect(byTestId<HTMLButtonElement>('call-outcome-no_answer').disabled).toBe(true);

    const done = { ...claimed({ status: 'completed', outcome: 'reached', claimedBy: null }) } as CallbackItem;
    req.flush(done);
    await settle();
    expect(close).toHaveBeenCalledWith({ action: 'attempt', item: done });
  });

  it('sends no note when none was written, and explains an expired claim (409)', async () => {
    await create(claimed());
    byTestId<HTMLButtonElement>('call-outcome-no_answer').click();
    const req = httpMock.expectOne('/api/callbacks/41/attempts');
    expect(req.request.body).toEqual({ outcome: 'no_answer' });
    req.flush(
      { statusCode: 409, message: 'your claim has expired; claim the callback again' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(close).not.toHaveBeenCalled();
    expect(byTestId('call-error').textContent).toContain('Your claim has expired');
    expect(byTestId('call-claim-remaining').textContent).toContain('Claim expired');
    expect(byTestId<HTMLButtonElement>('call-outcome-declined').disabled).toBe(true);
  });

  it('shows a refusal (403) and lets the user try again', async () => {
    await create(claimed());
    byTestId<HTMLButtonElement>('call-outcome-wrong_number').click();
    httpMock
      .expectOne('/api/callbacks/41/attempts')
      .flush({ statusCode: 403, message: 'only the staff member who claimed this callback may record calls on it; claim it first', code: 'callback.not_claimed_by_you' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(byTestId('call-error').textContent?.trim()).toBe('Only the staff member who claimed this callback may record calls on it; claim it first');
    expect(byTestId<HTMLButtonElement>('call-outcome-wrong_number').disabled).toBe(false);
  });

  it('reschedules only to a future time with a reason, sent with the hospital offset', async () => {
    await create(claimed());
    byTestId<HTMLButtonElement>('call-reschedule').click();
    await settle();
    type('call-reschedule-due-day', '11/24/2026');
    byTestId('call-reschedule-due-day').dispatchEvent(new Event('change'));
    type('call-reschedule-due-time', '09:00');
    byTestId<HTMLButtonElement>('call-reschedule-submit').click();
    await settle();
    expect(fixture.nativeElement.textContent).toContain('Must be later than now');
    expect(fixture.nativeElement.textContent).toContain('Required');
    httpMock.expectNone('/api/callbacks/41/reschedule');

    type('call-reschedule-due-day', '11/26/2026');
    byTestId('call-reschedule-due-day').dispatchEvent(new Event('change'));
    type('call-reschedule-due-time', '14:30');
    type('call-reschedule-reason', ' 患者出差 ');
    byTestId<HTMLButtonElement>('call-reschedule-submit').click();
    const req = httpMock.expectOne('/api/callbacks/41/reschedule');
    expect(req.request.body).toEqual({ dueAt: '2026-11-26T14:30:00+08:00', reason: '患者出差' });
    const moved = claimed({ status: 'pending', dueAt: '2026-11-26T06:30:00.000Z' });
    req.flush(moved);
    await settle();
    expect(close).toHaveBeenCalledWith({ action: 'rescheduled', item: moved });
  });

  it('asks the server to tell the patient the new time when the box is ticked', async () => {
    await create(claimed());
    byTestId<HTMLButtonElement>('call-reschedule').click();
    await settle();
    type('call-reschedule-due-day', '11/26/2026');
    byTestId('call-reschedule-due-day').dispatchEvent(new Event('change'));
    type('call-reschedule-due-time', '14:30');
    type('call-reschedule-reason', '患者出差');
    expect(byTestId('call-reschedule-notify').textContent).toContain('Tell the patient the new time by message');
    byTestId('call-reschedule-notify').querySelector('input')?.click();
    byTestId<HTMLButtonElement>('call-reschedule-submit').click();
    const req = httpMock.expectOne('/api/callbacks/41/reschedule');
    expect(req.request.body).toEqual({ dueAt: '2026-11-26T14:30:00+08:00', reason: '患者出差', notifyPatient: true });
    req.flush(claimed({ status: 'pending', dueAt: '2026-11-26T06:30:00.000Z' }));
    await settle();
  });

  it('cancels only with a reason', async () => {
    await create(claimed());
    byTestId<HTMLButtonElement>('call-cancel').click();
    await settle();
    byTestId<HTMLButtonElement>('call-cancel-submit').click();
    await settle();
    httpMock.expectNone('/api/callbacks/41/cancel');
    expect(fixture.nativeElement.textContent).toContain('Required');

    type('call-cancel-reason', '患者已转院');
    byTestId<HTMLButtonElement>('call-cancel-submit').click();
    const req = httpMock.expectOne('/api/callbacks/41/cancel');
    expect(req.request.body).toEqual({ reason: '患者已转院' });
    req.flush(claimed({ status: 'cancelled' }));
    await settle();
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ action: 'cancelled' }));
  });

  it('releases the call back to the queue, or closes keeping the claim', async () => {
    await create(claimed());
    byTestId<HTMLButtonElement>('call-close').click();
    expect(close).toHaveBeenLastCalledWith(undefined);

    byTestId<HTMLButtonElement>('call-release').click();
    const req = httpMock.expectOne('/api/callbacks/41/release');
    expect(req.request.method).toBe('POST');
    req.flush(claimed({ status: 'pending', claimedBy: null }));
    await settle();
    expect(close).toHaveBeenLastCalledWith(expect.objectContaining({ action: 'released' }));
    expect(query('call-error')).toBeNull();
  });
});
