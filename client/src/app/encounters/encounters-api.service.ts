import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CheckInRequest, Encounter, EncounterQuery, FinishRequest, FinishedEncounter, Page } from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const ENCOUNTERS_URL = '/api/encounters';

/** Visits: check-in at the desk, call into the room, finish (optionally with the next visit due). */
@Injectable({ providedIn: 'root' })
export class EncountersApiService {
  private readonly http = inject(HttpClient);

  list(query: EncounterQuery): Observable<Page<Encounter>> {
    return this.http.get<Page<Encounter>>(ENCOUNTERS_URL, { params: toHttpParams(query) });
  }

  checkIn(request: CheckInRequest): Observable<Encounter> {
    return this.http.post<Encounter>(ENCOUNTERS_URL, request);
  }

  call(id: number): Observable<Encounter> {
    return this.http.post<Encounter>(`${encounterUrl(id)}/call`, {});
  }

  /** The finished visit, with whether the patient may be invited to a survey now (the server decides). */
  finish(id: number, request: FinishRequest = {}): Observable<FinishedEncounter> {
    return this.http.post<FinishedEncounter>(`${encounterUrl(id)}/finish`, request);
  }
}

function encounterUrl(id: number): string {
  return `${ENCOUNTERS_URL}/${encodeURIComponent(id)}`;
}
