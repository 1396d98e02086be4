import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateDepartmentRequest, Department, UpdateDepartmentRequest } from '@huifang/shared';
import { Observable } from 'rxjs';

const DEPARTMENTS_URL = '/api/departments';

/** The hospital's departments (read by all staff; managed by admins). */
@Injectable({ providedIn: 'root' })
export class DepartmentsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<Department[]> {
    return this.http.get<Department[]>(DEPARTMENTS_URL);
  }

  create(request: CreateDepartmentRequest): Observable<Department> {
    return this.http.post<Department>(DEPARTMENTS_URL, request);
  }

  /** Rename, or deactivate / reactivate (admin). */
  update(id: number, changes: UpdateDepartmentRequest): Observable<Department> {
    return this.http.patch<Department>(`${DEPARTMENTS_URL}/${encodeURIComponent(id)}`, changes);
  }
}
