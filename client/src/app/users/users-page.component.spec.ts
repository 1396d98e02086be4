import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { StaffUser } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import { authInterceptor } from '../auth/auth.interceptor';
import { AuthService } from '../auth/auth.service';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { UsersPageComponent } from './users-page.component';

const ADMIN: StaffUser = {
  id: 1,
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
  active: true,
  createdAt: '2026-01-05T08:00:00+08:00',
  lastLoginAt: '2026-03-01T09:30:00+08:00',
};
const FRONT_DESK: StaffUser = {
  id: 3,
  username: 'frontdesk',
  displayName: '前台 李娜',
  role: 'front_desk',
  active: true,
  createdAt: '2026-01-06T08:00:00+08:00',
  lastLoginAt: null,
};

describe('UsersPageComponent', () => {
  let fixture: ComponentFixture<UsersPageComponent>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    await TestBed.configureTestingModule({
      imports: [
        UsersPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en', fallbackLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    }).compileComponents();
    httpMock = TestBed.inject(HttpTestingController);

    TestBed.inject(AuthService).login({ username: 'admin', password: 'x' }).subscribe();
    httpMock.expectOne('/api/auth/login').flush({
      accessToken: 'jwt-admin',
      expiresIn: 3600,
      user: { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' },
    });

    fixture = TestBed.createComponent(UsersPageComponent);
    await fixture.whenStable();
    const list = httpMock.expectOne('/api/users');
    expect(list.request.method).toBe('GET');
    expect(list.request.headers.get('Authorization')).toBe('Bearer jwt-admin');
    list.flush([ADMIN, FRONT_DESK]);
    await fixture.whenStable();
  });

  afterEach(() => {
    httpMock.verify();
    sessionStorage.clear();
  });

  const byTestId = <T extends HTMLElement>(id: string): T => {
    const el = fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as T | null;
    if (!el) throw new Error(`no element with data-testid="${id}"`);
    return el;
  };

  it('lists the staff accounts, one row per username, with translated roles', () => {
    expect(byTestId('users-table')).toBeTruthy();
    expect(byTestId('user-row-admin').textContent).toContain('系统管理员');
    const row = byTestId('user-row-frontdesk');
    expect(row.textContent).toContain('前台 李娜');
    expect(row.textContent).toContain('Front desk');
    expect(row.textContent).toContain('Never');
    expect(byTestId('user-status-frontdesk').textContent?.trim()).toBe('Active');
  });

  it('does not let the admin deactivate themselves', () => {
    expect(byTestId<HTMLButtonElement>('user-toggle-active-admin').disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('user-toggle-active-frontdesk').disabled).toBe(false);
  });

  /** Deactivating asks first; the confirmation is a dialog in the overlay, outside the fixture. */
  async function confirmDeactivation(answer: 'confirm-ok' | 'confirm-cancel'): Promise<void> {
    byTestId<HTMLButtonElement>('user-toggle-active-frontdesk').click();
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="confirm-message"]')?.textContent).toContain('frontdesk');
    (document.querySelector(`[data-testid="${answer}"]`) as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('asks before deactivating, and sends nothing when cancelled', async () => {
    await confirmDeactivation('confirm-cancel');
    httpMock.expectNone('/api/users/3');
    expect(byTestId('user-status-frontdesk').textContent?.trim()).toBe('Active');
  });

  it('deactivates a user with PATCH {active:false} once confirmed, and shows the new state', async () => {
    await confirmDeactivation('confirm-ok');
    const req = httpMock.expectOne('/api/users/3');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ active: false });
    req.flush({ ...FRONT_DESK, active: false });
    await fixture.whenStable();

    expect(byTestId('user-status-frontdesk').textContent?.trim()).toBe('Inactive');
    expect(byTestId('user-toggle-active-frontdesk').textContent?.trim()).toBe('Activate');
    expect(document.body.textContent).toContain('frontdesk deactivated');
  });

  it('shows the translated reason in a snackbar and keeps the row unchanged', async () => {
    await confirmDeactivation('confirm-ok');
    httpMock
      .expectOne('/api/users/3')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'you cannot deactivate yourself or remove your own admin role', code: 'user.self_demotion' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    expect(document.body.textContent).toContain('You cannot deactivate yourself or remove your own admin role');
    expect(byTestId('user-status-frontdesk').textContent?.trim()).toBe('Active');
  });
});
