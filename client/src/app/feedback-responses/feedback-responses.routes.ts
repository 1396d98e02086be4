import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';

/** `/feedback-responses`: survey responses for quality managers (`/feedback/:token` is the public form). */
export const FEEDBACK_RESPONSES_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () =>
      import('./feedback-responses-page.component').then((m) => m.FeedbackResponsesPageComponent),
  },
];
