import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserRequest, StaffUser, UpdateUserRequest } from '@huifang/shared';
import { Observable } from 'rxjs';

const USERS_URL = '/api/users';

/** Staff accounts (admin only). */
@Injectable({ providedIn: 'root' })
export class UsersApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<StaffUser[]> {
    return this.http.get<StaffUser[]>(USERS_URL);
  }

  create(request: CreateUserRequest): Observable<StaffUser> {
    return this.http.post<StaffUser>(USERS_URL, request);
  }

  update(id: number, changes: UpdateUserRequest): Observable<StaffUser | null> {
    return this.http.patch<StaffUser | null>(`${USERS_URL}/${encodeURIComponent(id)}`, changes);
  }
}
