import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DrillDownQuery,
  ExportLanguage,
  DrillDownRow,
  FlowTarget,
  IndicatorName,
  IndicatorQuery,
  IndicatorSeries,
  IndicatorSummary,
  LifecycleFlow,
  LifecycleStage,
  LiveBoard,
  Page,
} from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const INDICATORS_URL = '/api/indicators';

export interface FlowDrillDownQuery extends Omit<DrillDownQuery, 'key' | 'segment' | 'groupBy'> {
  fromStage: LifecycleStage;
  toStage: FlowTarget;
}

/** The quality indicators (summary, series, lifecycle flow, drill-down, CSV) and the front desk's live board. */
@Injectable({ providedIn: 'root' })
export class IndicatorsApiService {
  private readonly http = inject(HttpClient);

  summary(query: IndicatorQuery): Observable<IndicatorSummary> {
    return this.http.get<IndicatorSummary>(`${INDICATORS_URL}/summary`, { params: toHttpParams(query) });
  }

  /** One point per bucket of the period, empty buckets included (n = 0, figures null). */
  series<N extends IndicatorName>(name: N, query: IndicatorQuery): Observable<IndicatorSeries<N>> {
    return this.http.get<IndicatorSeries<N>>(`${INDICATORS_URL}/${name}`, { params: toHttpParams(query) });
  }

  /** The rows behind one point and segment of a series; phones come masked. */
  patients(name: IndicatorName, query: DrillDownQuery): Observable<Page<DrillDownRow>> {
    return this.http.get<Page<DrillDownRow>>(`${INDICATORS_URL}/${name}/patients`, { params: toHttpParams(query) });
  }

  /** The same series as a CSV file (UTF-8 with BOM, headers in `lang`), fetched with the token like every API call. */
  csv(name: IndicatorName, query: IndicatorQuery, lang: ExportLanguage): Observable<Blob> {
    return this.http.get(`${INDICATORS_URL}/${name}.csv`, { params: toHttpParams({ ...query, lang }), responseType: 'blob' });
  }

  /** Every row behind a figure (not one page) as CSV, headers in `lang`; the server audits the export. */
  patientsCsv(name: IndicatorName, query: Omit<DrillDownQuery, 'page' | 'pageSize'>, lang: ExportLanguage): Observable<Blob> {
    return this.http.get(`${INDICATORS_URL}/${name}/patients.csv`, { params: toHttpParams({ ...query, lang }), responseType: 'blob' });
  }

  flowPatientsCsv(query: Omit<FlowDrillDownQuery, 'page' | 'pageSize'>, lang: ExportLanguage): Observable<Blob> {
    return this.http.get(`${INDICATORS_URL}/lifecycle-flow/patients.csv`, { params: toHttpParams({ ...query, lang }), responseType: 'blob' });
  }

  flow(query: Omit<IndicatorQuery, 'groupBy'>): Observable<LifecycleFlow> {
    return this.http.get<LifecycleFlow>(`${INDICATORS_URL}/lifecycle-flow`, { params: toHttpParams(query) });
  }

  flowPatients(query: FlowDrillDownQuery): Observable<Page<DrillDownRow>> {
    return this.http.get<Page<DrillDownRow>>(`${INDICATORS_URL}/lifecycle-flow/patients`, { params: toHttpParams(query) });
  }

  /** Today's waiting patients, median wait so far per department and the callbacks due (front desk too). */
  live(): Observable<LiveBoard> {
    return this.http.get<LiveBoard>(`${INDICATORS_URL}/live`);
  }
}
