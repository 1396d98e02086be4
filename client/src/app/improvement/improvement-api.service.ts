import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateImprovementActionRequest,
  CreateImprovementNoteRequest,
  ImprovementAction,
  ImprovementActionList,
  ImprovementActionQuery,
  ImprovementOwner,
  IndicatorTarget,
  IndicatorTargetList,
  PutIndicatorTargetRequest,
  UpdateImprovementActionRequest,
} from '@huifang/shared';
import { Observable, map } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const ACTIONS_URL = '/api/improvement-actions';
const TARGETS_URL = '/api/indicator-targets';

/** Improvement actions with their verdicts, and indicator targets (quality managers and admins; targets are set by admins). */
@Injectable({ providedIn: 'root' })
export class ImprovementApiService {
  private readonly http = inject(HttpClient);

  actions(query: ImprovementActionQuery = {}): Observable<ImprovementActionList> {
    return this.http.get<ImprovementActionList>(ACTIONS_URL, { params: toHttpParams(query) });
  }

  /** Active staff by name: whom an action can be given to. */
  owners(): Observable<ImprovementOwner[]> {
    return this.http.get<{ items: ImprovementOwner[] }>(`${ACTIONS_URL}/owners`).pipe(map((answer) => answer.items));
  }

  action(id: number): Observable<ImprovementAction> {
    return this.http.get<ImprovementAction>(`${ACTIONS_URL}/${encodeURIComponent(id)}`);
  }

  create(request: CreateImprovementActionRequest): Observable<ImprovementAction> {
    return this.http.post<ImprovementAction>(ACTIONS_URL, request);
  }

  update(id: number, changes: UpdateImprovementActionRequest): Observable<ImprovementAction> {
    return this.http.patch<ImprovementAction>(`${ACTIONS_URL}/${encodeURIComponent(id)}`, changes);
  }

  /** Answers the action with its notes (the new one last) and its evaluation as of now. */
  addNote(id: number, request: CreateImprovementNoteRequest): Observable<ImprovementAction> {
    return this.http.post<ImprovementAction>(`${ACTIONS_URL}/${encodeURIComponent(id)}/notes`, request);
  }

  targets(): Observable<IndicatorTarget[]> {
    return this.http.get<IndicatorTargetList>(TARGETS_URL).pipe(map((list) => list.items));
  }

  putTarget(request: PutIndicatorTargetRequest): Observable<IndicatorTarget> {
    return this.http.put<IndicatorTarget>(TARGETS_URL, request);
  }

  deleteTarget(id: number): Observable<void> {
    return this.http.delete<void>(`${TARGETS_URL}/${encodeURIComponent(id)}`);
  }
}
