import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  OutreachChannelStatus,
  OutreachKind,
  OutreachMessage,
  OutreachMessageQuery,
  OutreachTemplate,
  OutreachTemplateInput,
  OutreachTemplateLanguage,
  OutreachTemplatePreview,
  OutreachTemplatePreviewRequest,
  Page,
} from '@huifang/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const OUTREACH_URL = '/api/outreach';

/** Outreach for admins: the channels now, the outbox (and the retry of a failed message), the message templates. */
@Injectable({ providedIn: 'root' })
export class OutreachApiService {
  private readonly http = inject(HttpClient);

  channels(): Observable<OutreachChannelStatus[]> {
    return this.http.get<OutreachChannelStatus[]>(`${OUTREACH_URL}/channels`);
  }

  messages(query: OutreachMessageQuery): Observable<Page<OutreachMessage>> {
    return this.http.get<Page<OutreachMessage>>(`${OUTREACH_URL}/messages`, { params: toHttpParams(query) });
  }

  retry(id: number): Observable<OutreachMessage> {
    return this.http.post<OutreachMessage>(`${OUTREACH_URL}/messages/${id}/retry`, {});
  }

  templates(): Observable<OutreachTemplate[]> {
    return this.http.get<OutreachTemplate[]>(`${OUTREACH_URL}/templates`);
  }

  saveTemplate(kind: OutreachKind, language: OutreachTemplateLanguage, input: OutreachTemplateInput): Observable<OutreachTemplate> {
    return this.http.put<OutreachTemplate>(templateUrl(kind, language), input);
  }

  /** Back to the built-in text; answers with it. */
  resetTemplate(kind: OutreachKind, language: OutreachTemplateLanguage): Observable<OutreachTemplate> {
    return this.http.delete<OutreachTemplate>(templateUrl(kind, language));
  }

  /** The text as a patient would get it (sample values, the opt-out line); 400 names unknown variables. */
  preview(request: OutreachTemplatePreviewRequest): Observable<OutreachTemplatePreview> {
    return this.http.post<OutreachTemplatePreview>(`${OUTREACH_URL}/templates/preview`, request);
  }
}

function templateUrl(kind: OutreachKind, language: OutreachTemplateLanguage): string {
  return `${OUTREACH_URL}/templates/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`;
}
