import type { PublicSurvey, SubmitSurveyRequest } from '@huifang/shared';

export type LoadResult =
  | { kind: 'ok'; survey: PublicSurvey }
  | { kind: 'answered' | 'expired' | 'not_found' | 'too_many' | 'error' };

export type SubmitResult =
  | { kind: 'ok' }
  | { kind: 'answered' | 'expired' | 'too_many' | 'error' }
  | { kind: 'invalid'; messages: string[] };

/** Plain fetch: the public page carries no HttpClient, interceptors or staff session. */
export async function loadSurvey(token: string): Promise<LoadResult> {
  try {
    const response = await fetch(`/api/public/surveys/${encodeURIComponent(token)}`);
    if (response.ok) return { kind: 'ok', survey: (await response.json()) as PublicSurvey };
    if (response.status === 410) {
      const body = (await response.json().catch(() => ({}))) as { state?: string };
      return { kind: body.state === 'expired' ? 'expired' : 'answered' };
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
      const error = (await response.json().catch(() => ({}))) as { message?: string | string[] };
      return { kind: 'invalid', messages: ([] as string[]).concat(error.message ?? []) };
    }
    return { kind: 'error' };
  } catch {
    return { kind: 'error' };
  }
}
