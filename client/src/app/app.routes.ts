import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { authGuard, guestGuard, roleGuard } from './auth/auth.guards';
import { AuthService } from './auth/auth.service';
import { PAGE_ACCESS, homePathFor } from './auth/page-access';

/** Staff pages live inside the shell; the public patient feedback page (`/feedback/:token`) will not. */
export const APP_ROUTES: Routes = [
  {
    path: 'login',
    title: 'pageTitles.login',
    canActivate: [guestGuard],
    loadComponent: () => import('./auth/login.component').then((m) => m.LoginComponent),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        redirectTo: () => {
          const user = inject(AuthService).user();
          return user ? homePathFor(user.role) : '/login';
        },
      },
      {
        path: PAGE_ACCESS.patients.path,
        title: 'nav.patients',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.patients.roles },
        loadChildren: () => import('./patients/patients.routes').then((m) => m.PATIENTS_ROUTES),
      },
      {
        path: PAGE_ACCESS.callbacks.path,
        title: 'nav.callbacks',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.callbacks.roles },
        loadChildren: () => import('./callbacks/callbacks.routes').then((m) => m.CALLBACKS_ROUTES),
      },
      {
        path: PAGE_ACCESS.dashboard.path,
        title: 'nav.dashboard',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.dashboard.roles },
        loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: PAGE_ACCESS.feedback.path,
        title: 'nav.feedback',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.feedback.roles },
        loadChildren: () =>
          import('./feedback-responses/feedback-responses.routes').then((m) => m.FEEDBACK_RESPONSES_ROUTES),
      },
      {
        path: PAGE_ACCESS.users.path,
        title: 'nav.users',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.users.roles },
        loadChildren: () => import('./users/users.routes').then((m) => m.USERS_ROUTES),
      },
      {
        path: PAGE_ACCESS.templates.path,
        title: 'nav.templates',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.templates.roles },
        loadChildren: () => import('./templates/templates.routes').then((m) => m.TEMPLATES_ROUTES),
      },
      {
        path: PAGE_ACCESS.rules.path,
        title: 'nav.rules',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.rules.roles },
        loadChildren: () => import('./rules/rules.routes').then((m) => m.RULES_ROUTES),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
