import { Routes } from '@angular/router';

/** `/reports`: the monthly assessment report, for quality managers and admins. */
export const REPORTS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./report-page.component').then((m) => m.ReportPageComponent),
  },
];
