import { ERROR_CODES, type PublicSurvey, type SubmitSurveyRequest } from '@huifang/shared';

export type LoadResult =
  | { kind: 'ok'; survey: PublicSurvey }
  | { kind: 'answered' | 'expired' | 'not_found' | 'too_many' | 'error' };

export type SubmitResult =
  | { kind: 'ok' }
  | { kind: 'answered' | 'expired' | 'too_many' | 'error' }
  /** The ids of the questions whose answers the server refused (`survey.answers_invalid`). */
  | { kind: 'invalid'; questionIds: string[] };

/** Plain fetch: the public page carries no HttpClient, interceptors or staff session. */
export async function loadSurvey(token: string): Promise<LoadResult> {
  try {
    const response = await fetch(`/api/public/surveys/${encodeURIComponent(token)}`);
    if (response.ok) return { kind: 'ok', survey: (await response.json()) as PublicSurvey };
    if (response.status === 410) {
      const body = (await response.json().catch(() => ({}))) as { code?: string };
      return { kind: body.code === ERROR_CODES.surveyLinkExpired ? 'expired' : 'answered' };
    }
    if (response.status === 404) return { kind: 'not_found' };
    if (response.status === 429) return { kind: 'too_many' };
    return { kind: 'error' };
  } catch {
    return { kind: 'error' };
  }
}

export async function submitSurvey(token: string, body: SubmitSurveyRequest): Promise<SubmitResult> {
  try {
    const response = await fetch(`/api/public/surveys/${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) return { kind: 'ok' };
    if (response.status === 409) return { kind: 'answered' };
    if (response.status === 410) return { kind: 'expired' };
    if (response.status === 429) return { kind: 'too_many' };
    if (response.status === 400) {
      const error = (await response.json().catch(() => ({}))) as { params?: { fields?: unknown } };
      return { kind: 'invalid', questionIds: questionIdsOf(error.params?.fields) };
    }
    return { kind: 'error' };
  } catch {
    return { kind: 'error' };
  }
}

/** `answers.<questionId>` field paths → question ids (the server's English messages are never shown). */
function questionIdsOf(fields: unknown): string[] {
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is string => typeof f === 'string' && f.startsWith('answers.')).map((f) => f.slice('answers.'.length));
}
