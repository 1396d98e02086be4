import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@huifang/shared';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

const LOGIN: LoginResponse = {
  accessToken: 'token-123',
  expiresIn: 3600,
  user: { id: 1, username: 'frontdesk', displayName: '前台 李娜', role: 'front_desk' },
};

describe('authInterceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    httpMock.verify();
    sessionStorage.clear();
  });

  function signIn(): void {
    auth.login({ username: 'frontdesk', password: 'secret' }).subscribe();
    httpMock.expectOne('/api/auth/login').flush(LOGIN);
  }

  it('sends no Authorization header before login', () => {
    http.get('/api/users').subscribe();
    const req = httpMock.expectOne('/api/users');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush([]);
  });

  it('adds the bearer token to /api calls once logged in', () => {
    signIn();
    http.get('/api/patients?q=li').subscribe();
    const req = httpMock.expectOne('/api/patients?q=li');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-123');
    req.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('does not send the token to non-API URLs', () => {
    signIn();
    http.get('/i18n/zh.json').subscribe();
    http.get('https://example.com/api/users').subscribe();
    expect(httpMock.expectOne('/i18n/zh.json').request.headers.has('Authorization')).toBe(false);
    expect(httpMock.expectOne('https://example.com/api/users').request.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 clears the session and navigates to /login with the return URL', () => {
    signIn();
    expect(auth.isLoggedIn()).toBe(true);
    expect(sessionStorage.length).toBe(1);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/patients?q=wang');

    let status: number | undefined;
    http.get('/api/patients').subscribe({ error: (err: { status: number }) => (status = err.status) });
    httpMock
      .expectOne('/api/patients')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });

    expect(status).toBe(401);
    expect(auth.isLoggedIn()).toBe(false);
    expect(auth.token()).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/patients?q=wang' } });
  });

  it('leaves the session alone on a 401 from the login call itself', () => {
    signIn();
    const navigate = jest.spyOn(router, 'navigate');

    auth.login({ username: 'frontdesk', password: 'wrong' }).subscribe({ error: () => undefined });
    httpMock
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'wrong' }, { status: 401, statusText: 'Unauthorized' });

    expect(auth.isLoggedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not log out on other errors such as 403', () => {
    signIn();
    const navigate = jest.spyOn(router, 'navigate');
    http.get('/api/users').subscribe({ error: () => undefined });
    httpMock.expectOne('/api/users').flush({}, { status: 403, statusText: 'Forbidden' });
    expect(auth.isLoggedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });
});
