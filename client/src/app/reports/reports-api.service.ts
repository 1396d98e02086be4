import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AssessmentReport, ExportLanguage, RegenerateReportRequest, ReportArchive, ReportFormat } from '@huifang/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

/** Which report: a month (`YYYY-MM`) and a department (null: the whole hospital). */
export interface ReportQuery {
  month: string;
  departmentId: number | null;
}

/** The monthly assessment report (issue #15): the report, its PDF and workbook, the archive, regenerate. */
@Injectable({ providedIn: 'root' })
export class ReportsApiService {
  private readonly http = inject(HttpClient);

  report(query: ReportQuery): Observable<AssessmentReport> {
    return this.http.get<AssessmentReport>('/api/reports/assessment', { params: toHttpParams(query) });
  }

  /** The PDF (printed on the server) or the Excel workbook, fetched with the token like every call. */
  file(query: ReportQuery, format: Exclude<ReportFormat, 'json'>, lang: ExportLanguage): Observable<Blob> {
    return this.http.get('/api/reports/assessment', { params: toHttpParams({ ...query, format, lang }), responseType: 'blob' });
  }

  archive(): Observable<ReportArchive> {
    return this.http.get<ReportArchive>('/api/reports/assessment/archive');
  }

  regenerate(request: RegenerateReportRequest): Observable<AssessmentReport> {
    return this.http.post<AssessmentReport>('/api/reports/assessment/regenerate', request);
  }
}

/** The file name a download is saved under (ASCII, like the server's). */
export function reportFileName(query: ReportQuery, format: Exclude<ReportFormat, 'json'>): string {
  return `assessment-report_${query.month}_${query.departmentId === null ? 'hospital' : `department-${query.departmentId}`}.${format}`;
}
