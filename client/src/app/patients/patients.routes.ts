import { Routes } from '@angular/router';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/** `/patients` (list), `/patients/today` (front desk's visits today), `/patients/:id` (one patient). */
export const PATIENTS_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./patients-page.component').then((m) => m.PatientsPageComponent),
      },
      {
        path: 'today',
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
