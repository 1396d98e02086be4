import type { OutreachMessage, Page, SurveyInvitation } from '@huifang/shared';
import type { ApiClient } from '../api-client';
import { eventually } from '../eventually';

export { zoneAtLocalHour } from '../time-zones';

/** Env of a server whose worker is quick enough for tests (retries after 300 ms, 600 ms…). */
export const QUICK_WORKER = {
  HUIFANG_OUTREACH_POLL_MS: '100',
  HUIFANG_OUTREACH_RETRY_BASE_MS: '300',
  HUIFANG_OUTREACH_MAX_ATTEMPTS: '3',
  HUIFANG_WEBHOOK_TIMEOUT_MS: '1000',
  HUIFANG_OUTREACH_CLAIM_MS: '3000',
  HUIFANG_PUBLIC_RATE_LIMIT: '10000',
};

export async function invite(desk: ApiClient, encounterId: number, language?: 'zh' | 'en'): Promise<SurveyInvitation> {
  const response = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId, ...(language && { language }) });
  if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function messages(admin: ApiClient, query = ''): Promise<OutreachMessage[]> {
  const response = await admin.get<Page<OutreachMessage>>(`/api/outreach/messages?pageSize=100${query}`);
  if (response.status !== 200) throw new Error(`outbox list failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.items;
}

/** The outbox row of a survey invitation (its idempotency key is `survey_invitation:<id>`). */
export async function messageOf(admin: ApiClient, patientId: number): Promise<OutreachMessage> {
  const mine = (await messages(admin)).filter((m) => m.patientId === patientId);
  if (mine.length !== 1) throw new Error(`expected one message for patient ${patientId}, found ${mine.length}`);
  return mine[0];
}

export function messageReaches(admin: ApiClient, patientId: number, status: OutreachMessage['status'], timeoutMs = 15_000): Promise<OutreachMessage> {
  return eventually(() => messageOf(admin, patientId), (m) => {
    if (m.status !== status) throw new Error(`message ${m.id} is ${m.status} (${m.reason}), not ${status}`);
  }, timeoutMs);
}

/** Another finished visit of an existing patient. */
export async function anotherVisit(desk: ApiClient, patientId: number, departmentId = 1): Promise<number> {
  const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId, departmentId, checkedInAt: new Date(Date.now() - 30 * 60_000).toISOString() });
  if (checkIn.status !== 201) throw new Error(`check-in failed: ${checkIn.status} ${JSON.stringify(checkIn.body)}`);
  await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(Date.now() - 10 * 60_000).toISOString() });
  await desk.post(`/api/encounters/${checkIn.body.id}/finish`, {});
  return checkIn.body.id;
}
