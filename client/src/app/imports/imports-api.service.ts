import { HttpClient, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ExportLanguage,
  FhirDepartmentMapping,
  ImportColumnMapping,
  ImportEncoding,
  ImportJob,
  ImportPreview,
  ImportRowError,
  ImportRunRequest,
  ImportUpload,
  Page,
  SavedImportMapping,
} from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const IMPORTS_URL = '/api/imports';
const MAPPINGS_URL = '/api/import-mappings';
const FHIR_DEPARTMENTS_URL = '/api/fhir-department-mappings';


/** Import jobs (admin only): upload, preview, run, follow; saved mappings; the FHIR department table. */
@Injectable({ providedIn: 'root' })
export class ImportsApiService {
  private readonly http = inject(HttpClient);

  /** Multipart upload with progress events (the answer is the last event); the server tells the format from the name. */
  upload(file: File, encoding?: ImportEncoding): Observable<HttpEvent<ImportUpload>> {
    const form = new FormData();
    if (encoding) form.append('encoding', encoding);
    form.append('file', file, file.name);
    return this.http.post<ImportUpload>(IMPORTS_URL, form, { observe: 'events', reportProgress: true });
  }

  /** The uploaded file read again in another encoding, without sending it again. */
  peek(id: number, encoding: ImportEncoding): Observable<ImportUpload> {
    return this.http.post<ImportUpload>(`${IMPORTS_URL}/${id}/peek`, { encoding });
  }

  /** Abandons an upload that was never run (the server removes its file). */
  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${IMPORTS_URL}/${id}`);
  }

  preview(id: number, mapping: ImportColumnMapping, encoding?: ImportEncoding): Observable<ImportPreview> {
    return this.http.post<ImportPreview>(`${IMPORTS_URL}/${id}/preview`, { mapping, ...(encoding ? { encoding } : {}) });
  }

  run(id: number, request: ImportRunRequest): Observable<ImportJob> {
    return this.http.post<ImportJob>(`${IMPORTS_URL}/${id}/run`, request);
  }

  get(id: number): Observable<ImportJob> {
    return this.http.get<ImportJob>(`${IMPORTS_URL}/${id}`);
  }

  /** History, newest first. */
  list(page: number, pageSize: number): Observable<Page<ImportJob>> {
    return this.http.get<Page<ImportJob>>(IMPORTS_URL, { params: toHttpParams({ page, pageSize }) });
  }

  errors(id: number, page: number, pageSize: number): Observable<Page<ImportRowError>> {
    return this.http.get<Page<ImportRowError>>(`${IMPORTS_URL}/${id}/errors`, { params: toHttpParams({ page, pageSize }) });
  }

  /** Headers and problem names in `lang` (the UI's language). */
  errorsCsv(id: number, lang: ExportLanguage): Observable<Blob> {
    return this.http.get(`${IMPORTS_URL}/${id}/errors.csv`, { params: toHttpParams({ lang }), responseType: 'blob' });
  }

  savedMappings(): Observable<SavedImportMapping[]> {
    return this.http.get<SavedImportMapping[]>(MAPPINGS_URL);
  }

  deleteMapping(name: string): Observable<void> {
    return this.http.delete<void>(`${MAPPINGS_URL}/${encodeURIComponent(name)}`);
  }

  fhirDepartments(): Observable<FhirDepartmentMapping[]> {
    return this.http.get<FhirDepartmentMapping[]>(FHIR_DEPARTMENTS_URL);
  }

  mapFhirDepartment(id: number, departmentId: number | null): Observable<FhirDepartmentMapping> {
    return this.http.put<FhirDepartmentMapping>(`${FHIR_DEPARTMENTS_URL}/${id}`, { departmentId });
  }
}
