import type { ApiError, AuditEntry, Page, Patient, SurveyInvitation } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const ANSWERS = [
  { questionId: 'csat', value: 5 },
  { questionId: 'nps', value: 9 },
  { questionId: 'wait_time', value: 4 },
  { questionId: 'doctor_communication', value: 5 },
];

describe.each(testDatabases())("survey links in the patient's language on %s", (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let desk: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  async function invite(encounterId: number, language?: string): Promise<SurveyInvitation> {
    const response = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId, language });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** Invitations are spaced out (30 days); a test that invites twice moves the last one back. */
  const allowAnotherInvitation = (patientId: number) =>
    runSql(server.databaseUrl, 'UPDATE patient SET last_survey_invited_at = NULL WHERE id = $1', [patientId]);

  it("puts the patient's language, set on the patient form, in the link", async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const updated = await desk.patch<Patient>(`/api/patients/${patient.id}`, { preferredLanguage: 'en' });
    expect(updated.status).toBe(200);
    expect(updated.body.preferredLanguage).toBe('en');

    const invitation = await invite(encounterId);
    expect(invitation.language).toBe('en');
    expect(new URL(invitation.url).searchParams.get('lang')).toBe('en');
    expect(invitation.url).toMatch(new RegExp(`/feedback/${invitation.token}\\?lang=en$`));
  });

  it('leaves the language to the phone while unknown, then remembers the language the patient answered in', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    expect(patient.preferredLanguage).toBeNull();
    const first = await invite(encounterId);
    expect(first.language).toBeNull();
    expect(new URL(first.url).search).toBe('');

    expect((await anonymous.post(`/api/public/surveys/${first.token}`, { answers: ANSWERS, language: 'en' })).status).toBe(201);
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.preferredLanguage).toBe('en');

    await allowAnotherInvitation(patient.id);
    const second = await invite(encounterId);
    expect(new URL(second.url).searchParams.get('lang')).toBe('en');
  });

  it('takes a language chosen at the desk over the stored one, and remembers it', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    await desk.patch(`/api/patients/${patient.id}`, { preferredLanguage: 'en' });
    const chosen = await invite(encounterId, 'zh');
    expect(new URL(chosen.url).searchParams.get('lang')).toBe('zh');
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.preferredLanguage).toBe('zh');
  });

  it('audits the language changes an invitation or an answer makes to the patient record, as an edit is', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const updates = async () =>
      (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}&action=patient.update&pageSize=100`)).body.items
        .map((entry) => [entry.actor?.username ?? null, entry.detail])
        .reverse();

    // Chosen at the desk: the desk changed the record.
    const chosen = await invite(encounterId, 'zh');
    expect(await updates()).toEqual([['desk', 'preferredLanguage: none → zh']]);
    // Answered in English: the patient changed it, without an account.
    expect((await anonymous.post(`/api/public/surveys/${chosen.token}`, { answers: ANSWERS, language: 'en' })).status).toBe(201);
    expect(await updates()).toEqual([
      ['desk', 'preferredLanguage: none → zh'],
      [null, 'preferredLanguage: zh → en'],
    ]);
    // The same language again changes nothing, and records nothing.
    await allowAnotherInvitation(patient.id);
    await invite(encounterId, 'en');
    expect(await updates()).toHaveLength(2);
  });

  it('refuses an unknown language with 400 naming the field', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const onPatient = await desk.patch<ApiError>(`/api/patients/${patient.id}`, { preferredLanguage: 'fr' });
    expect(onPatient.status).toBe(400);
    expect((onPatient.body.message as string[])[0]).toMatch(/^preferredLanguage /);
    const onInvitation = await desk.post<ApiError>('/api/survey-invitations', { encounterId, language: 'fr' });
    expect(onInvitation.status).toBe(400);
    expect((onInvitation.body.message as string[])[0]).toMatch(/^language /);
    expect((await desk.patch<Patient>(`/api/patients/${patient.id}`, { preferredLanguage: null })).body.preferredLanguage).toBeNull();
  });
});
