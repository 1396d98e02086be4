import { FOLLOW_UP_RULE_KEYS, type DrillDownRow, type IndicatorSeries, type IndicatorSummary, type Page, type SurveyInvitation } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * Each rate divides like by like: the response rate sets responses against the invitations they
 * answer (bucketed by the invitation's day), and callback completion counts only callbacks already due.
 */
const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';
const now = Date.now();
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
const today = dayOf(now);
const twoDaysAgo = dayOf(now - 2 * DAY);
const GOOD = [
  { questionId: 'csat', value: 5 },
  { questionId: 'nps', value: 10 },
  { questionId: 'wait_time', value: 5 },
  { questionId: 'doctor_communication', value: 5 },
];

describe.each(testDatabases())('indicator denominators on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;
  let quality: ApiClient;
  let anonymous: ApiClient;
  const sqlTime = (instant: number) => (database === 'sqlite' ? new Date(instant).toISOString().replace('T', ' ').replace('Z', '') : new Date(instant).toISOString());

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    const rules = await admin.request('PUT', '/api/follow-up-rules', { rules: FOLLOW_UP_RULE_KEYS.map((key) => ({ key, enabled: false, offset: 1 })) });
    expect(rules.status).toBe(200);
  });
  afterAll(() => server?.stop());

  it('counts responses against the invitations they answer: no day above 100%, headline and series agree', async () => {
    // Two invitations two days ago (one answered today, one never), one today answered today.
    const invite = async (createdAt: number | null, answer: boolean) => {
      const { encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, 3);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      expect(invitation.status).toBe(201);
      if (createdAt !== null) await runSql(server.databaseUrl, 'UPDATE survey_invitation SET created_at = $1 WHERE id = $2', [sqlTime(createdAt), invitation.body.id]);
      if (answer) expect((await anonymous.post(`/api/public/surveys/${invitation.body.token}`, { answers: GOOD })).status).toBe(201);
    };
    await invite(now - 2 * DAY, true);
    await invite(now - 2 * DAY, false);
    await invite(null, true);

    const period = `from=${twoDaysAgo}&to=${today}&departmentId=3`;
    const series = (await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?${period}&groupBy=day`)).body;
    const point = (day: string) => series.points.find((p) => p.key === day);
    // Scores still count by submission day: both responses came today.
    expect(point(today)?.n).toBe(2);
    expect([point(twoDaysAgo)?.invitations, point(twoDaysAgo)?.answered, point(twoDaysAgo)?.responseRate]).toEqual([2, 1, 50]);
    expect([point(today)?.invitations, point(today)?.answered, point(today)?.responseRate]).toEqual([1, 1, 100]);
    expect(series.points.every((p) => p.responseRate === null || p.responseRate <= 100)).toBe(true);

    const summary = (await quality.get<IndicatorSummary>(`/api/indicators/summary?${period}`)).body;
    expect(summary.headlines.responseRate).toMatchObject({ value: 66.7, n: 3 });
  });

  it('counts only callbacks already due towards completion, in the series, the headline and the drill-down', async () => {
    const patient = await registerPatient(desk, { consent: { followUpCalls: true, surveys: true } });
    const create = async () => {
      const created = await desk.post<{ id: number }>('/api/callbacks', { patientId: patient.id, dueAt: new Date(now + 10 * 60_000).toISOString(), kind: 'manual' });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    // One call due an hour ago and made; one due later today (not yet due: not incomplete either).
    const made = await create();
    expect((await desk.post(`/api/callbacks/${made}/claim`)).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${made}/attempts`, { outcome: 'reached' })).status).toBe(200);
    // Earlier today in the hospital's time zone (an hour ago, or halfway since midnight just after it).
    const startOfToday = Date.parse(`${today}T00:00:00+08:00`);
    await runSql(server.databaseUrl, 'UPDATE callback SET due_at = $1 WHERE id = $2', [sqlTime(now - Math.min(3_600_000, (now - startOfToday) / 2)), made]);
    const notYetDue = await create();
    // Later today in the hospital's time zone, and after the requests below.
    const endOfToday = Date.parse(`${today}T23:59:00+08:00`);
    await runSql(server.databaseUrl, 'UPDATE callback SET due_at = $1 WHERE id = $2', [sqlTime(Math.max(now + 5 * 60_000, Math.min(endOfToday, now + 3 * 3_600_000))), notYetDue]);

    const period = `from=${today}&to=${today}`;
    const series = (await quality.get<IndicatorSeries<'follow-up'>>(`/api/indicators/follow-up?${period}&groupBy=day`)).body;
    expect(series.points.map((p) => [p.key, p.n, p.completed, p.completionRate])).toEqual([[today, 1, 1, 100]]);
    for (const groupBy of ['week', 'month']) {
      const points = (await quality.get<IndicatorSeries<'follow-up'>>(`/api/indicators/follow-up?${period}&groupBy=${groupBy}`)).body.points;
      expect([groupBy, points.reduce((sum, p) => sum + p.n, 0)]).toEqual([groupBy, 1]);
    }
    const summary = (await quality.get<IndicatorSummary>(`/api/indicators/summary?${period}`)).body;
    expect(summary.headlines.callbackCompletion).toMatchObject({ value: 100, n: 1 });
    const rows = (await quality.get<Page<DrillDownRow>>(`/api/indicators/follow-up/patients?${period}`)).body;
    expect(rows.items.map((row) => row.refId)).toEqual([made]);
    const open = (await quality.get<Page<DrillDownRow>>(`/api/indicators/follow-up/patients?${period}&segment=open`)).body;
    expect(open.total).toBe(0);
  });
});
