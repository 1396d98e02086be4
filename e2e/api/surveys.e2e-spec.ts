import type {
  ApiError,
  Page,
  Patient,
  PatientTimeline,
  PublicSurvey,
  SurveyInvitation,
  SurveyResponseSummary,
  SurveyTemplate,
} from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const GOOD_ANSWERS = [
  { questionId: 'csat', value: 5 },
  { questionId: 'nps', value: 10 },
  { questionId: 'wait_time', value: 4 },
  { questionId: 'doctor_communication', value: 5 },
];

/** A timestamp as read with plain SQL: a Date from pg, UTC text from SQLite. */
function storedTime(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}

describe.each(testDatabases())('feedback surveys on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
  });
  afterAll(() => server?.stop());

  async function invite(encounterId: number): Promise<SurveyInvitation> {
    const response = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    expect(response.status).toBe(201);
    return response.body;
  }

  const publicPath = (token: string) => `/api/public/surveys/${token}`;

  it('creates a one-time link with an unguessable token, an expiry and a QR code', async () => {
    const { encounterId } = await finishedVisit(desk);
    const invitation = await invite(encounterId);
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.url).toBe(`http://localhost:${new URL(server.baseUrl).port}/feedback/${invitation.token}`);
    const days = (new Date(invitation.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThan(14.1);
    expect(invitation.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('refuses to invite for an unfinished visit, a patient who declined, or again within 30 days', async () => {
    const patient = await registerPatient(desk);
    const open = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: 2 });
    expect((await desk.post('/api/survey-invitations', { encounterId: open.body.id })).status).toBe(409);

    const declined = await finishedVisit(desk, { consent: { surveys: false } });
    const refused = await desk.post<ApiError>('/api/survey-invitations', { encounterId: declined.encounterId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'survey.declined', message: 'the patient declined feedback surveys' });

    const visit = await finishedVisit(desk);
    await invite(visit.encounterId);
    const again = await desk.post<ApiError<'survey.too_soon'>>('/api/survey-invitations', { encounterId: visit.encounterId });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('survey.too_soon');
    // Days of the hospital's calendar (Asia/Shanghai), not UTC ones.
    const hospitalDay = (at: number) => new Date(at).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const invitedAt = Date.now();
    expect(again.body.params).toEqual({ lastInvitedDay: hospitalDay(invitedAt), nextAllowedDay: hospitalDay(invitedAt + 30 * 86_400_000) });
    expect(again.body.message).toBe(
      `the patient was invited on ${hospitalDay(invitedAt)}; the next invitation is possible from ${hospitalDay(invitedAt + 30 * 86_400_000)}`,
    );

    const racing = await finishedVisit(desk);
    const results = await Promise.all([1, 2].map(() => desk.post('/api/survey-invitations', { encounterId: racing.encounterId })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);

    expect((await desk.post('/api/survey-invitations', { encounterId: 999999 })).status).toBe(404);
    expect((await quality.post('/api/survey-invitations', { encounterId: visit.encounterId })).status).toBe(403);
  });

  it('shows the questions in Chinese and English without an account, and never the patient', async () => {
    const { patient, encounterId } = await finishedVisit(desk, { name: '隐私测试' });
    const { token } = await invite(encounterId);
    const survey = await anonymous.get<PublicSurvey>(publicPath(token));
    expect(survey.status).toBe(200);
    expect(survey.body.departmentName).toEqual({ zh: '内科', en: 'Internal Medicine' });
    expect(survey.body.questions.map((q) => q.kind)).toEqual(['csat', 'nps', 'rating', 'rating', 'rating', 'rating', 'rating', 'text']);
    expect(survey.body.questions.every((q) => q.text.zh && q.text.en)).toBe(true);
    const text = JSON.stringify(survey.body);
    expect(text).not.toContain('隐私测试');
    expect(text).not.toContain(patient.phone);
    expect(text).not.toMatch(/patient/i);

    expect((await anonymous.get(publicPath('A'.repeat(43)))).status).toBe(404);
    expect((await anonymous.get(publicPath('not-a-token'))).status).toBe(404);
  });

  it('stores one response, then answers 410 to a reopened link and 409 to a second submit', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const { token } = await invite(encounterId);
    const submitted = await anonymous.post<{ id: number }>(publicPath(token), { answers: GOOD_ANSWERS, comment: '很满意', language: 'zh' });
    expect(submitted.status).toBe(201);

    const reopened = await anonymous.get<ApiError>(publicPath(token));
    expect(reopened.status).toBe(410);
    expect(reopened.body.code).toBe('survey_link.answered');
    expect((await anonymous.post(publicPath(token), { answers: GOOD_ANSWERS })).status).toBe(409);

    const timeline = await desk.get<PatientTimeline>(`/api/patients/${patient.id}/timeline`);
    expect(timeline.body.entries.filter((e) => e.kind === 'survey_response')).toHaveLength(1);
  });

  it('stores exactly one response when the same form is submitted twice at once', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const { token } = await invite(encounterId);
    const results = await Promise.all([1, 2, 3].map(() => anonymous.post(publicPath(token), { answers: GOOD_ANSWERS })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const stored = await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM survey_response WHERE patient_id = $1', [patient.id]);
    expect(Number((stored[0] as { n: number | string }).n)).toBe(1);
  });

  it.each([
    [[...GOOD_ANSWERS.slice(0, 1), { questionId: 'nps', value: 11 }, ...GOOD_ANSWERS.slice(2)], 'answers.nps must be a whole number from 0 to 10'],
    [[{ questionId: 'csat', value: 0 }, ...GOOD_ANSWERS.slice(1)], 'answers.csat must be a whole number from 1 to 5'],
    [[...GOOD_ANSWERS, { questionId: 'mood', value: 3 }], 'answers.mood is not a question of this survey'],
    [GOOD_ANSWERS.slice(1), 'answers.csat is required'],
    [[...GOOD_ANSWERS, { questionId: 'comment', value: '长'.repeat(2001) }], 'answers.comment must be at most 2000 characters'],
  ])('refuses bad answers with 400 naming the question (%#) and keeps the link usable', async (answers, message) => {
    const { encounterId } = await finishedVisit(desk);
    const { token } = await invite(encounterId);
    const response = await anonymous.post<ApiError>(publicPath(token), { answers });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(message);
    expect((await anonymous.get(publicPath(token))).status).toBe(200);
  });

  it('refuses a 1 MB body and a comment over the limit without storing anything', async () => {
    const { encounterId } = await finishedVisit(desk);
    const { token } = await invite(encounterId);
    const huge = await anonymous.post<ApiError>(publicPath(token), { answers: GOOD_ANSWERS, comment: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    const long = await anonymous.post<ApiError>(publicPath(token), { answers: GOOD_ANSWERS, comment: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect((long.body.message as string[])[0]).toMatch(/^comment must be shorter than or equal to 2000/);
    expect((await anonymous.get(publicPath(token))).status).toBe(200);
  });

  it('answers 410 for an expired link', async () => {
    const { encounterId } = await finishedVisit(desk);
    const invitation = await invite(encounterId);
    await runSql(server.databaseUrl, 'UPDATE survey_invitation SET expires_at = created_at WHERE id = $1', [invitation.id]);
    const expired = await anonymous.get<ApiError>(publicPath(invitation.token));
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('survey_link.expired');
    expect((await anonymous.post(publicPath(invitation.token), { answers: GOOD_ANSWERS })).status).toBe(410);
  });

  it('opens a service-recovery callback for a detractor, keeps HTML as text, and marks the patient at risk', async () => {
    const { patient, encounterId } = await finishedVisit(desk, {}, 5);
    const { token } = await invite(encounterId);
    const comment = '<script>alert("x")</script> 等了两个小时';
    const answers = [
      { questionId: 'csat', value: 3 },
      { questionId: 'nps', value: 8 },
      { questionId: 'wait_time', value: 1 },
      { questionId: 'doctor_communication', value: 4 },
    ];
    expect((await anonymous.post(publicPath(token), { answers, comment })).status).toBe(201);

    const list = await quality.get<Page<SurveyResponseSummary>>('/api/survey-responses?needsRecoveryOnly=true&departmentId=5');
    const mine = list.body.items.find((r) => r.patientId === patient.id);
    expect(mine).toMatchObject({ needsRecovery: true, npsDetractor: false, comment, ratings: { wait_time: 1, doctor_communication: 4 }, departmentName: '骨科' });
    expect(mine?.recoveryCallbackId).toEqual(expect.any(Number));

    const [callback] = await runSql(
      server.databaseUrl,
      'SELECT c.kind, c.priority, c.status, c.due_at, r.submitted_at FROM callback c JOIN survey_response r ON r.id = c.survey_response_id WHERE c.id = $1',
      [mine?.recoveryCallbackId],
    );
    expect(callback).toMatchObject({ kind: 'service_recovery', priority: 'high', status: 'pending' });
    const row = callback as { due_at: unknown; submitted_at: unknown };
    const dueInHours = (storedTime(row.due_at).getTime() - storedTime(row.submitted_at).getTime()) / 3_600_000;
    expect(dueInHours).toBe(24);
    // At risk follows the NPS alone (DOMAIN.md): a passive 8 with one poor rating gets the call, not the status.
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.status).toBe('active');

    // A detractor NPS (6), every other answer good, puts the patient at risk.
    const other = await finishedVisit(desk, {}, 5);
    const second = await invite(other.encounterId);
    const detractorAnswers = answers.map((a) => (a.questionId === 'nps' ? { ...a, value: 6 } : { ...a, value: 4 }));
    expect((await anonymous.post(publicPath(second.token), { answers: detractorAnswers })).status).toBe(201);
    expect((await desk.get<Patient>(`/api/patients/${other.patient.id}`)).body.status).toBe('at_risk');
  });

  it('lists responses for quality managers with filters, and refuses front desk', async () => {
    const { encounterId } = await finishedVisit(desk, {}, 6);
    const { token } = await invite(encounterId);
    await anonymous.post(publicPath(token), { answers: GOOD_ANSWERS, comment: '眼科医生很耐心' });
    const withComment = await quality.get<Page<SurveyResponseSummary>>('/api/survey-responses?hasComment=true&departmentId=6');
    expect(withComment.body.items.map((r) => r.comment)).toContain('眼科医生很耐心');
    const recovery = await quality.get<Page<SurveyResponseSummary>>('/api/survey-responses?needsRecoveryOnly=true');
    expect(recovery.body.items.every((r) => r.needsRecovery)).toBe(true);
    const detractors = await quality.get<Page<SurveyResponseSummary>>('/api/survey-responses?npsDetractorsOnly=true');
    expect(detractors.body.items.every((r) => r.npsDetractor && r.nps !== null && r.nps <= 6)).toBe(true);
    expect((await quality.get('/api/survey-responses?needsRecoveryOnly=maybe')).status).toBe(400);
    expect((await desk.get('/api/survey-responses')).status).toBe(403);

    // By template and by period (calendar days in the hospital's time zone).
    const mine = withComment.body.items.find((r) => r.comment === '眼科医生很耐心');
    const ids = async (query: string) =>
      (await quality.get<Page<SurveyResponseSummary>>(`/api/survey-responses?departmentId=6&pageSize=100&${query}`)).body.items.map((r) => r.id);
    expect(await ids(`templateId=${mine?.templateId}`)).toContain(mine?.id);
    expect(await ids(`templateId=${(mine?.templateId ?? 0) + 1000}`)).toEqual([]);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    expect(await ids(`from=${today}&to=${today}`)).toContain(mine?.id);
    expect(await ids('from=2001-01-01&to=2001-12-31')).toEqual([]);
    expect((await quality.get('/api/survey-responses?from=2026-02-30')).status).toBe(400);
  });

  it('publishes a new template version while earlier answers stay tied to theirs', async () => {
    const [template] = (await admin.get<SurveyTemplate[]>('/api/survey-templates')).body;
    expect(template.publishedVersion).toBe(1);
    const v1 = template.versions[0];

    const { encounterId: before } = await finishedVisit(desk);
    const { token: oldToken } = await invite(before);

    const questions = [...v1.questions.filter((q) => q.id !== 'billing'), {
      id: 'parking',
      kind: 'choice',
      required: false,
      text: { zh: '停车方便吗？', en: 'Was parking easy?' },
      options: [
        { value: 'yes', label: { zh: '方便', en: 'Yes' } },
        { value: 'no', label: { zh: '不方便', en: 'No' } },
      ],
    }];
    expect((await desk.post(`/api/survey-templates/${template.id}/versions`, { questions })).status).toBe(403);
    const bad = await admin.post<ApiError>(`/api/survey-templates/${template.id}/versions`, {
      questions: [{ id: 'x', kind: 'rating', required: true, text: { zh: '评分', en: 'Rate' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['questions.0.dimension is required for a rating question']);

    const draft = await admin.post<SurveyTemplate>(`/api/survey-templates/${template.id}/versions`, { questions });
    expect(draft.status).toBe(201);
    expect(draft.body.versions[0]).toMatchObject({ version: 2, status: 'draft' });
    const published = await admin.post<SurveyTemplate>(`/api/survey-templates/${template.id}/versions/2/publish`);
    expect(published.status).toBe(200);
    expect(published.body.publishedVersion).toBe(2);
    expect(published.body.versions.map((v) => `${v.version}:${v.status}`)).toEqual(['2:published', '1:retired']);

    // The link created before still asks version 1's questions.
    const old = await anonymous.get<PublicSurvey>(publicPath(oldToken));
    expect(old.body.questions.map((q) => q.id)).toContain('billing');
    expect((await anonymous.post(publicPath(oldToken), { answers: GOOD_ANSWERS })).status).toBe(201);

    const { encounterId: after } = await finishedVisit(desk);
    const { token: newToken } = await invite(after);
    const fresh = await anonymous.get<PublicSurvey>(publicPath(newToken));
    expect(fresh.body.questions.map((q) => q.id)).toContain('parking');
    expect((await anonymous.post(publicPath(newToken), { answers: [...GOOD_ANSWERS, { questionId: 'parking', value: 'maybe' }] })).status).toBe(400);
    expect((await anonymous.post(publicPath(newToken), { answers: [...GOOD_ANSWERS, { questionId: 'parking', value: 'no' }] })).status).toBe(201);

    const versions = (await admin.get<SurveyTemplate>(`/api/survey-templates/${template.id}`)).body.versions;
    expect(versions.find((v) => v.version === 1)?.responseCount).toBeGreaterThan(0);
    expect(versions.find((v) => v.version === 2)?.responseCount).toBe(1);
  });
});

describe('public survey rate limit', () => {
  it('answers unknown tokens with 404, then 429 once one address sends too many requests', async () => {
    const server = await startServer('sqlite', { HUIFANG_PUBLIC_RATE_LIMIT: '5' });
    try {
      const anonymous = new ApiClient(server.baseUrl);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await anonymous.get(`/api/public/surveys/${'B'.repeat(42)}${i}`)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
      // Staff routes are not limited by it.
      expect((await anonymous.get('/api/health')).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
