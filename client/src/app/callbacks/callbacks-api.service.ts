import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CallbackItem,
  CallbackQuery,
  CallbackQueueCounts,
  CancelCallbackRequest,
  ClaimedCallback,
  CreateCallbackRequest,
  Page,
  RecordAttemptRequest,
  RescheduleCallbackRequest,
} from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const CALLBACKS_URL = '/api/callbacks';

/** The callback queue: list and counts, claiming, recording calls, rescheduling, cancelling, scheduling. */
@Injectable({ providedIn: 'root' })
export class CallbacksApiService {
  private readonly http = inject(HttpClient);

  /** One page of a queue view, by priority then due time; phones come masked. */
  list(query: CallbackQuery): Observable<Page<CallbackItem>> {
    return this.http.get<Page<CallbackItem>>(CALLBACKS_URL, { params: toHttpParams(query) });
  }

  /** One callback in any status, with its attempts and outcome (phone masked). */
  get(id: number): Observable<CallbackItem> {
    return this.http.get<CallbackItem>(callbackUrl(id));
  }

  /** How many open callbacks each view holds, with the same filters as the list. */
  counts(query: Pick<CallbackQuery, 'kind' | 'departmentId'>): Observable<CallbackQueueCounts> {
    return this.http.get<CallbackQueueCounts>(`${CALLBACKS_URL}/counts`, { params: toHttpParams(query) });
  }

  /** Schedules a manual callback; 409 when the patient declined follow-up calls. */
  create(request: CreateCallbackRequest): Observable<CallbackItem> {
    return this.http.post<CallbackItem>(CALLBACKS_URL, request);
  }

  /** Takes the call for the claim timeout (a hospital setting) and returns the full phone number; 409 names who holds it. */
  claim(id: number): Observable<ClaimedCallback> {
    return this.http.post<ClaimedCallback>(`${callbackUrl(id)}/claim`, {});
  }

  release(id: number): Observable<CallbackItem> {
    return this.http.post<CallbackItem>(`${callbackUrl(id)}/release`, {});
  }

  /** By the claimer only (403 otherwise; 409 once the claim has expired). */
  recordAttempt(id: number, request: RecordAttemptRequest): Observable<CallbackItem> {
    return this.http.post<CallbackItem>(`${callbackUrl(id)}/attempts`, request);
  }

  reschedule(id: number, request: RescheduleCallbackRequest): Observable<CallbackItem> {
    return this.http.post<CallbackItem>(`${callbackUrl(id)}/reschedule`, request);
  }

  cancel(id: number, request: CancelCallbackRequest): Observable<CallbackItem> {
    return this.http.post<CallbackItem>(`${callbackUrl(id)}/cancel`, request);
  }
}

function callbackUrl(id: number): string {
  return `${CALLBACKS_URL}/${encodeURIComponent(id)}`;
}
