import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/**
 * `/relationship`: relationship phases and patient value, for quality managers and admins. ECharts
 * (tree-shaken in the dashboard's echarts-setup.ts, shared with it) comes in a chunk of its own when
 * the first chart initialises.
 */
export const RELATIONSHIP_ROUTES: Routes = [
  {
    path: '',
    providers: [
      { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
      provideEchartsCore({ echarts: () => import('../dashboard/echarts-setup').then((m) => m.echarts) }),
    ],
    loadComponent: () => import('./relationship-page.component').then((m) => m.RelationshipPageComponent),
  },
];
