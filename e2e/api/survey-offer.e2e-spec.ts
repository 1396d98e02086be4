import type { ApiError, FinishedEncounter, SurveyInvitation } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

const DAY_MS = 86_400_000;

/**
 * Finishing a visit tells the desk whether a survey invitation is possible now (consent and
 * spacing, as the server decides them), and the offer agrees with what inviting then does.
 */
describe.each(testDatabases())('the survey offer when a visit ends on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_SURVEY_MIN_DAYS: '30' });
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  /** Checks the patient in, calls and finishes; returns the finish answer. */
  async function visit(patientId: number): Promise<FinishedEncounter> {
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId, departmentId: 1 });
    expect(checkIn.status).toBe(201);
    expect((await desk.post(`/api/encounters/${checkIn.body.id}/call`, {})).status).toBe(200);
    const finished = await desk.post<FinishedEncounter>(`/api/encounters/${checkIn.body.id}/finish`, {});
    expect(finished.status).toBe(200);
    return finished.body;
  }

  it('offers the invitation after a first visit, then not again within the spacing, and the server agrees', async () => {
    const patient = await registerPatient(desk, { consent: { followUpCalls: true, surveys: true } });
    const first = await visit(patient.id);
    expect(first).toMatchObject({ status: 'finished', patientId: patient.id, surveyOffer: { possible: true } });
    const invited = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId: first.id });
    expect(invited.status).toBe(201);

    const second = await visit(patient.id);
    expect(second.surveyOffer).toMatchObject({ possible: false, reason: 'too_soon' });
    const offer = second.surveyOffer as { nextPossibleAt: string; nextAllowedDay: string };
    expect(Math.abs(Date.parse(offer.nextPossibleAt) - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
    const refused = await desk.post<ApiError>('/api/survey-invitations', { encounterId: second.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('survey.too_soon');
    // The offer and the refusal name the same day of the hospital's calendar.
    expect(offer.nextAllowedDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(offer.nextAllowedDay).toBe((refused.body.params as Record<string, unknown> | undefined)?.['nextAllowedDay']);
  });

  it('does not offer the invitation to a patient who declined surveys', async () => {
    const patient = await registerPatient(desk, { consent: { followUpCalls: true, surveys: false } });
    const finished = await visit(patient.id);
    expect(finished.surveyOffer).toEqual({ possible: false, reason: 'declined', nextPossibleAt: null, nextAllowedDay: null });
    expect((await desk.post('/api/survey-invitations', { encounterId: finished.id })).status).toBe(409);
  });
});
