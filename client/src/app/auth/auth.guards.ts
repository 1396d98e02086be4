import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, type UrlTree } from '@angular/router';
import { isRole } from '@huifang/shared';
import { AuthService } from './auth.service';
import { homePathFor } from './page-access';

/** Staff pages: no session → `/login?returnUrl=…`. */
export const authGuard: CanActivateFn = (_route, state) => signedInOrLogin(state.url);

/**
 * The same, before the staff pages' routes are even fetched (a `canMatch` runs before
 * `loadChildren`): a visitor who is not signed in downloads only the login page.
 */
export const authMatch: CanMatchFn = (_route, segments) =>
  signedInOrLogin(inject(Router).currentNavigation()?.extractedUrl.toString() ?? `/${segments.join('/')}`);

function signedInOrLogin(returnUrl: string): true | UrlTree {
  if (inject(AuthService).hasValidSession()) {
    return true;
  }
  return inject(Router).createUrlTree(
    ['/login'],
    returnUrl && returnUrl !== '/' ? { queryParams: { returnUrl } } : {},
  );
}

/** `data: { roles: [...] }`: a signed-in user without one of the roles goes to their own home page. */
export const roleGuard: CanMatchFn = (route) => {
  const user = inject(AuthService).user();
  if (!user) {
    // Not signed in: let the shell's authGuard send them to the login page with a return URL.
    return true;
  }
  const roles: unknown = route.data?.['roles'];
  const allowed = Array.isArray(roles) ? roles.filter(isRole) : [];
  if (allowed.includes(user.role)) {
    return true;
  }
  return inject(Router).parseUrl(homePathFor(user.role));
};

/** The login page: a signed-in user goes straight home. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  const user = auth.hasValidSession() ? auth.user() : null;
  return user ? inject(Router).parseUrl(homePathFor(user.role)) : true;
};
