import { Routes } from '@angular/router';
import { DepartmentsPageComponent } from './departments-page.component';

export const DEPARTMENTS_ROUTES: Routes = [{ path: '', component: DepartmentsPageComponent }];
