import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DrillDownQuery,
  ExportLanguage,
  DrillDownRow,
  DriversAnswer,
  FlowTarget,
  IndicatorName,
  IndicatorQuery,
  IndicatorSeries,
  IndicatorSummary,
  LifecycleFlow,
  LifecycleStage,
  LiveBoard,
  OutreachIndicator,
  Page,
} from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';
import type { DrillFilter } from './drill-down';

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

  /** One page of the rows behind a figure or a flow link. */
  drillRows(filter: DrillFilter, paging: { page: number; pageSize: number }): Observable<Page<DrillDownRow>> {
    return filter.kind === 'flow' ? this.flowPatients({ ...filter.query, ...paging }) : this.patients(filter.indicator, { ...filter.query, ...paging });
  }

  /** Every row behind a figure or a flow link (not one page) as CSV, headers in `lang`; the server audits the export. */
  drillCsv(filter: DrillFilter, lang: ExportLanguage): Observable<Blob> {
    const url = filter.kind === 'flow' ? `${INDICATORS_URL}/lifecycle-flow/patients.csv` : `${INDICATORS_URL}/${filter.indicator}/patients.csv`;
    return this.http.get(url, { params: toHttpParams({ ...filter.query, lang }), responseType: 'blob' });
  }

  /** Drivers of dissatisfaction: theme shares by NPS band, dimension impact × score, satisfaction by wait band. */
  drivers(query: Omit<IndicatorQuery, 'groupBy'>): Observable<DriversAnswer> {
    return this.http.get<DriversAnswer>(`${INDICATORS_URL}/drivers`, { params: toHttpParams(query) });
  }

  /** Per channel: messages of the period, delivery rate (null without receipts) and survey response rate, with n. */
  outreach(query: Omit<IndicatorQuery, 'groupBy'>): Observable<OutreachIndicator> {
    return this.http.get<OutreachIndicator>(`${INDICATORS_URL}/outreach`, { params: toHttpParams(query) });
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
