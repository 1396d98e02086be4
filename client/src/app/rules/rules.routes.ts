import { Routes } from '@angular/router';

/** `/rules`: the follow-up rules that create callbacks (admins). */
export const RULES_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./rules-page.component').then((m) => m.RulesPageComponent),
  },
];
