import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { SurveyInvitation } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import surveysEn from '../../../public/i18n/surveys/en.json';
import { registerDateLocales } from '../i18n/date-locale';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { InviteDialogComponent, type InviteDialogData } from './invite-dialog.component';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33"><path d="M2 2h7v7H2z"/></svg>';
const INVITATION: SurveyInvitation = {
  id: 31,
  token: 'k3VdQ0m9y2Xw8Rr1s5TtUu7W',
  url: 'https://huifang.example/feedback/k3VdQ0m9y2Xw8Rr1s5TtUu7W',
  // 19:40 UTC is 03:40 the next day in Shanghai.
  expiresAt: '2026-12-07T19:40:00.000Z',
  qrSvg: SVG,
};

describe('InviteDialogComponent', () => {
  let fixture: ComponentFixture<InviteDialogComponent>;
  let httpMock: HttpTestingController;

  beforeAll(() => registerDateLocales());

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        InviteDialogComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, 'surveys/en': surveysEn },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { encounterId: 6947 } satisfies InviteDialogData },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InviteDialogComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    httpMock.verify();
    document.body.classList.remove('hf-invite-printing');
  });

  const query = <T extends HTMLElement>(id: string): T | null =>
    fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as T | null;
  const byTestId = <T extends HTMLElement>(id: string): T => {
    const el = query<T>(id);
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };

  function expectInvitationRequest() {
    const req = httpMock.expectOne('/api/survey-invitations');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ encounterId: 6947 });
    return req;
  }

  it('creates the invitation on open and shows the QR code, the full link and the expiry', async () => {
    expect(fixture.nativeElement.textContent).toContain('Creating the survey link');
    expectInvitationRequest().flush(INVITATION, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(byTestId('invite-url').textContent?.trim()).toBe(INVITATION.url);
    const qr = byTestId<HTMLImageElement>('invite-qr');
    expect(qr.getAttribute('src')).toBe(`data:image/svg+xml;base64,${btoa(SVG)}`);
    expect(qr.getAttribute('alt')).toBe('QR code of the survey link');
    expect(byTestId('invite-expiry').textContent?.trim()).toBe('Valid until Dec 8, 2026, 03:40');
    expect(query('invite-error')).toBeNull();
    expect(query('invite-print')).not.toBeNull();
    // The printed sheet carries the link and both languages.
    const sheet = fixture.nativeElement.querySelector('.hf-invite-sheet') as HTMLElement;
    expect(sheet.textContent).toContain(INVITATION.url);
    expect(sheet.textContent).toContain('有效期至 2026年12月8日');
    expect(sheet.textContent).toContain('expires on Dec 8, 2026');
  });

  it('never puts the SVG into the page as markup', async () => {
    expectInvitationRequest().flush({ ...INVITATION, qrSvg: '<svg><script>alert(1)</script></svg>' });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('svg, script')).toBeNull();
  });

  it('copies the link to the clipboard and says so', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expectInvitationRequest().flush(INVITATION);
    await fixture.whenStable();

    byTestId<HTMLButtonElement>('invite-copy').click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(INVITATION.url);
    expect(byTestId('invite-copy').textContent?.trim()).toBe('Copied');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });

  it('prints with the page marked so only the invitation sheet is printed', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => {
      expect(document.body.classList.contains('hf-invite-printing')).toBe(true);
    });
    expectInvitationRequest().flush(INVITATION);
    await fixture.whenStable();

    byTestId<HTMLButtonElement>('invite-print').click();
    expect(print).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.classList.contains('hf-invite-printing')).toBe(false);
    print.mockRestore();
  });

  it('says the patient declined surveys when the server refuses with survey.declined', async () => {
    expectInvitationRequest().flush(
      { statusCode: 409, error: 'Conflict', message: 'the patient declined feedback surveys', code: 'survey.declined' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(byTestId('invite-error').textContent).toContain('The patient has declined feedback surveys.');
    expect(query('invite-qr')).toBeNull();
    expect(query('invite-url')).toBeNull();
    expect(query('invite-print')).toBeNull();
  });

  it('says from when the next invitation is possible when the patient was invited too recently', async () => {
    expectInvitationRequest().flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'the patient was invited on 2026-11-20; the next invitation is possible from 2026-12-20',
        code: 'survey.too_soon',
        params: { lastInvitedDay: '2026-11-20', nextAllowedDay: '2026-12-20' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    const error = byTestId('invite-error').textContent ?? '';
    expect(error).toContain('was invited to a survey recently');
    expect(error).toContain('The next invitation is possible from Dec 20, 2026.');
  });

  it("translates another refusal's code (never the server's English), and offers a retry after a failure", async () => {
    expectInvitationRequest().flush(
      { statusCode: 409, error: 'Conflict', message: 'the visit is not finished yet: invite after it ends', code: 'survey.visit_not_finished' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(byTestId('invite-error').textContent).toContain(en.errorCodes['survey.visit_not_finished']);
    expect(byTestId('invite-error').textContent).not.toContain('the visit is not finished');
    expect(query('invite-retry')).toBeNull();

    // A 404 (unknown encounter) is a failure, not a refusal: it can be retried.
    fixture.componentInstance['create']();
    expectInvitationRequest().flush(
      { statusCode: 404, error: 'Not Found', message: 'encounter 6947 not found', code: 'encounter.not_found', params: { encounterId: 6947 } },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(byTestId('invite-error').textContent).toContain(en.errorCodes['encounter.not_found'].replace('{{encounterId}}', '6947'));
    byTestId<HTMLButtonElement>('invite-retry').click();
    expectInvitationRequest().flush(INVITATION);
    await fixture.whenStable();
    expect(byTestId('invite-url').textContent?.trim()).toBe(INVITATION.url);
  });
});
