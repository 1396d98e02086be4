import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/**
 * `/feedback-responses`: survey responses for quality managers (`/feedback/:token` is the public form);
 * `/feedback-responses/themes`: the comments' themes, its chart with the dashboard's tree-shaken ECharts.
 */
export const FEEDBACK_RESPONSES_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () =>
      import('./feedback-responses-page.component').then((m) => m.FeedbackResponsesPageComponent),
  },
  {
    path: 'themes',
    title: 'pageTitles.feedbackThemes',
    providers: [provideEchartsCore({ echarts: () => import('../dashboard/echarts-setup').then((m) => m.echarts) })],
    loadComponent: () => import('./themes-page.component').then((m) => m.ThemesPageComponent),
  },
];
