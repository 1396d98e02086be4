import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@huifang/shared';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh.json';
import { I18N_CONFIG } from '../i18n/i18n.providers';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { LoginComponent } from './login.component';

const QUALITY: LoginResponse = {
  accessToken: 'jwt-quality',
  expiresIn: 3600,
  user: { id: 2, username: 'quality', displayName: '质控 王敏', role: 'quality_manager' },
};

describe('LoginComponent', () => {
  let fixture: ComponentFixture<LoginComponent>;
  let httpMock: HttpTestingController;
  let router: Router;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    sessionStorage.clear();
    await TestBed.configureTestingModule({
      imports: [
        LoginComponent,
        TranslocoTestingModule.forRoot({
          langs: { en, zh },
          translocoConfig: { ...I18N_CONFIG, defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    }).compileComponents();

    httpMock = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    navigateByUrl = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    httpMock.verify();
    sessionStorage.clear();
    localStorage.clear();
  });

  const byTestId = <T extends HTMLElement>(id: string): T | null =>
    fixture.nativeElement.querySelector(`[data-testid="${id}"]`);

  function fill(id: string, value: string): void {
    const input = byTestId<HTMLInputElement>(id);
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submitWith(username: string, password: string): Promise<void> {
    fill('login-username', username);
    fill('login-password', password);
    byTestId<HTMLButtonElement>('login-submit')?.click();
    await fixture.whenStable();
  }

  async function failWith(status: number, statusText: string): Promise<void> {
    await submitWith('quality', 'bad-password');
    httpMock
      .expectOne('/api/auth/login')
      .flush({ statusCode: status, error: statusText, message: statusText }, { status, statusText });
    await fixture.whenStable();
  }

  it('renders the translated form with its test ids and no error', () => {
    expect(byTestId('login-username')).not.toBeNull();
    expect(byTestId<HTMLInputElement>('login-password')?.type).toBe('password');
    expect(byTestId('login-submit')?.textContent?.trim()).toBe('Sign in');
    expect(fixture.nativeElement.textContent).toContain('Username');
    expect(byTestId('login-error')).toBeNull();
  });

  it('does not call the server while a field is empty', async () => {
    await submitWith('quality', '');
    httpMock.expectNone('/api/auth/login');
    expect(fixture.nativeElement.textContent).toContain('Required');
  });

  it('posts the credentials, stores the session and opens the role home page', async () => {
    await submitWith(' quality ', 'huifang-demo');
    const req = httpMock.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'quality', password: 'huifang-demo' });
    req.flush(QUALITY);
    await fixture.whenStable();

    const auth = TestBed.inject(AuthService);
    expect(auth.user()).toEqual(QUALITY.user);
    expect(auth.token()).toBe('jwt-quality');
    expect(navigateByUrl).toHaveBeenCalledWith('/dashboard');
    expect(byTestId('login-error')).toBeNull();
  });

  it('returns to a same-app returnUrl but never to another site', async () => {
    fixture.componentRef.setInput('returnUrl', '/feedback-responses');
    await submitWith('quality', 'huifang-demo');
    httpMock.expectOne('/api/auth/login').flush(QUALITY);
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenLastCalledWith('/feedback-responses');

    fixture.componentRef.setInput('returnUrl', '//evil.example/phish');
    await submitWith('quality', 'huifang-demo');
    httpMock.expectOne('/api/auth/login').flush(QUALITY);
    expect(navigateByUrl).toHaveBeenLastCalledWith('/dashboard');
  });

  it('shows "wrong username or password" on a 401 and stays logged out', async () => {
    await failWith(401, 'Unauthorized');
    expect(byTestId('login-error')?.textContent?.trim()).toBe('Wrong username or password');
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(false);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows "too many failed attempts" on a 429', async () => {
    await failWith(429, 'Too Many Requests');
    expect(byTestId('login-error')?.textContent?.trim()).toBe('Too many failed attempts, try later');
  });

  it('shows the error in Chinese after switching the language', async () => {
    byTestId<HTMLButtonElement>('lang-switch')?.click();
    await fixture.whenStable();
    expect(document.documentElement.lang).toBe('zh-CN');
    await failWith(401, 'Unauthorized');
    expect(byTestId('login-error')?.textContent?.trim()).toBe('用户名或密码错误');
    expect(byTestId('login-submit')?.textContent?.trim()).toBe('登录');
  });
});
