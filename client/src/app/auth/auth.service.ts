import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { type AuthUser, type LoginRequest, type LoginResponse, isRole } from '@huifang/shared';
import { Observable, catchError, firstValueFrom, map, of, tap, timeout } from 'rxjs';

/** Marks a request whose 401 must clear the session without navigating (the start-up check). */
export const SKIP_LOGIN_REDIRECT = new HttpContextToken<boolean>(() => false);

export const LOGIN_URL = '/api/auth/login';
const ME_URL = '/api/auth/me';
const STORAGE_KEY = 'huifang.session';

interface Session {
  token: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  user: AuthUser;
}

/** The signed-in staff member and their bearer token, kept in sessionStorage (one browser tab). */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(readSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  token(): string | null {
    return this.session()?.token ?? null;
  }

  /** False (and the session dropped) once the token has expired. */
  hasValidSession(): boolean {
    const current = this.session();
    if (current && current.expiresAt <= Date.now()) {
      this.clearSession();
      return false;
    }
    return current !== null;
  }

  login(credentials: LoginRequest): Observable<AuthUser> {
    return this.http.post<LoginResponse>(LOGIN_URL, credentials).pipe(
      tap((res) => this.setSession({ token: res.accessToken, expiresAt: expiryFrom(res.expiresIn), user: res.user })),
      map((res) => res.user),
    );
  }

  /** On start: refresh the stored user (role or name may have changed); a 401 drops the session. */
  restore(): Promise<void> {
    if (!this.hasValidSession()) {
      return Promise.resolve();
    }
    const request = this.http
      .get<AuthUser>(ME_URL, { context: new HttpContext().set(SKIP_LOGIN_REDIRECT, true) })
      .pipe(
        timeout(10_000),
        tap((user) => {
          const current = this.session();
          if (current && isRole(user?.role)) {
            this.setSession({ ...current, user });
          }
        }),
        map(() => undefined),
        // Server unreachable: keep the stored user; the next API call decides.
        catchError(() => of(undefined)),
      );
    return firstValueFrom(request);
  }

  clearSession(): void {
    this.session.set(null);
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage unavailable: nothing stored either
    }
  }

  logout(): void {
    this.clearSession();
    void this.router.navigate(['/login']);
  }

  private setSession(session: Session): void {
    this.session.set(session);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // storage unavailable (private mode): the session lives in memory only
    }
  }
}

function expiryFrom(expiresInSeconds: number | undefined): number {
  const seconds =
    typeof expiresInSeconds === 'number' && expiresInSeconds > 0 ? expiresInSeconds : 12 * 60 * 60;
  return Date.now() + seconds * 1000;
}

function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) {
      return null;
    }
    const parsed = JSON.parse(raw) as Partial<Session> | null;
    const valid =
      !!parsed &&
      typeof parsed.token === 'string' &&
      typeof parsed.expiresAt === 'number' &&
      parsed.expiresAt > Date.now() &&
      typeof parsed.user?.username === 'string' &&
      isRole(parsed.user?.role);
    if (!valid) {
      sessionStorage.removeItem(STORAGE_KEY);
      return null;
    }
    return parsed as Session;
  } catch {
    return null;
  }
}
