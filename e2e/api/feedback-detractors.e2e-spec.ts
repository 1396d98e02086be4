import type { CallbackItem, IndicatorSeries, Page, PatientTimeline, SurveyInvitation, SurveyResponseSummary } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

/*
 * "Detractor" meant two things: the feedback list's filter and badge followed the service-recovery
 * trigger (any low answer) while the NPS figure counts NPS 0-6. The two are kept apart here: an NPS 10
 * with a wait-time rating of 2 needs recovery but is a promoter.
 */
const DEPARTMENT = 7;
const answers = (nps: number, csat: number, wait: number) => [
  { questionId: 'csat', value: csat },
  { questionId: 'nps', value: nps },
  { questionId: 'wait_time', value: wait },
  { questionId: 'doctor_communication', value: 5 },
];

describe.each(testDatabases())('NPS detractors and service recovery kept apart on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const scope = `from=${today}&to=${today}&departmentId=${DEPARTMENT}`;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    const given: Record<string, [number, number, number, string?]> = {
      promoterWithLongWait: [10, 4, 2, '排队太久了'],
      npsDetractor: [5, 4, 4],
      lowCsatPassive: [8, 2, 4],
      happy: [9, 5, 5],
    };
    for (const [name, [nps, csat, wait, comment]] of Object.entries(given)) {
      const { patient, encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, DEPARTMENT);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      expect(invitation.status).toBe(201);
      const submitted = await anonymous.post(`/api/public/surveys/${invitation.body.token}`, { answers: answers(nps, csat, wait), comment });
      expect(submitted.status).toBe(201);
      ids[name] = patient.id;
    }
  }, 120_000);
  afterAll(() => server?.stop());

  const list = async (filter: string) => {
    const page = await quality.get<Page<SurveyResponseSummary>>(`/api/survey-responses?${scope}&pageSize=100&${filter}`);
    expect(page.status).toBe(200);
    return page.body;
  };

  it('flags each response as an NPS detractor or as needing recovery, separately', async () => {
    const byPatient = new Map((await list('')).items.map((r) => [r.patientId, r]));
    const flags = (name: string) => {
      const r = byPatient.get(ids[name]);
      return { npsDetractor: r?.npsDetractor, needsRecovery: r?.needsRecovery };
    };
    expect(flags('promoterWithLongWait')).toEqual({ npsDetractor: false, needsRecovery: true });
    expect(flags('npsDetractor')).toEqual({ npsDetractor: true, needsRecovery: true });
    expect(flags('lowCsatPassive')).toEqual({ npsDetractor: false, needsRecovery: true });
    expect(flags('happy')).toEqual({ npsDetractor: false, needsRecovery: false });
  });

  it("filters NPS detractors exactly as the NPS figure counts them, and recovery cases on their own", async () => {
    const npsDetractors = await list('npsDetractorsOnly=true');
    expect(npsDetractors.items.map((r) => r.patientId)).toEqual([ids['npsDetractor']]);
    const series = await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?${scope}&groupBy=day`);
    expect(series.status).toBe(200);
    expect(npsDetractors.total).toBe(series.body.points[0]?.nps.detractors);

    const recovery = await list('needsRecoveryOnly=true');
    expect(recovery.items.map((r) => r.patientId).sort()).toEqual([ids['promoterWithLongWait'], ids['npsDetractor'], ids['lowCsatPassive']].sort());
    expect(recovery.items.every((r) => r.recoveryCallbackId !== null)).toBe(true);
    expect((await quality.get('/api/survey-responses?npsDetractorsOnly=maybe')).status).toBe(400);
  });

  it('gives the recovery callback the answers that triggered it, structured, with the comment', async () => {
    const [response] = (await list('needsRecoveryOnly=true')).items.filter((r) => r.patientId === ids['promoterWithLongWait']);
    const callback = await quality.get<CallbackItem>(`/api/callbacks/${response.recoveryCallbackId}`);
    expect(callback.status).toBe(200);
    expect(callback.body.kind).toBe('service_recovery');
    // Only the wait-time rating of 2 triggered it: not the NPS 10 nor the CSAT 4.
    expect(callback.body.recovery).toEqual({
      answers: [{ questionId: 'wait_time', kind: 'rating', dimension: 'wait_time', value: 2 }],
      comment: '排队太久了',
    });
    expect(callback.body.reason).toBe('wait_time 2 — 排队太久了');

    // The timeline says the same: the response's two flags, the callback's trigger.
    const timeline = (await desk.get<PatientTimeline>(`/api/patients/${ids['promoterWithLongWait']}/timeline`)).body;
    const responseEntry = timeline.entries.find((e) => e.kind === 'survey_response');
    expect(responseEntry?.kind === 'survey_response' && [responseEntry.response.npsDetractor, responseEntry.response.needsRecovery]).toEqual([false, true]);
    const callbackEntry = timeline.entries.find((e) => e.kind === 'callback');
    expect(callbackEntry?.kind === 'callback' && callbackEntry.callback.recovery?.answers.map((a) => a.questionId)).toEqual(['wait_time']);

    const both = (await list('needsRecoveryOnly=true')).items.find((r) => r.patientId === ids['npsDetractor']);
    const second = await quality.get<CallbackItem>(`/api/callbacks/${both?.recoveryCallbackId}`);
    expect(second.body.recovery?.answers).toEqual([{ questionId: 'nps', kind: 'nps', dimension: null, value: 5 }]);
  });
});
