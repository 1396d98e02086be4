import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import callbacksEn from '../../../public/i18n/callbacks/en.json';
import en from '../../../public/i18n/en.json';
import { registerDateLocales } from '../i18n/date-locale';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';
import { ScheduleCallbackDialogComponent, type ScheduleCallbackDialogData } from './schedule-callback-dialog.component';

// 02:00 UTC is 10:00 on 24 Nov in Shanghai.
const NOW = new Date('2026-11-24T02:00:00Z');

describe('ScheduleCallbackDialogComponent', () => {
  let fixture: ComponentFixture<ScheduleCallbackDialogComponent>;
  let httpMock: HttpTestingController;
  let close: jest.Mock;

  beforeAll(() => registerDateLocales());

  beforeEach(async () => {
    jest.useFakeTimers({ now: NOW });
    close = jest.fn();
    await TestBed.configureTestingModule({
      imports: [
        ScheduleCallbackDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'callbacks/en': callbacksEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideLocalizedDatepicker(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { patientId: 7, patientName: '王芳' } satisfies ScheduleCallbackDialogData },
        { provide: MatDialogRef, useValue: { close } },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ScheduleCallbackDialogComponent);
    await settle();
  });

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

  function type(id: string, value: string): void {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('proposes tomorrow at 09:00 and schedules a manual callback with the hospital offset', async () => {
    expect(byTestId('schedule-callback-dialog').textContent).toContain('Patient: 王芳');
    // The day in the datepicker, shown the English way; the time beside it.
    expect(byTestId<HTMLInputElement>('schedule-due-day').value).toBe('11/25/2026');
    expect(byTestId<HTMLInputElement>('schedule-due-time').value).toBe('09:00');
    expect(byTestId('schedule-priority').textContent).toContain('Normal');
    type('schedule-note', ' 询问新药副作用 ');
    byTestId<HTMLButtonElement>('schedule-submit').click();

    const req = httpMock.expectOne('/api/callbacks');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      patientId: 7,
      dueAt: '2026-11-25T09:00:00+08:00',
      kind: 'manual',
      priority: 'normal',
      note: '询问新药副作用',
    });
    const created = { id: 99, patientName: '王芳', dueAt: '2026-11-25T01:00:00.000Z' };
    req.flush(created, { status: 201, statusText: 'Created' });
    await settle();
    expect(close).toHaveBeenCalledWith(created);
  });

  it('refuses a time in the past', async () => {
    type('schedule-due-day', '11/24/2026');
    byTestId('schedule-due-day').dispatchEvent(new Event('change'));
    type('schedule-due-time', '08:00');
    byTestId<HTMLButtonElement>('schedule-submit').click();
    await settle();
    httpMock.expectNone('/api/callbacks');
    expect(fixture.nativeElement.textContent).toContain('Must be later than now');
  });

  it('says so when the time is missing', async () => {
    type('schedule-due-time', '');
    byTestId<HTMLButtonElement>('schedule-submit').click();
    await settle();
    httpMock.expectNone('/api/callbacks');
    expect(fixture.nativeElement.textContent).toContain('Enter a valid date and time');
  });

  it('explains a 409: the patient declined follow-up calls', async () => {
    byTestId<HTMLButtonElement>('schedule-submit').click();
    httpMock
      .expectOne('/api/callbacks')
      .flush({ statusCode: 409, message: 'the patient declined follow-up calls', code: 'callback.no_consent' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(byTestId('schedule-error').textContent?.trim()).toBe(
      'This patient declined follow-up calls; no callback can be scheduled.',
    );
    expect(close).not.toHaveBeenCalled();
    expect(byTestId<HTMLButtonElement>('schedule-submit').disabled).toBe(false);
  });
});
