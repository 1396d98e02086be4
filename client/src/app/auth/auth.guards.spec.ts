import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  Route,
  Router,
  RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import type { LoginResponse, Role } from '@huifang/shared';
import { authGuard, guestGuard, roleGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { homePathFor } from './page-access';

function loginAs(role: Role): void {
  const response: LoginResponse = {
    accessToken: `jwt-${role}`,
    expiresIn: 3600,
    user: { id: 7, username: role, displayName: role, role },
  };
  TestBed.inject(AuthService).login({ username: role, password: 'x' }).subscribe();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(response);
}

const serialize = (result: unknown): string =>
  result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : String(result);

const runAuthGuard = (url: string) =>
  TestBed.runInInjectionContext(() =>
    authGuard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
  );
const runRoleGuard = (roles: readonly Role[] | undefined) =>
  TestBed.runInInjectionContext(() => roleGuard({ data: roles ? { roles } : {} } as Route, []));
const runGuestGuard = () =>
  TestBed.runInInjectionContext(() => guestGuard({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot));

describe('route guards', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  afterEach(() => sessionStorage.clear());

  it('authGuard sends a visitor without a session to /login with the return URL', () => {
    expect(serialize(runAuthGuard('/users?tab=1'))).toBe('/login?returnUrl=%2Fusers%3Ftab%3D1');
    expect(serialize(runAuthGuard('/'))).toBe('/login');
  });

  it('authGuard lets a signed-in user through', () => {
    loginAs('front_desk');
    expect(runAuthGuard('/patients')).toBe(true);
  });

  it('roleGuard lets a listed role through and sends others to their own home page', () => {
    loginAs('front_desk');
    expect(runRoleGuard(['front_desk', 'admin'])).toBe(true);
    expect(serialize(runRoleGuard(['admin']))).toBe('/patients');
  });

  it('roleGuard refuses a route that lists no roles', () => {
    loginAs('quality_manager');
    expect(serialize(runRoleGuard(undefined))).toBe('/dashboard');
  });

  it('guestGuard sends a signed-in user from /login to their home page', () => {
    expect(runGuestGuard()).toBe(true);
    loginAs('admin');
    expect(serialize(runGuestGuard())).toBe('/users');
  });

  it('maps every role to its home page', () => {
    expect(homePathFor('front_desk')).toBe('/patients');
    expect(homePathFor('quality_manager')).toBe('/dashboard');
    expect(homePathFor('admin')).toBe('/users');
  });
});
