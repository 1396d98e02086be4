import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService, LOGIN_URL, SKIP_LOGIN_REDIRECT } from './auth.service';

const API_URL = /^\/api(?:[/?#]|$)/;

/**
 * Sends the bearer token with same-origin `/api` calls only (never to other hosts or static files),
 * and on a 401 from anything but the login call drops the session and opens the login page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!API_URL.test(req.url)) {
    return next(req);
  }
  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.token();
  const authorised = token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

  return next(authorised).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && err.status === 401 && !req.url.startsWith(LOGIN_URL)) {
        auth.clearSession();
        if (!req.context.get(SKIP_LOGIN_REDIRECT)) {
          const returnUrl = router.url;
          const keep = returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login');
          void router.navigate(['/login'], keep ? { queryParams: { returnUrl } } : {});
        }
      }
      return throwError(() => err);
    }),
  );
};
