import { Routes } from '@angular/router';

/**
 * `/improvement`: the actions list; `/improvement/new` (optionally prefilled from a dashboard figure);
 * `/improvement/:id` an action with its evaluation and notes; `/improvement/:id/edit`. Each page in a chunk of its own.
 */
export const IMPROVEMENT_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./actions-page.component').then((m) => m.ActionsPageComponent) },
  {
    path: 'new',
    title: 'pageTitles.newAction',
    loadComponent: () => import('./action-form-page.component').then((m) => m.ActionFormPageComponent),
  },
  {
    path: ':id',
    title: 'pageTitles.action',
    loadComponent: () => import('./action-page.component').then((m) => m.ActionPageComponent),
  },
  {
    path: ':id/edit',
    title: 'pageTitles.editAction',
    loadComponent: () => import('./action-form-page.component').then((m) => m.ActionFormPageComponent),
  },
];
