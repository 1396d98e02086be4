import type { CallbackItem, SurveyInvitation } from '@huifang/shared';
import type { ApiClient } from '../support/api-client';
import { finishedVisit, registerPatient } from '../support/patients-fixtures';

const ANSWERS = (nps: number) => [
  { questionId: 'csat', value: nps > 6 ? 5 : 1 },
  { questionId: 'nps', value: nps },
  { questionId: 'wait_time', value: 4 },
  { questionId: 'doctor_communication', value: 5 },
];

export type WriteKind = 'survey' | 'checkIn' | 'attempt';

/** What one round fires: unused survey links, patients not checked in, callbacks claimed by the desk. */
export interface RoundWork {
  surveyTokens: string[];
  patientIds: number[];
  claimedCallbackIds: number[];
}

/** One write sent while the server may die: acknowledged (2xx with the stored id), refused, or lost with the connection. */
export interface Outcome {
  kind: WriteKind;
  /** The survey response, encounter or callback id the 2xx named. */
  id?: number;
  status: number | 'no answer';
}

export async function prepareRound(desk: ApiClient, size: number): Promise<RoundWork> {
  const prepared = await Promise.all(
    Array.from({ length: size }, async () => {
      const { encounterId } = await finishedVisit(desk);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      if (invitation.status !== 201) throw new Error(`invitation failed: ${invitation.status}`);
      const patientId = (await registerPatient(desk, { name: '崩溃测试' })).id;
      const patient = await registerPatient(desk, { name: '回访崩溃' });
      const callback = await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 300_000).toISOString(), kind: 'manual' });
      if ((await desk.post(`/api/callbacks/${callback.body.id}/claim`)).status !== 200) throw new Error('claim failed');
      return { token: invitation.body.token, patientId, callbackId: callback.body.id };
    }),
  );
  return { surveyTokens: prepared.map((p) => p.token), patientIds: prepared.map((p) => p.patientId), claimedCallbackIds: prepared.map((p) => p.callbackId) };
}

/** Concurrent senders per kind. */
const WORKERS = 3;

/**
 * Fires every write of the round from a few concurrent workers per kind, and calls `crash` once
 * `crashAfter` writes are acknowledged, at least one of each kind: the kill lands while others are in flight.
 */
export async function fireAndCrash(desk: ApiClient, anonymous: ApiClient, work: RoundWork, crashAfter: number, crash: () => Promise<void>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const acknowledged: Record<WriteKind, number> = { survey: 0, checkIn: 0, attempt: 0 };
  let crashing: Promise<void> | undefined;
  const send = async (kind: WriteKind, request: () => Promise<{ status: number; body: unknown }>, idOf: (body: unknown) => number | undefined) => {
    try {
      const response = await request();
      const ok = response.status >= 200 && response.status < 300;
      outcomes.push({ kind, status: response.status, id: ok ? idOf(response.body) : undefined });
      if (ok) acknowledged[kind] += 1;
      const total = acknowledged.survey + acknowledged.checkIn + acknowledged.attempt;
      if (!crashing && total >= crashAfter && Object.values(acknowledged).every((n) => n > 0)) crashing = crash();
    } catch {
      outcomes.push({ kind, status: 'no answer' });
    }
  };
  const queues: [WriteKind, (() => Promise<void>)[]][] = [
    ['survey', work.surveyTokens.map((token, i) => () => send('survey', () => anonymous.post(`/api/public/surveys/${token}`, { answers: ANSWERS(i % 11) }), (b) => (b as { id: number }).id))],
    ['checkIn', work.patientIds.map((patientId) => () => send('checkIn', () => desk.post('/api/encounters', { patientId, departmentId: 2 }), (b) => (b as { id: number }).id))],
    ['attempt', work.claimedCallbackIds.map((id) => () => send('attempt', () => desk.post(`/api/callbacks/${id}/attempts`, { outcome: 'reached', note: '已回访' }), () => id))],
  ];
  await Promise.all(
    queues.flatMap(([, jobs]) =>
      Array.from({ length: WORKERS }, async () => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await job();
      }),
    ),
  );
  await crashing;
  return outcomes;
}
