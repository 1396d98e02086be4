import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Department } from '@huifang/shared';
import { Observable } from 'rxjs';

const DEPARTMENTS_URL = '/api/departments';

/** The hospital's departments (read by all staff; managed by admins). */
@Injectable({ providedIn: 'root' })
export class DepartmentsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<Department[]> {
    return this.http.get<Department[]>(DEPARTMENTS_URL);
  }
}
