import { Routes } from '@angular/router';

/** `/templates`: survey templates and their versions (admins). */
export const TEMPLATES_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./templates-page.component').then((m) => m.TemplatesPageComponent),
  },
];
