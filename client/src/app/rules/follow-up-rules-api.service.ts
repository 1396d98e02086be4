import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FollowUpRule, UpdateFollowUpRulesRequest } from '@huifang/shared';
import { Observable } from 'rxjs';

const RULES_URL = '/api/follow-up-rules';

/** The follow-up rules that create callbacks (admins). */
@Injectable({ providedIn: 'root' })
export class FollowUpRulesApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<FollowUpRule[]> {
    return this.http.get<FollowUpRule[]>(RULES_URL);
  }

  /** Saves the switches and offsets; answers with all the rules as stored (400 on bad values). */
  update(request: UpdateFollowUpRulesRequest): Observable<FollowUpRule[]> {
    return this.http.put<FollowUpRule[]>(RULES_URL, request);
  }
}
