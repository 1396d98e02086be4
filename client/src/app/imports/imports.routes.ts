import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/translated-paginator-intl';
import { FhirDepartmentsPageComponent } from './fhir-departments-page.component';
import { ImportsPageComponent } from './imports-page.component';

export const IMPORTS_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    children: [
      { path: '', component: ImportsPageComponent },
      { path: 'fhir-departments', title: 'imports.fhirDepartments.title', component: FhirDepartmentsPageComponent },
      { path: ':id', component: ImportsPageComponent },
    ],
  },
];
