import { Routes } from '@angular/router';
import { authGuard, authMatch, guestGuard } from './auth/auth.guards';
import { hospitalSettingsGuard } from './hospital-settings/hospital-settings.guard';

/**
 * The login page, and the staff pages inside the shell (shell.routes.ts), fetched after sign-in: the
 * login page downloads none of them. The public survey form (`/feedback/:token`) is an app of its own (main.ts).
 */
export const APP_ROUTES: Routes = [
  {
    path: 'login',
    title: 'pageTitles.login',
    canActivate: [guestGuard],
    loadComponent: () => import('./auth/login.component').then((m) => m.LoginComponent),
  },
  {
    path: '',
    canMatch: [authMatch],
    // The hospital's settings (time zone, thresholds) load before any staff page renders.
    canActivate: [authGuard, hospitalSettingsGuard],
    loadChildren: () => import('./shell/shell.routes').then((m) => m.SHELL_ROUTES),
  },
  { path: '**', redirectTo: '' },
];
