import type { DriversAnswer, Page, SatisfactionPoint, IndicatorSeries, SurveyInvitation, SurveyResponseSummary } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

/*
 * GET /api/indicators/drivers against a fixture whose figures are worked out by hand below, on
 * SQLite and PostgreSQL; and the Feedback list's npsBand / waitBand / themeId filters, whose totals
 * are the drivers' n. Eight responses in a department of their own, submitted today:
 *
 *  #  wait  NPS  CSAT  wait_time  doctor_communication  comment (themes the tagger stores; comment-themes.e2e-spec.ts)
 *  1   5     10   5     5          5                     护士态度很好，环境也干净 → environment, staff_attitude
 *  2  10      9   4     4          5                     护士态度很好，环境也干净 → environment, staff_attitude
 *  3  15      8   4     3          4                     —
 *  4  25      9   3     4          3                     —
 *  5  30      5   2     2          4                     The wait was far too long and the car park was full. → parking_transport, waiting
 *  6  50      3   2     1          3                     排队太久了，等了两个小时，但是医生讲得很清楚 → communication, waiting
 *  7  90      0   1     1          2                     挂号太难了 → appointments
 *  8  70      6   3     2          5                     —
 *
 * Themes. Tagged comments: detractors #5 #6 #7 (n = 3), promoters #1 #2 (n = 2); #3 #4 #8 have none.
 *   waiting: detractors 2/3 = 66.7 %, promoters 0/2 = 0 %, difference 66.7 pp. Newcombe (Wilson, z = 1.959964):
 *     Wilson 2/3 = [0.207661, 0.938509]; Wilson 0/2 = [0, 0.657620];
 *     low  = 0.666667 - sqrt((0.666667 - 0.207661)² + (0.657620 - 0)²) = 0.666667 - 0.801967 = -0.135300 → -13.5
 *     high = 0.666667 + sqrt((0.938509 - 0.666667)² + (0 - 0)²) = 0.938509 → 93.9
 *   environment and staff_attitude: 0/3 - 2/2 = -100 pp; appointments, communication, parking_transport: 1/3 - 0/2 = 33.3 pp.
 *
 * Dimensions (Spearman, average ranks; NPS ranks 0→1, 3→2, 5→3, 6→4, 8→5, 9→6.5 (two), 10→8; mean rank 4.5).
 *   wait_time ratings 5 4 3 4 2 1 1 2: ranks 1→1.5, 2→3.5, 3→5, 4→6.5, 5→8.
 *     (rating rank, NPS rank) deviations: #7 (-3, -3.5) #6 (-3, -2.5) #5 (-1, -1.5) #8 (-1, -0.5) #3 (0.5, 0.5)
 *     #2 (2, 2) #4 (2, 2) #1 (3.5, 3.5); cov = 40.5, var = 40.5 and 41.5; rho = 40.5 / sqrt(40.5 × 41.5) = 0.988.
 *     Score: top-2-box 3/8 = 37.5 %, mean 22/8 = 2.75 → 2.8.
 *   doctor_communication ratings 5 5 4 3 4 3 2 5: ranks 2→1, 3→2.5, 4→4.5, 5→7.
 *     deviations #1 (2.5, 3.5) #2 (2.5, 2) #3 (0, 0.5) #4 (-2, 2) #5 (0, -1.5) #6 (-2, -2.5) #7 (-3.5, -3.5) #8 (2.5, -0.5);
 *     cov = 8.75 + 5 + 0 - 4 + 0 + 5 + 12.25 - 1.25 = 25.75; var = 39 and 41.5; rho = 25.75 / sqrt(1618.5) = 0.640.
 *     Score: 5/8 = 62.5 %, mean 31/8 = 3.875 → 3.9.
 *   Cut: rho (0.988 + 0.640) / 2 = 0.814, score (37.5 + 62.5) / 2 = 50: wait_time high impact, low score → fix_first;
 *   doctor_communication low impact, high score → secondary.
 *
 * Wait bands (lower edge inclusive, so 15 min is in 15-30 and 30 min in 30-60):
 *   < 15: #1 #2: NPS (2 - 0)/2 = 100, CSAT 2/2 = 100 %, mean 4.5
 *   15-30: #3 #4: NPS (1 - 0)/2 = 50, CSAT 1/2 = 50 %, mean 3.5
 *   30-60: #5 #6: NPS (0 - 2)/2 = -100, CSAT 0/2 = 0 %, mean 2
 *   ≥ 60: #7 #8: NPS -100, CSAT 0 %, mean 2
 */

interface Visit {
  waitMinutes: number;
  nps: number;
  csat: number;
  waitTime: number;
  doctor: number;
  comment?: string;
  language: 'zh' | 'en';
}

const PRAISE = '护士态度很好，环境也干净';
const VISITS: Visit[] = [
  { waitMinutes: 5, nps: 10, csat: 5, waitTime: 5, doctor: 5, comment: PRAISE, language: 'zh' },
  { waitMinutes: 10, nps: 9, csat: 4, waitTime: 4, doctor: 5, comment: PRAISE, language: 'zh' },
  { waitMinutes: 15, nps: 8, csat: 4, waitTime: 3, doctor: 4, language: 'zh' },
  { waitMinutes: 25, nps: 9, csat: 3, waitTime: 4, doctor: 3, language: 'zh' },
  { waitMinutes: 30, nps: 5, csat: 2, waitTime: 2, doctor: 4, comment: 'The wait was far too long and the car park was full.', language: 'en' },
  { waitMinutes: 50, nps: 3, csat: 2, waitTime: 1, doctor: 3, comment: '排队太久了，等了两个小时，但是医生讲得很清楚', language: 'zh' },
  { waitMinutes: 90, nps: 0, csat: 1, waitTime: 1, doctor: 2, comment: '挂号太难了', language: 'zh' },
  { waitMinutes: 70, nps: 6, csat: 3, waitTime: 2, doctor: 5, language: 'zh' },
];

describe.each(testDatabases())('drivers of dissatisfaction on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let quality: ApiClient;
  let desk: ApiClient;
  let departmentId: number;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '100000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'drivers.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'drivers.quality', 'quality_manager');
    const department = await admin.post<{ id: number }>('/api/departments', { code: 'drivers', name: '驱动因素科', nameEn: 'Drivers' });
    expect(department.status).toBe(201);
    departmentId = department.body.id;
    for (const visit of VISITS) await answered(visit);
  }, 180_000);
  afterAll(() => server?.stop());

  /** A visit with exactly this wait, finished, its survey answered. */
  async function answered(visit: Visit): Promise<void> {
    const patient = await registerPatient(desk, { consent: { followUpCalls: true, surveys: true } });
    const checkedIn = new Date(Date.now() - 3 * 3600_000);
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId, checkedInAt: checkedIn.toISOString() });
    expect(checkIn.status).toBe(201);
    const calledAt = new Date(checkedIn.getTime() + visit.waitMinutes * 60_000).toISOString();
    expect((await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: calledAt })).status).toBe(200);
    expect((await desk.post(`/api/encounters/${checkIn.body.id}/finish`, {})).status).toBe(200);
    const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId: checkIn.body.id });
    expect(invitation.status).toBe(201);
    const answers = [
      { questionId: 'csat', value: visit.csat },
      { questionId: 'nps', value: visit.nps },
      { questionId: 'wait_time', value: visit.waitTime },
      { questionId: 'doctor_communication', value: visit.doctor },
    ];
    const reply = await anonymous.post(`/api/public/surveys/${invitation.body.token}`, { answers, comment: visit.comment, language: visit.language });
    expect(reply.status).toBe(201);
  }

  it('answers the hand-worked theme shares, differences and Newcombe intervals', async () => {
    const reply = await quality.get<DriversAnswer>(`/api/indicators/drivers?departmentId=${departmentId}`);
    expect(reply.status).toBe(200);
    const { themes } = reply.body;
    expect(themes.ciMethod).toBe('newcombe_wilson');
    expect(themes.commented).toEqual({ detractors: 3, promoters: 2 });
    const rows = themes.items.map((t) => [t.theme, t.detractors.count, t.detractors.n, t.detractors.value, t.promoters.count, t.promoters.n, t.promoters.value, t.difference]);
    expect(rows).toEqual([
      ['waiting', 2, 3, 66.7, 0, 2, 0, 66.7],
      ['appointments', 1, 3, 33.3, 0, 2, 0, 33.3],
      ['communication', 1, 3, 33.3, 0, 2, 0, 33.3],
      ['parking_transport', 1, 3, 33.3, 0, 2, 0, 33.3],
      ['environment', 0, 3, 0, 2, 2, 100, -100],
      ['staff_attitude', 0, 3, 0, 2, 2, 100, -100],
    ]);
    expect(themes.items[0]?.ci).toEqual({ low: -13.5, high: 93.9 });
    expect(themes.items[0]).toMatchObject({ nameZh: '等候与及时性', nameEn: 'Waiting & timeliness' });
  });

  it('answers the hand-worked Spearman rho, scores and quadrants of each dimension', async () => {
    const { dimensions } = (await quality.get<DriversAnswer>(`/api/indicators/drivers?departmentId=${departmentId}`)).body;
    expect(dimensions.correlation).toBe('spearman');
    expect(dimensions.cut).toEqual({ rho: 0.814, score: 50 });
    expect(dimensions.items).toEqual([
      { dimension: 'doctor_communication', rho: 0.64, n: 8, score: 62.5, mean: 3.9, scoreN: 8, quadrant: 'secondary' },
      { dimension: 'wait_time', rho: 0.988, n: 8, score: 37.5, mean: 2.8, scoreN: 8, quadrant: 'fix_first' },
    ]);
    // The current score is the satisfaction indicator's dimension score for the same scope.
    const satisfaction = await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?departmentId=${departmentId}&groupBy=department`);
    const point = satisfaction.body.points[0] as SatisfactionPoint;
    expect(point.dimensions.map((d) => [d.dimension, d.value, d.mean, d.n])).toEqual(dimensions.items.map((d) => [d.dimension, d.score, d.mean, d.scoreN]));
  });

  it('answers the hand-worked NPS and CSAT per wait band, each with its n', async () => {
    const { waitBands } = (await quality.get<DriversAnswer>(`/api/indicators/drivers?departmentId=${departmentId}`)).body;
    expect(waitBands).toEqual([
      { band: 'under_15', n: 2, nps: { value: 100, n: 2 }, csat: { value: 100, mean: 4.5, n: 2 } },
      { band: '15_30', n: 2, nps: { value: 50, n: 2 }, csat: { value: 50, mean: 3.5, n: 2 } },
      { band: '30_60', n: 2, nps: { value: -100, n: 2 }, csat: { value: 0, mean: 2, n: 2 } },
      { band: 'over_60', n: 2, nps: { value: -100, n: 2 }, csat: { value: 0, mean: 2, n: 2 } },
    ]);
  });

  it('answers null figures with n = 0 for a period with no responses', async () => {
    const reply = await quality.get<DriversAnswer>(`/api/indicators/drivers?departmentId=${departmentId}&from=2020-01-01&to=2020-01-31`);
    expect(reply.status).toBe(200);
    expect(reply.body.themes).toEqual({ ciMethod: 'newcombe_wilson', commented: { detractors: 0, promoters: 0 }, items: [] });
    expect(reply.body.dimensions).toEqual({ correlation: 'spearman', cut: null, items: [] });
    expect(reply.body.waitBands.every((b) => b.n === 0 && b.nps.value === null && b.csat.value === null && b.csat.mean === null)).toBe(true);
  });

  it('drills down: the Feedback list filtered by a cell lists exactly the cell’s n responses', async () => {
    const list = (query: string) => quality.get<Page<SurveyResponseSummary>>(`/api/survey-responses?departmentId=${departmentId}&${query}`);
    const totals = async (query: string) => {
      const reply = await list(query);
      expect(reply.status).toBe(200);
      return reply.body.total;
    };
    expect(await totals('npsBand=detractor')).toBe(4); // #5 #6 #7 #8
    expect(await totals('npsBand=passive')).toBe(1); // #3
    expect(await totals('npsBand=promoter')).toBe(3); // #1 #2 #4
    expect(await totals('waitBand=under_15')).toBe(2);
    expect(await totals('waitBand=15_30')).toBe(2); // 15 minutes exactly is here
    expect(await totals('waitBand=30_60')).toBe(2); // and 30 minutes here
    expect(await totals('waitBand=over_60')).toBe(2);
    expect(await totals('themeId=waiting&npsBand=detractor')).toBe(2);
    expect(await totals('themeId=environment&npsBand=promoter')).toBe(2);
    expect(await totals('themeId=waiting&npsBand=promoter')).toBe(0);
    const detractorsLongWait = await list('npsBand=detractor&waitBand=over_60');
    expect(detractorsLongWait.body.items.map((r) => r.nps).sort()).toEqual([0, 6]);
  });

  it('refuses bad filters with a 400 naming the field, never a 500', async () => {
    const bad = async (path: string, field: string) => {
      const reply = await quality.get<{ message: string[] }>(path);
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body.message)).toContain(field);
    };
    await bad('/api/indicators/drivers?groupBy=month', 'groupBy');
    await bad('/api/indicators/drivers?departmentId=0', 'departmentId');
    await bad('/api/indicators/drivers?from=2026-02-30', 'from');
    await bad('/api/indicators/drivers?from=2026-03-02&to=2026-03-01', 'from');
    await bad('/api/survey-responses?npsBand=angry', 'npsBand');
    await bad('/api/survey-responses?waitBand=5_10', 'waitBand');
    await bad('/api/survey-responses?themeId=wait%00ing', 'themeId');
    await bad(`/api/survey-responses?themeId=${'a'.repeat(41)}`, 'themeId');
  });

  it('is for quality managers and admins only', async () => {
    expect((await desk.get('/api/indicators/drivers')).status).toBe(403);
    expect((await anonymous.get('/api/indicators/drivers')).status).toBe(401);
    expect((await admin.get('/api/indicators/drivers')).status).toBe(200);
  });
});
