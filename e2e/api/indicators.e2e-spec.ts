import {
  FOLLOW_UP_RULE_KEYS,
  type ApiError,
  type AuditEntry,
  type ChurnPoint,
  type DrillDownRow,
  type FollowUpPoint,
  type IndicatorSeries,
  type IndicatorSummary,
  type LifecycleFlow,
  type Page,
  type SatisfactionPoint,
  type SurveyInvitation,
  type SurveyTemplate,
  type WaitTimePoint,
} from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * Cross-check: a small data set whose figures are worked out by hand below, on both databases.
 * Everything is placed relative to now (the API accepts check-ins up to 7 days back), with a
 * grace period of 0 days so that churn cohorts fall inside the last week.
 */
const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONE = 'Asia/Shanghai';
const now = Date.now();
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
const daysAgo = (days: number) => dayOf(now - days * DAY);
const today = daysAgo(0);
const WEEK = `from=${daysAgo(6)}&to=${today}`;
const WAIT_DAY = `from=${daysAgo(3)}&to=${daysAgo(3)}`;

/** Waits (minutes) of ten visits three days ago: six in department 1, four in department 2. */
const WAITS = [5, 10, 15, 20, 25, 30, 35, 40, 45, 120];
/** (NPS, CSAT, wait-time rating) of six answered surveys; two more invitations stay unanswered. */
const ANSWERS: [nps: number, csat: number, waitRating: number][] = [
  [10, 5, 5],
  [10, 4, 4],
  [9, 4, 2],
  [7, 3, 4],
  [6, 2, 1],
  [0, 1, 3],
];

describe.each(testDatabases())('indicators cross-checked by hand on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;
  let anonymous: ApiClient;
  const patients: Record<string, number> = {};

  /** A visit checked in `ago` ms before now, called `wait` minutes later, finished 5 minutes after that. */
  async function visit(patientId: number, departmentId: number, ago: number, wait: number, nextVisitDue?: string): Promise<number> {
    const checkedInAt = now - ago;
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId, departmentId, checkedInAt: new Date(checkedInAt).toISOString() });
    expect(checkIn.status).toBe(201);
    const id = checkIn.body.id;
    expect((await desk.post(`/api/encounters/${id}/call`, { at: new Date(checkedInAt + wait * MINUTE).toISOString() })).status).toBe(200);
    const finish = await desk.post(`/api/encounters/${id}/finish`, { at: new Date(checkedInAt + (wait + 5) * MINUTE).toISOString(), ...(nextVisitDue ? { nextVisitDue } : {}) });
    expect(finish.status).toBe(200);
    return id;
  }

  async function checkInOnly(patientId: number, departmentId: number, ago: number): Promise<void> {
    const checkIn = await desk.post('/api/encounters', { patientId, departmentId, checkedInAt: new Date(now - ago).toISOString() });
    expect(checkIn.status).toBe(201);
  }

  /** A timestamp for plain SQL: UTC text on SQLite (as TypeORM stores it), ISO on PostgreSQL. */
  const sqlTime = (instant: number) => (database === 'sqlite' ? new Date(instant).toISOString().replace('T', ' ').replace('Z', '') : new Date(instant).toISOString());

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_RETURN_GRACE_DAYS: '0', HUIFANG_SURVEY_MIN_DAYS: '0', HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    // Only the callbacks made below: no rule may add its own.
    const rules = await admin.request('PUT', '/api/follow-up-rules', { rules: FOLLOW_UP_RULE_KEYS.map((key) => ({ key, enabled: false, offset: 1 })) });
    expect(rules.status).toBe(200);

    // Wait time: ten visits three days ago, all called in; one more still waiting (not counted).
    const encounterIds: number[] = [];
    for (const [i, wait] of WAITS.entries()) {
      const patient = await registerPatient(desk, { name: `候诊${i}`, consent: { followUpCalls: true, surveys: true } });
      encounterIds.push(await visit(patient.id, i < 6 ? 1 : 2, 3 * DAY, wait));
    }
    await checkInOnly((await registerPatient(desk, { name: '仍在候诊' })).id, 1, 3 * DAY);

    // Satisfaction: eight invitations today, six answered.
    for (const [i, encounterId] of encounterIds.slice(0, 8).entries()) {
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      expect(invitation.status).toBe(201);
      const answer = ANSWERS[i];
      if (!answer) continue;
      const [nps, csat, waitRating] = answer;
      const submitted = await anonymous.post(`/api/public/surveys/${invitation.body.token}`, {
        answers: [
          { questionId: 'csat', value: csat },
          { questionId: 'nps', value: nps },
          { questionId: 'wait_time', value: waitRating },
          { questionId: 'doctor_communication', value: 5 },
        ],
      });
      expect(submitted.status).toBe(201);
    }

    // Churn (grace 0): A came back after the due day, B never did, C's expectation was replaced at an
    // early return by one not yet due, D came back yesterday. Their visits waited 25 minutes each.
    for (const name of ['A', 'B', 'C', 'D']) patients[name] = (await registerPatient(desk, { name: `流失检查${name}`, consent: { followUpCalls: true, surveys: true } })).id;
    await visit(patients['A'], 1, 6 * DAY, 25, daysAgo(4));
    await checkInOnly(patients['A'], 1, 3 * DAY);
    await visit(patients['B'], 2, 6 * DAY, 25, daysAgo(2));
    await visit(patients['C'], 1, 6 * DAY, 25, daysAgo(1));
    await visit(patients['C'], 2, 5 * DAY, 25, daysAgo(-10));
    await visit(patients['D'], 2, 5 * DAY, 25, daysAgo(3));
    await checkInOnly(patients['D'], 2, 1 * DAY);
    expect((await desk.post(`/api/patients/${patients['A']}/transitions`, { to: 'treatment' })).status).toBe(201);

    // Follow-up: four calls due two days ago; reached after 1 h and 2 h, wrong number after 30 h, one still open.
    const due = now - 2 * DAY;
    const outcomes = ['reached', 'reached', 'wrong_number'];
    const delays = [1, 2, 30];
    for (let i = 0; i < 4; i++) {
      const created = await desk.post<{ id: number }>('/api/callbacks', { patientId: patients['B'], dueAt: new Date(now + 10 * MINUTE).toISOString(), kind: 'manual', priority: 'normal' });
      expect(created.status).toBe(201);
      const id = created.body.id;
      if (i < 3) {
        expect((await desk.post(`/api/callbacks/${id}/claim`)).status).toBe(200);
        expect((await desk.post(`/api/callbacks/${id}/attempts`, { outcome: outcomes[i] })).status).toBe(200);
        const completedAt = sqlTime(due + delays[i] * 3_600_000);
        await runSql(server.databaseUrl, 'UPDATE callback_attempt SET at = $1 WHERE callback_id = $2', [completedAt, id]);
        await runSql(server.databaseUrl, 'UPDATE callback SET completed_at = $1 WHERE id = $2', [completedAt, id]);
      }
      await runSql(server.databaseUrl, 'UPDATE callback SET due_at = $1 WHERE id = $2', [sqlTime(due), id]);
    }
  }, 120_000);
  afterAll(() => server?.stop());

  it('computes n, mean, median and p90 wait by nearest rank, and the share over 30 minutes', async () => {
    const all = (await quality.get<IndicatorSeries<'wait-time'>>(`/api/indicators/wait-time?${WAIT_DAY}&groupBy=day`)).body;
    expect(all.points).toEqual([{ key: daysAgo(3), n: 10, mean: 34.5, median: 25, p90: 45, overThresholdCount: 4, overThreshold: 40 }]);

    const byDepartment = (await quality.get<IndicatorSeries<'wait-time'>>(`/api/indicators/wait-time?${WAIT_DAY}&groupBy=department`)).body;
    const [internal, surgery, ...others] = byDepartment.points;
    // Department 1: 5,10,15,20,25,30 → rank ceil(3) = 3rd (15), p90 rank ceil(5.4) = 6th (30), none over 30.
    expect(internal).toEqual<WaitTimePoint>({ key: '1', n: 6, mean: 17.5, median: 15, p90: 30, overThresholdCount: 0, overThreshold: 0 });
    // Department 2: 35,40,45,120 → rank 2 (40), rank ceil(3.6) = 4 (120), all over 30.
    expect(surgery).toEqual<WaitTimePoint>({ key: '2', n: 4, mean: 60, median: 40, p90: 120, overThresholdCount: 4, overThreshold: 100 });
    // Empty departments are "no data", not zeros.
    expect(others.every((p) => p.n === 0 && p.median === null && p.mean === null && p.overThreshold === null)).toBe(true);
  });

  it('reads whole months from the monthly wait histograms with the same nearest-rank figures', async () => {
    const month = daysAgo(3).slice(0, 7);
    const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
    // Every wait of this data set with its day: the ten above and five churn-check visits of 25 minutes.
    const all: [string, number][] = [...WAITS.map((w): [string, number] => [daysAgo(3), w]), ...[6, 6, 6, 5, 5].map((d): [string, number] => [daysAgo(d), 25])];
    const waits = all.filter(([day]) => day.startsWith(month)).map(([, w]) => w).sort((a, b) => a - b);
    const rank = (p: number) => waits[Math.ceil((p / 100) * waits.length) - 1];
    const over = waits.filter((w) => w > 30).length;
    const series = (await quality.get<IndicatorSeries<'wait-time'>>(`/api/indicators/wait-time?from=${month}-01&to=${lastDay}&groupBy=month`)).body;
    expect(series.points).toEqual([
      {
        key: month,
        n: waits.length,
        mean: Math.round((waits.reduce((a, b) => a + b, 0) / waits.length) * 10) / 10,
        median: rank(50),
        p90: rank(90),
        overThresholdCount: over,
        overThreshold: Math.round((1000 * over) / waits.length) / 10,
      },
    ]);
  });

  it('groups the same visits by ISO week and month with the same total n', async () => {
    for (const groupBy of ['week', 'month']) {
      const series = (await quality.get<IndicatorSeries<'wait-time'>>(`/api/indicators/wait-time?${WEEK}&groupBy=${groupBy}`)).body;
      // The week's 15 waits: the ten above and five churn-check visits of 25 minutes.
      expect([groupBy, series.points.reduce((sum, p) => sum + p.n, 0)]).toEqual([groupBy, 15]);
      if (groupBy === 'week') expect(series.points.every((p) => new Date(`${p.key}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    }
  });

  it('computes NPS, CSAT, dimension scores and the response rate', async () => {
    const series = (await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?from=${today}&to=${today}&groupBy=day`)).body;
    const point = series.points[0] as SatisfactionPoint;
    // NPS: promoters 10,10,9; passive 7; detractors 6,0 → 100 * (3 - 2) / 6 = 16.7.
    expect(point.nps).toEqual({ value: 16.7, n: 6, promoters: 3, passives: 1, detractors: 2 });
    // CSAT: 5,4,4 of 5,4,4,3,2,1 in the top two boxes → 50.0 %, mean 19 / 6 = 3.2.
    expect(point.csat).toEqual({ value: 50, mean: 3.2, n: 6 });
    expect(point.dimensions).toEqual([
      { dimension: 'doctor_communication', value: 100, mean: 5, n: 6 },
      // 5,4,2,4,1,3 → 3 of 6 at 4 or 5; mean 19 / 6.
      { dimension: 'wait_time', value: 50, mean: 3.2, n: 6 },
    ]);
    // 6 responses / 8 invitations.
    expect([point.n, point.invitations, point.responseRate]).toEqual([6, 8, 75]);
  });

  it('narrows satisfaction to one survey template, read from the answers instead of the rollup', async () => {
    const [template] = (await quality.get<SurveyTemplate[]>('/api/survey-templates')).body;
    const period = `from=${today}&to=${today}&groupBy=day`;
    const all = (await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?${period}`)).body;
    const mine = (await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?${period}&templateId=${template.id}`)).body;
    // Every response here answered the default template: the same figures, dimensions included.
    expect(mine.templateId).toBe(template.id);
    expect(mine.points).toEqual(all.points);
    const other = await admin.post<SurveyTemplate>('/api/survey-templates', {
      name: { zh: '住院满意度', en: 'Inpatient survey' },
      questions: template.versions[0].questions,
    });
    expect(other.status).toBe(201);
    const none = (await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?${period}&templateId=${other.body.id}`)).body;
    expect(none.points[0]).toMatchObject({ n: 0, invitations: 0, responseRate: null, dimensions: [] });
    expect(none.points[0].nps.value).toBeNull();

    const rows = await quality.get<Page<DrillDownRow>>(`/api/indicators/satisfaction/patients?${period}&templateId=${other.body.id}`);
    expect([rows.status, rows.body.total]).toEqual([200, 0]);
    const csv = await quality.get<string>(`/api/indicators/satisfaction.csv?${period}&templateId=${template.id}`);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="satisfaction-template-${template.id}_${today}_${today}.csv"`);
    const ours = await quality.get<Page<DrillDownRow>>(`/api/indicators/satisfaction/patients?${period}&templateId=${template.id}`);
    expect(ours.body.total).toBe(6);
    for (const path of [`wait-time?${period}&templateId=${template.id}`, `summary?templateId=${template.id}`, 'satisfaction?templateId=0']) {
      const refused = await quality.get<ApiError>(`/api/indicators/${path}`);
      expect([path, refused.status]).toEqual([path, 400]);
    }
  });

  it('computes churn over the cohort whose expected return + grace fell in the period', async () => {
    const all = (await quality.get<IndicatorSeries<'churn'>>(`/api/indicators/churn?${WEEK}&groupBy=month`)).body;
    const total = all.points.reduce((sum, p) => ({ n: sum.n + p.n, lapsed: sum.lapsed + p.lapsed }), { n: 0, lapsed: 0 });
    // A, B and D are in the cohort (C's expectation was superseded, its new one is not due); B lapsed.
    expect(total).toEqual({ n: 3, lapsed: 1 });

    const byDepartment = (await quality.get<IndicatorSeries<'churn'>>(`/api/indicators/churn?${WEEK}&groupBy=department`)).body;
    expect(byDepartment.points.slice(0, 2)).toEqual<ChurnPoint[]>([
      { key: '1', n: 1, lapsed: 0, churnRate: 0, retention: 100 },
      { key: '2', n: 2, lapsed: 1, churnRate: 50, retention: 50 },
    ]);

    const lapsed = (await quality.get<Page<DrillDownRow>>(`/api/indicators/churn/patients?${WEEK}&segment=lapsed`)).body;
    expect(lapsed.items.map((row) => [row.patientId, row.status, row.on, row.value])).toEqual([[patients['B'], 'lapsed', daysAgo(2), 2]]);
    const retained = (await quality.get<Page<DrillDownRow>>(`/api/indicators/churn/patients?${WEEK}&segment=retained`)).body;
    expect(retained.items.map((row) => row.patientId).sort()).toEqual([patients['A'], patients['D']].sort());
  });

  it('computes callback completion, reached rate and the median time to completion', async () => {
    const series = (await quality.get<IndicatorSeries<'follow-up'>>(`/api/indicators/follow-up?${WEEK}&groupBy=week`)).body;
    const due = series.points.filter((p) => p.n > 0);
    expect(due).toHaveLength(1);
    // Durations 60, 120 and 1800 minutes → the 2nd by nearest rank = 2.0 hours.
    expect(due[0]).toEqual<FollowUpPoint>({
      key: due[0].key,
      n: 4,
      completed: 3,
      reached: 2,
      failed: 0,
      completionRate: 75,
      reachedRate: 66.7,
      medianHoursToComplete: 2,
      serviceRecoveryOpened: 0,
      serviceRecoveryClosed: 0,
    });
    // The same callbacks by day, by month (joined to the buckets) and by department: the same totals.
    for (const groupBy of ['day', 'month', 'department']) {
      const points = (await quality.get<IndicatorSeries<'follow-up'>>(`/api/indicators/follow-up?${WEEK}&groupBy=${groupBy}`)).body.points;
      const total = (pick: (p: FollowUpPoint) => number) => points.reduce((sum, p) => sum + pick(p), 0);
      expect([groupBy, total((p) => p.n), total((p) => p.completed), total((p) => p.reached)]).toEqual([groupBy, 4, 3, 2]);
      // The medians per bucket come from the same join as the counts: every bucket with a completed call has one.
      expect(points.filter((p) => p.completed > 0).every((p) => p.medianHoursToComplete !== null)).toBe(true);
      expect(points.some((p) => p.medianHoursToComplete !== null)).toBe(true);
    }
  });

  it('summarises the week against the week before, with n on every headline', async () => {
    const summary = (await quality.get<IndicatorSummary>(`/api/indicators/summary?${WEEK}`)).body;
    expect([summary.previousFrom, summary.previousTo]).toEqual([daysAgo(13), daysAgo(7)]);
    // Fifteen waits: 5,10,15,20,25,25,25,25,25,25,30,35,40,45,120 → median rank 8 = 25, p90 rank 14 = 45, 4 of 15 over.
    expect(summary.headlines.waitMedian).toEqual({ value: 25, n: 15, previous: null, previousN: 0, change: null });
    expect(summary.headlines.waitP90.value).toBe(45);
    expect(summary.headlines.waitOverThreshold.value).toBe(26.7);
    expect(summary.headlines.nps).toMatchObject({ value: 16.7, n: 6 });
    expect(summary.headlines.csat).toMatchObject({ value: 50, n: 6 });
    expect(summary.headlines.responseRate).toMatchObject({ value: 75, n: 8 });
    expect(summary.headlines.churnRate).toMatchObject({ value: 33.3, n: 3 });
    expect(summary.headlines.callbackCompletion).toMatchObject({ value: 75, n: 4 });
    expect(summary.statusCounts.lapsed).toBe(1);
  });

  it('drills down to the rows behind a point and a segment', async () => {
    const over = (await quality.get<Page<DrillDownRow>>(`/api/indicators/wait-time/patients?${WEEK}&groupBy=day&key=${daysAgo(3)}&segment=over_threshold`)).body;
    expect(over.total).toBe(4);
    expect(over.items.map((row) => row.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([35, 40, 45, 120]);
    expect(over.items.every((row) => /^1\d{2}\*{4}\d{4}$/.test(row.phoneMasked))).toBe(true);

    const detractors = (await quality.get<Page<DrillDownRow>>(`/api/indicators/satisfaction/patients?${WEEK}&segment=detractors`)).body;
    expect(detractors.items.map((row) => row.value).sort()).toEqual([0, 6]);

    const completed = (await quality.get<Page<DrillDownRow>>(`/api/indicators/follow-up/patients?${WEEK}&segment=completed`)).body;
    expect(completed.items.map((row) => row.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 30]);

    const flow = (await quality.get<LifecycleFlow>(`/api/indicators/lifecycle-flow?${WEEK}`)).body;
    expect(flow.links).toEqual([
      { from: 'first_visit', to: 'treatment', n: 1 },
      { from: 'first_visit', to: 'lapsed', n: 1 },
    ]);
    const moved = (await quality.get<Page<DrillDownRow>>(`/api/indicators/lifecycle-flow/patients?${WEEK}&fromStage=first_visit&toStage=treatment`)).body;
    expect(moved.items.map((row) => row.patientId)).toEqual([patients['A']]);

    // Each listed patient's audit trail shows the quality manager saw them in a drill-down.
    const trail = (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patients['A']}&pageSize=100`)).body.items;
    expect(trail.filter((entry) => entry.action === 'indicators.drill_down').length).toBeGreaterThanOrEqual(1);
    for (const row of over.items) {
      const entries = (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${row.patientId}&pageSize=100`)).body.items;
      expect(entries.some((entry) => entry.action === 'indicators.drill_down')).toBe(true);
    }
  });

  it('exports a series as CSV with a BOM, opening in Excel with Chinese names', async () => {
    const csv = await quality.get<string>(`/api/indicators/wait-time.csv?${WAIT_DAY}&groupBy=department&lang=en`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`wait-time_${daysAgo(3)}_${daysAgo(3)}.csv`);
    // fetch's text() drops a BOM, so read the bytes: EF BB BF first.
    const raw = await fetch(`${server.baseUrl}/api/indicators/wait-time.csv?${WAIT_DAY}&groupBy=department&lang=en`, { headers: { authorization: `Bearer ${quality.token}` } });
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Department ID,Department,Visits,Mean wait (min),Median wait (min),P90 wait (min),Over threshold,Over threshold %');
    expect(lines[1]).toBe('1,内科,6,17.5,15,30,0,0');
    expect(lines[3]).toMatch(/^3,[^,]+,0,,,,0,$/);
  });

  it('answers 400 naming the field for bad filters, 404 for an unknown indicator, 403 to the front desk', async () => {
    const cases: [string, string][] = [
      ['/api/indicators/wait-time?from=2026-02-30', 'from must be a date written YYYY-MM-DD'],
      [`/api/indicators/summary?from=${today}&to=${daysAgo(1)}`, 'from must not be after to'],
      ['/api/indicators/churn?groupBy=year', 'groupBy must be one of the following values: day, week, month, department'],
      ['/api/indicators/churn?departmentId=abc', 'departmentId must be an integer number'],
      [`/api/indicators/wait-time/patients?${WEEK}&groupBy=month&key=13`, 'key must be a month of the period'],
      [`/api/indicators/churn/patients?${WEEK}&segment=detractors`, 'segment must be one of: all, lapsed, retained'],
      ['/api/indicators/lifecycle-flow/patients?fromStage=first_visit&toStage=heaven', 'toStage must be one of the following values: first_visit, treatment, rehabilitation, follow_up, lapsed'],
    ];
    for (const [path, message] of cases) {
      const response = await quality.get<{ message: string[] }>(path);
      expect([path, response.status, response.body.message]).toEqual([path, 400, expect.arrayContaining([message])]);
    }
    expect((await quality.get('/api/indicators/happiness')).status).toBe(404);
    expect((await desk.get(`/api/indicators/summary?${WEEK}`)).status).toBe(403);
    expect((await desk.get(`/api/indicators/churn/patients?${WEEK}`)).status).toBe(403);
    expect((await anonymous.get(`/api/indicators/summary?${WEEK}`)).status).toBe(401);
  });

  it("gives the front desk today's live board", async () => {
    const board = (await desk.get<{ today: string; waitingNow: number; callbacksOverdue: number }>('/api/indicators/live')).body;
    expect(board.today).toBe(today);
    // Nobody was checked in today in this data set; one open callback is overdue.
    expect([board.waitingNow, board.callbacksOverdue]).toEqual([0, 1]);
  });
});
