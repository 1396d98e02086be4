import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';
import { AuditPageComponent } from './audit-page.component';

export const AUDIT_ROUTES: Routes = [
  { path: '', component: AuditPageComponent, providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }] },
];
