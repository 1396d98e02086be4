import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/** `/callbacks`: the follow-up call queue (front desk, quality managers, admins); `/callbacks/:id`: one case, read-only. */
export const CALLBACKS_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./callbacks-page.component').then((m) => m.CallbacksPageComponent),
  },
  {
    path: ':id',
    title: 'pageTitles.callback',
    loadComponent: () => import('./callback-detail-page.component').then((m) => m.CallbackDetailPageComponent),
  },
];
