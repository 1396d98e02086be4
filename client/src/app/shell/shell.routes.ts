import { Injector, inject } from '@angular/core';
import { MAT_DIALOG_DEFAULT_OPTIONS, MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { Routes } from '@angular/router';
import { roleGuard } from '../auth/auth.guards';
import { AuthService } from '../auth/auth.service';
import { PAGE_ACCESS, PATIENT_PAGE_ROLES, homePathFor } from '../auth/page-access';
import { provideLocalizedDatepicker } from '../i18n/localized-datepicker';
import { ShellComponent } from './shell.component';

/** The signed-in staff member's pages, inside the shell (app.routes.ts guards them). */
export const SHELL_ROUTES: Routes = [
  {
    path: '',
    component: ShellComponent,
    providers: [
      // Datepickers are on staff pages only: their adapter (and date-fns) stays out of the login
      // page's download. A dialog's content is created under the root injector unless its config
      // names one: dialogs opened here get this route's, for their datepickers to find the adapter.
      provideLocalizedDatepicker(),
      MatDialog,
      { provide: MAT_DIALOG_DEFAULT_OPTIONS, useFactory: (): MatDialogConfig => ({ ...new MatDialogConfig(), injector: inject(Injector) }) },
    ],
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
        // The list and today's visits keep the patients page's roles (patients.routes); one patient's page is wider.
        data: { roles: PATIENT_PAGE_ROLES },
        loadChildren: () => import('../patients/patients.routes').then((m) => m.PATIENTS_ROUTES),
      },
      {
        path: PAGE_ACCESS.callbacks.path,
        title: 'nav.callbacks',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.callbacks.roles },
        loadChildren: () => import('../callbacks/callbacks.routes').then((m) => m.CALLBACKS_ROUTES),
      },
      {
        path: PAGE_ACCESS.dashboard.path,
        title: 'nav.dashboard',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.dashboard.roles },
        loadChildren: () => import('../dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: PAGE_ACCESS.relationship.path,
        title: 'nav.relationship',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.relationship.roles },
        loadChildren: () => import('../relationship/relationship.routes').then((m) => m.RELATIONSHIP_ROUTES),
      },
      {
        path: PAGE_ACCESS.improvement.path,
        title: 'nav.improvement',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.improvement.roles },
        loadChildren: () => import('../improvement/improvement.routes').then((m) => m.IMPROVEMENT_ROUTES),
      },
      {
        path: PAGE_ACCESS.reports.path,
        title: 'nav.reports',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.reports.roles },
        loadChildren: () => import('../reports/reports.routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: PAGE_ACCESS.feedback.path,
        title: 'nav.feedback',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.feedback.roles },
        loadChildren: () =>
          import('../feedback-responses/feedback-responses.routes').then((m) => m.FEEDBACK_RESPONSES_ROUTES),
      },
      {
        path: PAGE_ACCESS.users.path,
        title: 'nav.users',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.users.roles },
        loadChildren: () => import('../users/users.routes').then((m) => m.USERS_ROUTES),
      },
      {
        path: PAGE_ACCESS.templates.path,
        title: 'nav.templates',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.templates.roles },
        loadChildren: () => import('../templates/templates.routes').then((m) => m.TEMPLATES_ROUTES),
      },
      {
        path: PAGE_ACCESS.rules.path,
        title: 'nav.rules',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.rules.roles },
        loadChildren: () => import('../rules/rules.routes').then((m) => m.RULES_ROUTES),
      },
      {
        path: PAGE_ACCESS.outreach.path,
        title: 'nav.outreach',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.outreach.roles },
        loadChildren: () => import('../outreach/outreach.routes').then((m) => m.OUTREACH_ROUTES),
      },
      {
        path: PAGE_ACCESS.targets.path,
        title: 'nav.targets',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.targets.roles },
        loadComponent: () => import('../improvement/targets-page.component').then((m) => m.TargetsPageComponent),
      },
      {
        path: PAGE_ACCESS.settings.path,
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.settings.roles },
        title: 'nav.settings',
        loadComponent: () =>
          import('../hospital-settings/hospital-settings-page.component').then((m) => m.HospitalSettingsPageComponent),
      },
      {
        path: PAGE_ACCESS.departments.path,
        title: 'nav.departments',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.departments.roles },
        loadChildren: () => import('../departments/departments.routes').then((m) => m.DEPARTMENTS_ROUTES),
      },
      {
        path: PAGE_ACCESS.commentThemes.path,
        title: 'nav.commentThemes',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.commentThemes.roles },
        loadChildren: () => import('../comment-themes/comment-themes.routes').then((m) => m.COMMENT_THEMES_ROUTES),
      },
      {
        path: PAGE_ACCESS.audit.path,
        title: 'nav.audit',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.audit.roles },
        loadChildren: () => import('../audit/audit.routes').then((m) => m.AUDIT_ROUTES),
      },
      {
        path: PAGE_ACCESS.imports.path,
        title: 'nav.imports',
        canMatch: [roleGuard],
        data: { roles: PAGE_ACCESS.imports.roles },
        loadChildren: () => import('../imports/imports.routes').then((m) => m.IMPORTS_ROUTES),
      },
    ],
  },
];
