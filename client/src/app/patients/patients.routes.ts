import { Routes } from '@angular/router';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { roleGuard } from '../auth/auth.guards';
import { PAGE_ACCESS } from '../auth/page-access';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/** The list and today's visits: the patients page's roles (a quality manager opens only one patient, from a drill-down). */
const DESK_ONLY = { canMatch: [roleGuard], data: { roles: PAGE_ACCESS.patients.roles } };

/** `/patients` (list), `/patients/today` (front desk's visits today), `/patients/:id` (one patient). */
export const PATIENTS_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    children: [
      {
        path: '',
        pathMatch: 'full',
        ...DESK_ONLY,
        loadComponent: () => import('./patients-page.component').then((m) => m.PatientsPageComponent),
      },
      {
        path: 'today',
        ...DESK_ONLY,
        title: 'today.title',
        loadComponent: () => import('../encounters/today-page.component').then((m) => m.TodayPageComponent),
      },
      {
        path: ':id',
        title: 'pageTitles.patient',
        loadComponent: () => import('./patient-page.component').then((m) => m.PatientPageComponent),
      },
    ],
  },
];
