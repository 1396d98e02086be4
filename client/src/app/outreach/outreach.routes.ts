import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/** `/outreach`: channels, outbox and message templates, for admins. */
export const OUTREACH_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./outreach-page.component').then((m) => m.OutreachPageComponent),
  },
];
