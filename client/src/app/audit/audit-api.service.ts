import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntry, AuditQuery, ExportLanguage, Page } from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const AUDIT_URL = '/api/audit-log';

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

/** The audit log (admin only): a page of entries, or all matching ones as CSV (the export is audited). */
@Injectable({ providedIn: 'root' })
export class AuditApiService {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>(AUDIT_URL, { params: toHttpParams(query) });
  }

  /** Headers and action names in `lang` (the UI's language). */
  csv(filter: AuditFilter, lang: ExportLanguage): Observable<Blob> {
    return this.http.get(`${AUDIT_URL}.csv`, { params: toHttpParams({ ...filter, lang }), responseType: 'blob' });
  }
}
