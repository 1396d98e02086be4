import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import type { Patient } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { PatientFormDialogComponent } from './patient-form-dialog.component';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';

describe('PatientFormDialogComponent (register)', () => {
  let fixture: ComponentFixture<PatientFormDialogComponent>;
  let httpMock: HttpTestingController;
  const close = jest.fn();

  beforeEach(async () => {
    close.mockReset();
    await TestBed.configureTestingModule({
      imports: [
        PatientFormDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { en },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideLocalizedDatepicker(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MatDialogRef, useValue: { close } },
        { provide: MAT_DIALOG_DATA, useValue: null },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PatientFormDialogComponent);
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const byTestId = <T extends HTMLElement>(id: string): T => {
    const el = document.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };

  function fill(id: string, value: string): void {
    const input = byTestId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    byTestId<HTMLButtonElement>('register-submit').click();
    await fixture.whenStable();
  }

  const text = () => fixture.nativeElement.textContent as string;

  it('refuses an empty name, a phone outside MOBILE_PHONE_PATTERN and a future birth date, without calling the server', async () => {
    fill('register-phone', '1280013800');
    fill('register-birthdate', '2999-01-01');
    await submit();

    httpMock.expectNone('/api/patients');
    expect(text()).toContain('Required');
    expect(text()).toContain('Enter a valid mobile number: 11 digits starting with 13–19');
    expect(text()).toContain('Cannot be in the future');
    expect(close).not.toHaveBeenCalled();
  });

  it('posts the normalised phone and both consents, and closes with the new patient', async () => {
    fill('register-name', '王芳');
    fill('register-phone', '+86 138-0013-8000');
    fill('register-birthdate', '1980-05-20');
    fill('register-note', '青霉素过敏');
    byTestId<HTMLInputElement>('register-consent-calls').click();
    await submit();

    const req = httpMock.expectOne('/api/patients');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      name: '王芳',
      phone: '13800138000',
      birthDate: '1980-05-20',
      note: '青霉素过敏',
      consent: { followUpCalls: true, surveys: false },
    });
    const created = { id: 42, name: '王芳' } as Patient;
    req.flush(created, { status: 201, statusText: 'Created' });
    expect(close).toHaveBeenCalledWith(created);
  });

  it("names the fields of a 400 in the user's language (never the server's English) and stays open", async () => {
    fill('register-name', '王芳');
    fill('register-phone', '13800138000');
    await submit();
    httpMock
      .expectOne('/api/patients')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: ['phone must be a valid mobile number'], code: 'validation.failed', params: { fields: ['phone'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();

    expect(byTestId('register-error').textContent?.trim()).toBe('Please check: phone number');
    expect(close).not.toHaveBeenCalled();
    expect(byTestId<HTMLButtonElement>('register-submit').disabled).toBe(false);
  });

  it('on a duplicate (409) offers to open the existing record', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fill('register-name', '王芳');
    fill('register-phone', '13800138000');
    await submit();
    httpMock.expectOne('/api/patients').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'a patient with this name and phone is already registered (id 17)',
        code: 'patient.duplicate',
        params: { existingPatientId: 17 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(byTestId('register-error').textContent).toContain('This patient is already registered (no. 17)');
    expect(byTestId('register-error').textContent).not.toContain('a patient with this name');
    byTestId<HTMLButtonElement>('register-open-existing').click();
    expect(close).toHaveBeenCalledWith();
    expect(navigate).toHaveBeenCalledWith(['/patients', 17]);
  });
});
