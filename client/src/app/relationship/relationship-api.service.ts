import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  IndicatorQuery,
  Page,
  PatientRelationship,
  PatientSummary,
  RelationshipIndicator,
  RelationshipPhase,
  ValueTier,
} from '@huifang/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

/** The period and department of the relationship view (its months: migration and equity trend). */
export type RelationshipQuery = Omit<IndicatorQuery, 'groupBy'>;

/** Which patients a cell lists: a phase × value tier now, or a month's migration from → to (`new`: no phase yet). */
export type RelationshipCellQuery =
  | { phase?: RelationshipPhase; valueTier?: ValueTier }
  | { month: string; fromPhase: RelationshipPhase | 'new'; toPhase: RelationshipPhase };

/** Relationship phases and patient value: one patient's, the quality managers' view, its CSV and its drill-down. */
@Injectable({ providedIn: 'root' })
export class RelationshipApiService {
  private readonly http = inject(HttpClient);

  /** Worked out now from the patient's record, with the reasons, factors and phase history (any staff). */
  patient(id: number): Observable<PatientRelationship> {
    return this.http.get<PatientRelationship>(`/api/patients/${encodeURIComponent(id)}/relationship`);
  }

  view(query: RelationshipQuery): Observable<RelationshipIndicator> {
    return this.http.get<RelationshipIndicator>('/api/indicators/relationship', { params: toHttpParams(query) });
  }

  /** The view as CSV (counts now, each month's migration, the equity trend), fetched with the token like every call. */
  csv(query: RelationshipQuery): Observable<Blob> {
    return this.http.get('/api/indicators/relationship.csv', { params: toHttpParams(query), responseType: 'blob' });
  }

  /** One page of the patients behind a cell, most valuable first (audited by the server). */
  patients(
    cell: RelationshipCellQuery,
    scope: { departmentId: number | null; page: number; pageSize: number },
  ): Observable<Page<PatientSummary>> {
    return this.http.get<Page<PatientSummary>>('/api/indicators/relationship/patients', {
      params: toHttpParams({ ...cell, ...scope }),
    });
  }
}
