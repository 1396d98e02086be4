import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/**
 * `/dashboard`: the quality manager's indicators. ECharts (tree-shaken in echarts-setup.ts) is
 * fetched only when the first chart initialises, in a chunk of its own.
 */
export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    providers: [
      { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
      provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) }),
    ],
    loadComponent: () => import('./dashboard-page.component').then((m) => m.DashboardPageComponent),
  },
];
