import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateInvitationRequest,
  CreateSurveyTemplateRequest,
  CreateTemplateVersionRequest,
  Page,
  SurveyInvitation,
  SurveyQuestion,
  SurveyResponseQuery,
  SurveyResponseSummary,
  SurveyTemplate,
} from '@huifang/shared';
import { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const TEMPLATES_URL = '/api/survey-templates';
const RESPONSES_URL = '/api/survey-responses';
const INVITATIONS_URL = '/api/survey-invitations';

/** Survey templates and their versions, survey responses, and invitations for one visit. */
@Injectable({ providedIn: 'root' })
export class SurveysApiService {
  private readonly http = inject(HttpClient);

  templates(): Observable<SurveyTemplate[]> {
    return this.http.get<SurveyTemplate[]>(TEMPLATES_URL);
  }

  template(id: number): Observable<SurveyTemplate> {
    return this.http.get<SurveyTemplate>(templateUrl(id));
  }

  /** A new template; its version 1 starts as a draft. */
  createTemplate(request: CreateSurveyTemplateRequest): Observable<SurveyTemplate> {
    return this.http.post<SurveyTemplate>(TEMPLATES_URL, request);
  }

  /** A new draft version (409 while the template already has a draft). */
  createVersion(templateId: number, questions: SurveyQuestion[]): Observable<SurveyTemplate> {
    const body: CreateTemplateVersionRequest = { questions };
    return this.http.post<SurveyTemplate>(`${templateUrl(templateId)}/versions`, body);
  }

  /** Publishes a draft; the version published before is retired and keeps its answers. */
  publish(templateId: number, version: number): Observable<SurveyTemplate> {
    return this.http.post<SurveyTemplate>(
      `${templateUrl(templateId)}/versions/${encodeURIComponent(version)}/publish`,
      {},
    );
  }

  /** Responses newest first; only the filters that are set become query parameters. */
  responses(query: SurveyResponseQuery): Observable<Page<SurveyResponseSummary>> {
    const { npsDetractorsOnly, needsRecoveryOnly, hasComment, ...rest } = query;
    return this.http.get<Page<SurveyResponseSummary>>(RESPONSES_URL, {
      params: toHttpParams({
        ...rest,
        // `false` means "no filter": the parameter is left out rather than sent as `false`.
        npsDetractorsOnly: npsDetractorsOnly ? true : undefined,
        needsRecoveryOnly: needsRecoveryOnly ? true : undefined,
        hasComment: hasComment ? true : undefined,
      }),
    });
  }

  /** A one-time survey link and QR code for a finished visit (409 with a reason when refused). */
  invite(encounterId: number): Observable<SurveyInvitation> {
    const body: CreateInvitationRequest = { encounterId };
    return this.http.post<SurveyInvitation>(INVITATIONS_URL, body);
  }
}

function templateUrl(id: number): string {
  return `${TEMPLATES_URL}/${encodeURIComponent(id)}`;
}
