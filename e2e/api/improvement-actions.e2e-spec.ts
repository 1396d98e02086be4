import { addDays, calendarDayOf, type ApiError, type AuditEntry, type Department, type ImprovementAction, type ImprovementActionList, type IndicatorSeries, type IndicatorTarget, type IndicatorTargetList, type Page, type SurveyInvitation } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { importFile } from '../support/imports-fixtures';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * Improvement actions and indicator targets (issue #15) over HTTP, on both databases.
 *
 * The before/after fixture is imported as HIS history (the import API accepts past visits; the
 * desk's check-in goes back 7 days only): 60 visits to 内科, one a day, with known waits (call time
 * minus registration time). An action starting on day S = today - 60, with a 30-day baseline,
 * no lag and a 30-day follow-up, has
 *   baseline  S-30 … S-1  (today-90 … today-61): waits 20, 21, …, 49 minutes (30 visits)
 *   follow-up S … S+29    (today-60 … today-31): waits 10, 11, …, 39 minutes (30 visits), complete.
 *
 * Wait median (nearest rank, DOMAIN.md: the 15th of 30): baseline 34, follow-up 24, change -10.0.
 * Mann-Whitney U of the follow-up against the baseline: 10-19 are follow-up only (ranks 1-10),
 * 20-39 occur once in each window (tied pairs: value 20+k has midrank 11.5 + 2k), 40-49 are baseline
 * only (ranks 51-60). R = 55 + Σ(11.5 + 2k, k = 0..19) = 55 + 230 + 380 = 665, U = 665 - 30·31/2 = 200,
 * mean 30·30/2 = 450; ties: 20 pairs, Σ(t³ - t) = 120, σ² = 900/12 · (61 - 120/(60·59)) = 4572.46,
 * σ = 67.62; z = -(|200 - 450| - 0.5)/67.62 = -3.690, p = 2Φ(-3.690) = 0.000224.
 * The bootstrap 95% interval of the median's change (seeded) lies below 0: verdict `improved`.
 *
 * Waits over the 30-minute threshold (strictly longer): baseline 31…49 = 19 of 30 (63.3%),
 * follow-up 31…39 = 9 of 30 (30.0%), change -33.3 points. Pooled p = 28/60, se = √(28/60 · 32/60 ·
 * 2/30) = 0.12881, z = (0.3 - 0.6333)/0.12881 = -2.588, p = 2Φ(-2.588) = 0.00966. Newcombe's interval:
 * Wilson 9/30 = 0.1666…0.4788, 19/30 = 0.4551…0.7813; d - √((0.3-0.1666)² + (0.7813-0.6333)²) = -0.5325,
 * d + √((0.4788-0.3)² + (0.6333-0.4551)²) = -0.0809: -53.25 … -8.09 points, below 0: `improved`.
 *
 * CSAT and the wait-time rating dimension (top-2-box shares) get their own fixture: 60 survey
 * answers to 内科 made through the API (visit, invitation, public submit) and backdated with SQL,
 * one a day, CSAT = wait-time rating:
 *   baseline  today-90 … today-61: 12 answers of 5, 18 of 3 → top-2-box 12 of 30 = 40.0%
 *   follow-up today-60 … today-31: 24 answers of 4,  6 of 2 → top-2-box 24 of 30 = 80.0%
 * Change +40.0 points. Pooled 36/60 = 0.6, se = √(0.6 · 0.4 · 2/30) = 0.12649, z = 0.4/0.12649 =
 * 3.162, p = 2Φ(-3.162) = 0.00157. Newcombe: Wilson 24/30 = 0.6269…0.9049, 12/30 = 0.2459…0.5768;
 * 0.4 - √((0.8-0.6269)² + (0.5768-0.4)²) = 0.1526, 0.4 + √((0.9049-0.8)² + (0.4-0.2459)²) = 0.5864:
 * 15.26 … 58.64 points, above 0, and p < 0.05: `improved`.
 */

const TZ = 'Asia/Shanghai';
const today = calendarDayOf(new Date(), TZ);
const day = (offset: number) => addDays(today, offset);
const START = day(-60);

const HEADER = '病历号,姓名,手机号,性别,出生日期,就诊号,科室,医生,挂号时间,叫号时间,结束时间,复诊日期,费用';
const at = (offset: number, minutes: number) => {
  const h = 8 + Math.floor(minutes / 60);
  return `${day(offset)} ${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};
/** One visit to 内科 on day `offset`, registered at 08:00 and called `wait` minutes later. */
const visitRow = (i: number, offset: number, wait: number) =>
  `IA${i},患者${i},1390000${String(1000 + i)},女,,IAV${i},内科,,${at(offset, 0)},${at(offset, wait)},${at(offset, wait + 10)},,`;

const FIXTURE = [
  HEADER,
  ...Array.from({ length: 30 }, (_, k) => visitRow(k, -90 + k, 20 + k)),
  ...Array.from({ length: 30 }, (_, k) => visitRow(30 + k, -60 + k, 10 + k)),
].join('\n') + '\n';

describe.each(testDatabases())('improvement actions on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let quality: ApiClient;
  let desk: ApiClient;
  let internalMedicine: number;
  let ownerId: number;
  let adminId: number;

  const action = (body: Record<string, unknown>) =>
    quality.post<ImprovementAction & ApiError>('/api/improvement-actions', {
      title: '内科上午分时段预约',
      departmentId: internalMedicine,
      ownerUserId: ownerId,
      indicator: 'wait_median',
      startDate: START,
      baselineDays: 30,
      lagDays: 0,
      followUpDays: 30,
      ...body,
    });
  const refused = async (response: Promise<{ status: number; body: unknown }>, code: string, field?: string) => {
    const { status, body } = await response;
    const error = body as ApiError;
    expect([status, error.code]).toEqual([400, code]);
    if (field) expect(JSON.stringify(error.message)).toContain(field);
    if (code === 'validation.failed' && field) expect((error.params as { fields: string[] }).fields).toContain(field);
  };

  beforeAll(async () => {
    // The CSAT fixture submits 60 answers from one address: above the public rate limit's default.
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '1000' });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    quality = await staffClient(admin, anonymous, 'improve.quality', 'quality_manager');
    desk = await staffClient(admin, anonymous, 'improve.desk', 'front_desk');
    const departments = await admin.get<Department[]>('/api/departments');
    const found = departments.body.find((d) => d.name === '内科');
    if (!found) throw new Error('no 内科 department');
    internalMedicine = found.id;
    const me = await quality.get<{ id: number }>('/api/auth/me');
    ownerId = me.body.id;
    adminId = (await admin.get<{ id: number }>('/api/auth/me')).body.id;
    const job = await importFile(admin, 'visits.csv', FIXTURE);
    expect(job.status).toBe('done');
  }, 180_000);
  afterAll(() => server?.stop());

  it('judges the wait median before and after, with the numbers worked out above', async () => {
    const created = await action({});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ indicator: 'wait_median', betterDirection: 'lower', status: 'planned', departmentName: '内科' });
    const { evaluation } = created.body;
    expect(evaluation.test).toBe('mann_whitney');
    expect(evaluation.baseline).toEqual({ from: day(-90), to: day(-61), n: 30, value: 34 });
    expect(evaluation.followUp).toEqual({ from: day(-60), to: day(-31), n: 30, value: 24 });
    expect(evaluation.followUpComplete).toBe(true);
    expect(evaluation.change).toBe(-10);
    expect(evaluation.pValue).toBeCloseTo(0.000224, 6);
    const [lo, hi] = evaluation.ci95 ?? [NaN, NaN];
    expect(lo).toBeLessThanOrEqual(-10);
    expect(hi).toBeLessThan(0);
    expect(evaluation.verdict).toBe('improved');

    // The same evaluation again (the bootstrap is seeded), and the list carries the verdict.
    const again = await quality.get<ImprovementAction>(`/api/improvement-actions/${created.body.id}`);
    expect(again.body.evaluation).toEqual(evaluation);
    const list = await quality.get<ImprovementActionList>(`/api/improvement-actions?departmentId=${internalMedicine}&indicator=wait_median`);
    expect(list.body.items.find((i) => i.id === created.body.id)).toMatchObject({ verdict: 'improved', change: -10, pValue: evaluation.pValue, followUpComplete: true });

    // The direction decides: an action that wanted longer waits got worse.
    const contrary = await action({ title: '反向', betterDirection: 'higher' });
    expect(contrary.body.evaluation.verdict).toBe('worse');
  });

  it('judges the share of waits over the threshold with the two-proportion test', async () => {
    const created = await action({ indicator: 'wait_over_threshold' });
    expect(created.status).toBe(201);
    const { evaluation } = created.body;
    expect(evaluation.test).toBe('two_proportion');
    expect([evaluation.baseline.n, evaluation.baseline.value, evaluation.followUp.n, evaluation.followUp.value]).toEqual([30, 63.3, 30, 30]);
    expect(evaluation.change).toBe(-33.3);
    expect(evaluation.pValue).toBeCloseTo(0.00966, 5);
    expect(evaluation.ci95).toEqual([-53.25, -8.09]);
    expect(evaluation.verdict).toBe('improved');
  });

  it('says too_few below 30 answers, and pending before the follow-up window', async () => {
    // No survey was ever answered: n = 0 in both windows.
    const nps = await action({ indicator: 'nps', title: '沟通培训' });
    expect(nps.status).toBe(201);
    expect(nps.body.evaluation).toMatchObject({ test: 'bootstrap_nps', verdict: 'too_few', change: null, ci95: null, pValue: null });
    expect(nps.body.evaluation.baseline.n).toBe(0);
    expect(nps.body.betterDirection).toBe('higher');

    // 29 of the follow-up's visits: one short of a verdict.
    const short = await action({ followUpDays: 29, lagDays: 1 });
    expect(short.body.evaluation).toMatchObject({ verdict: 'too_few', ci95: null, pValue: null });
    expect(short.body.evaluation.followUp.n).toBe(29);

    const later = await action({ startDate: day(5), title: '下月开始' });
    expect(later.body.evaluation).toMatchObject({ verdict: 'pending', followUpComplete: false, ci95: null });
    // No lag here: the follow-up would begin on the start day, still to come.
    expect(later.body.evaluation.followUp).toMatchObject({ from: day(5), n: 0, value: null });

    // A follow-up window still running: the verdict is interim, and the list says so.
    const running = await action({ startDate: day(-10), title: '进行中' });
    expect(running.body.evaluation.followUpComplete).toBe(false);
    const listed = await quality.get<ImprovementActionList>(`/api/improvement-actions?departmentId=${internalMedicine}`);
    expect(listed.body.items.find((i) => i.id === running.body.id)?.followUpComplete).toBe(false);
  });

  it('evaluates every kind of indicator on this database (no answers, no returns expected: too few to tell)', async () => {
    const indicators = ['csat', 'dimension:wait_time', 'churn_rate', 'callback_completion', 'theme_share:waiting'];
    for (const indicator of indicators) {
      for (const departmentId of [internalMedicine, null]) {
        const created = await action({ indicator, departmentId, title: indicator });
        expect([indicator, created.status]).toEqual([indicator, 201]);
        expect([indicator, created.body.evaluation.verdict, created.body.evaluation.followUp.n]).toEqual([indicator, 'too_few', 0]);
      }
    }
    const kinds = await quality.get<ImprovementActionList>('/api/improvement-actions?indicator=dimension:wait_time');
    expect(kinds.body.items.map((i) => [i.indicator, i.betterDirection, i.verdict])).toEqual([
      ['dimension:wait_time', 'higher', 'too_few'],
      ['dimension:wait_time', 'higher', 'too_few'],
    ]);
    // The hospital-wide wait median counts the same 60 visits as 内科's.
    const hospital = await action({ departmentId: null, title: '全院' });
    expect([hospital.body.evaluation.baseline.n, hospital.body.evaluation.followUp.n, hospital.body.evaluation.verdict]).toEqual([30, 30, 'improved']);
  });

  it('judges CSAT and a rating dimension by their top-2-box share, with the numbers worked out above, as the dashboard shows them', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const answer = async (offset: number, score: number) => {
      const { encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, internalMedicine);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      expect(invitation.status).toBe(201);
      const answers = [
        { questionId: 'csat', value: score },
        { questionId: 'nps', value: 8 },
        { questionId: 'wait_time', value: score },
        { questionId: 'doctor_communication', value: 4 },
      ];
      const submitted = await anonymous.post(`/api/public/surveys/${invitation.body.token}`, { answers });
      expect([submitted.status, submitted.body]).toEqual([201, expect.anything()]);
      // Backdated behind the API's back, as a loader of past answers would (the rollups follow through their journals).
      await runSql(server.databaseUrl, 'UPDATE survey_response SET submitted_on = $1 WHERE invitation_id = $2', [day(offset), invitation.body.id]);
    };
    for (let k = 0; k < 30; k++) await answer(-90 + k, k < 12 ? 5 : 3);
    for (let k = 0; k < 30; k++) await answer(-60 + k, k < 24 ? 4 : 2);

    for (const indicator of ['csat', 'dimension:wait_time']) {
      const created = await action({ indicator, title: indicator });
      expect([indicator, created.status]).toEqual([indicator, 201]);
      const { evaluation } = created.body;
      expect([indicator, evaluation.test, evaluation.available, created.body.betterDirection]).toEqual([indicator, 'two_proportion', true, 'higher']);
      expect(evaluation.baseline).toEqual({ from: day(-90), to: day(-61), n: 30, value: 40 });
      expect(evaluation.followUp).toEqual({ from: day(-60), to: day(-31), n: 30, value: 80 });
      expect(evaluation.change).toBe(40);
      expect(evaluation.pValue).toBeCloseTo(0.00157, 5);
      expect(evaluation.ci95).toEqual([15.26, 58.64]);
      expect(evaluation.verdict).toBe('improved');
    }

    // The baseline window's figures are the dashboard's for the same days and department.
    const series = await quality.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?from=${day(-90)}&to=${day(-61)}&departmentId=${internalMedicine}&groupBy=department`);
    expect(series.status).toBe(200);
    const [point] = series.body.points;
    expect([point?.csat.value, point?.csat.n]).toEqual([40, 30]);
    const dimension = point?.dimensions.find((d) => d.dimension === 'wait_time');
    expect([dimension?.value, dimension?.n]).toEqual([40, 30]);
  });

  it('records status changes and notes, each audited', async () => {
    const created = await action({ title: '审计测试' });
    const id = created.body.id;
    const patched = await quality.patch<ImprovementAction>(`/api/improvement-actions/${id}`, { status: 'in_progress', endDate: day(-1) });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'in_progress', endDate: day(-1) });
    const cleared = await quality.patch<ImprovementAction>(`/api/improvement-actions/${id}`, { endDate: null });
    expect(cleared.body.endDate).toBeNull();
    const noted = await quality.post<ImprovementAction>(`/api/improvement-actions/${id}/notes`, { text: '  第一周：线上预约占比 40%  ' });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toEqual([expect.objectContaining({ text: '第一周：线上预约占比 40%', author: { id: ownerId, name: 'improve.quality' } })]);

    const log = async (action: string) =>
      (await admin.get<Page<AuditEntry>>(`/api/audit-log?action=${action}&pageSize=100`)).body.items.filter((e) => e.entityId === id);
    expect(await log('improvement.create')).toEqual([expect.objectContaining({ entityType: 'improvement_action', actor: expect.objectContaining({ username: 'improve.quality' }) })]);
    const updates = await log('improvement.update');
    expect(updates.map((e) => e.detail)).toEqual(expect.arrayContaining([`endDate: null → ${day(-1)}; status: planned → in_progress`, `endDate: ${day(-1)} → null`]));
    expect(await log('improvement.note')).toHaveLength(1);
  });

  it('gives a changed indicator its own better direction unless one is given', async () => {
    const created = await action({ title: '换指标', indicator: 'wait_median' });
    expect(created.body.betterDirection).toBe('lower');
    const id = created.body.id;
    const toCsat = await quality.patch<ImprovementAction>(`/api/improvement-actions/${id}`, { indicator: 'csat' });
    expect([toCsat.status, toCsat.body.indicator, toCsat.body.betterDirection]).toEqual([200, 'csat', 'higher']);
    const given = await quality.patch<ImprovementAction>(`/api/improvement-actions/${id}`, { indicator: 'churn_rate', betterDirection: 'higher' });
    expect([given.body.indicator, given.body.betterDirection]).toEqual(['churn_rate', 'higher']);
    // The same indicator again keeps the direction chosen for it.
    const same = await quality.patch<ImprovementAction>(`/api/improvement-actions/${id}`, { indicator: 'churn_rate', title: '换指标 2' });
    expect(same.body.betterDirection).toBe('higher');
  });

  it('serializes PATCHes at once: no lost update, and a start and an end moved together answer 400, never 500', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await action({ title: `并发 ${round}` });
      const id = created.body.id;
      // Each alone is valid against the stored row (start S, no end); together the end falls before the start.
      const [end, start] = await Promise.all([
        quality.patch<ImprovementAction & ApiError>(`/api/improvement-actions/${id}`, { endDate: day(-30) }),
        quality.patch<ImprovementAction & ApiError>(`/api/improvement-actions/${id}`, { startDate: day(-20) }),
      ]);
      const outcomes = [end, start].map((r) => [r.status, r.status === 400 ? r.body.code : null]);
      expect(outcomes).toEqual(expect.arrayContaining([[200, null], [400, 'improvement.end_before_start']]));
      const stored = (await quality.get<ImprovementAction>(`/api/improvement-actions/${id}`)).body;
      expect([stored.startDate, stored.endDate]).toEqual(end.status === 200 ? [START, day(-30)] : [day(-20), null]);

      // Two PATCHes of different fields: both stay.
      await Promise.all([
        quality.patch(`/api/improvement-actions/${id}`, { status: 'in_progress' }),
        quality.patch(`/api/improvement-actions/${id}`, { title: `并发 ${round} 改` }),
        quality.patch(`/api/improvement-actions/${id}`, { followUpDays: 45 }),
      ]);
      const both = (await quality.get<ImprovementAction>(`/api/improvement-actions/${id}`)).body;
      expect([both.status, both.title, both.followUpDays]).toEqual(['in_progress', `并发 ${round} 改`, 45]);
    }
  });

  it('refuses bad input with 400 naming the field, with its code', async () => {
    await refused(action({ endDate: day(-61) }), 'improvement.end_before_start', 'endDate');
    await refused(action({ indicator: 'bogus' }), 'improvement.unknown_indicator', 'indicator');
    await refused(action({ indicator: 'dimension:food' }), 'improvement.unknown_indicator', 'indicator');
    await refused(action({ indicator: 'theme_share:no_such_theme' }), 'improvement.unknown_theme', 'indicator');
    await refused(action({ ownerUserId: 99_999 }), 'improvement.unknown_owner', 'ownerUserId');
    await refused(action({ departmentId: 99_999 }), 'improvement.unknown_department', 'departmentId');
    await refused(action({ startDate: '2026-02-30' }), 'validation.failed', 'startDate');
    await refused(action({ endDate: 'tomorrow' }), 'validation.failed', 'endDate');
    await refused(action({ baselineDays: 6 }), 'validation.failed', 'baselineDays');
    await refused(action({ lagDays: 366 }), 'validation.failed', 'lagDays');
    await refused(action({ followUpDays: 30.5 }), 'validation.failed', 'followUpDays');
    await refused(action({ title: '' }), 'validation.failed', 'title');
    await refused(action({ title: '长'.repeat(201) }), 'validation.failed', 'title');
    await refused(action({ title: 'a\u0000b' }), 'validation.failed', 'title');
    await refused(action({ description: 'x'.repeat(4001) }), 'validation.failed', 'description');
    await refused(action({ status: 'paused' }), 'validation.failed', 'status');
    await refused(action({ departmentId: undefined }), 'validation.failed', 'departmentId');
    await refused(action({ ownerUserId: 2 ** 31 }), 'validation.failed', 'ownerUserId');
    await refused(action({ indicator: 'x'.repeat(61) }), 'validation.failed', 'indicator');

    const created = await action({ title: '改期' });
    const id = created.body.id;
    // A new start after the stored end, and an end before the stored start.
    await quality.patch(`/api/improvement-actions/${id}`, { endDate: day(-30) });
    await refused(quality.patch(`/api/improvement-actions/${id}`, { startDate: day(-29) }), 'improvement.end_before_start', 'endDate');
    await refused(quality.patch(`/api/improvement-actions/${id}`, { endDate: day(-61) }), 'improvement.end_before_start', 'endDate');
    await refused(quality.patch(`/api/improvement-actions/${id}`, {}), 'validation.failed');
    await refused(quality.post(`/api/improvement-actions/${id}/notes`, { text: 'x'.repeat(2001) }), 'validation.failed', 'text');
    await refused(quality.post(`/api/improvement-actions/${id}/notes`, { text: '   ' }), 'validation.failed', 'text');
    await refused(quality.get('/api/improvement-actions?indicator=bogus'), 'improvement.unknown_indicator', 'indicator');
    await refused(quality.get('/api/improvement-actions?status=paused'), 'validation.failed', 'status');
    await refused(quality.get('/api/improvement-actions/abc'), 'validation.failed', 'id');
    const missing = await quality.patch<ApiError>('/api/improvement-actions/999999', { status: 'done' });
    expect([missing.status, missing.body.code, missing.body.params]).toEqual([404, 'improvement.not_found', { actionId: 999999 }]);
    // Nothing of the refused writes was stored: the action is as it was.
    const stored = await quality.get<ImprovementAction>(`/api/improvement-actions/${id}`);
    expect([stored.body.startDate, stored.body.endDate]).toEqual([START, day(-30)]);
  });

  it('lets quality managers and admins in, not the front desk', async () => {
    const created = await action({ title: '权限' });
    expect((await desk.get('/api/improvement-actions')).status).toBe(403);
    expect((await desk.get(`/api/improvement-actions/${created.body.id}`)).status).toBe(403);
    expect((await desk.post('/api/improvement-actions', {})).status).toBe(403);
    expect((await desk.patch(`/api/improvement-actions/${created.body.id}`, { status: 'done' })).status).toBe(403);
    expect((await desk.get('/api/indicator-targets')).status).toBe(403);
    expect((await admin.get(`/api/improvement-actions/${created.body.id}`)).status).toBe(200);
    expect((await quality.request('PUT', '/api/indicator-targets', { indicator: 'nps', departmentId: null, comparator: 'at_least', value: 50 })).status).toBe(403);
  });

  it('lists the staff an action can be given to for quality managers: active accounts, id and name only', async () => {
    const leaving = await admin.post<{ id: number }>('/api/users', { username: 'improve.leaving', displayName: '离职 员工', role: 'front_desk', password: 'a-long-password-1' });
    expect(leaving.status).toBe(201);
    expect((await admin.patch(`/api/users/${leaving.body.id}`, { active: false })).status).toBe(200);
    const owners = await quality.get<{ items: { id: number; name: string }[] }>('/api/improvement-actions/owners');
    expect(owners.status).toBe(200);
    const ids = owners.body.items.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([ownerId, adminId]));
    expect(ids).not.toContain(leaving.body.id);
    // Names only: no username, role or anything else of the accounts.
    for (const owner of owners.body.items) expect(Object.keys(owner).sort()).toEqual(['id', 'name']);
    expect((await desk.get('/api/improvement-actions/owners')).status).toBe(403);
  });

  it('keeps one target per indicator and department, validated and audited', async () => {
    const put = (body: Record<string, unknown>) => admin.request<IndicatorTarget & ApiError>('PUT', '/api/indicator-targets', body);
    const hospital = await put({ indicator: 'wait_median', departmentId: null, comparator: 'at_most', value: 20 });
    expect(hospital.status).toBe(200);
    expect(hospital.body).toMatchObject({ indicator: 'wait_median', departmentId: null, comparator: 'at_most', value: 20, updatedBy: { id: adminId } });
    const replaced = await put({ indicator: 'wait_median', departmentId: null, comparator: 'at_most', value: 25.5 });
    expect([replaced.body.id, replaced.body.value]).toEqual([hospital.body.id, 25.5]);
    const own = await put({ indicator: 'wait_median', departmentId: internalMedicine, comparator: 'at_most', value: 18 });
    expect(own.body.id).not.toBe(hospital.body.id);
    expect(own.body.departmentName).toBe('内科');
    await put({ indicator: 'nps', departmentId: null, comparator: 'at_least', value: -10 });
    await put({ indicator: 'theme_share:waiting', departmentId: null, comparator: 'at_most', value: 12.5 });

    const list = await quality.get<IndicatorTargetList>('/api/indicator-targets');
    expect(list.body.items.map((t) => [t.indicator, t.departmentId, t.value])).toEqual([
      ['nps', null, -10],
      ['theme_share:waiting', null, 12.5],
      ['wait_median', null, 25.5],
      ['wait_median', internalMedicine, 18],
    ]);

    const outOfRange = await put({ indicator: 'csat', departmentId: null, comparator: 'at_least', value: 101 });
    expect([outOfRange.status, outOfRange.body.code, outOfRange.body.params]).toEqual([400, 'indicator_target.value_out_of_range', { min: 0, max: 100 }]);
    // A dimension's target is a top-2-box %, as its score on the dashboard.
    await refused(put({ indicator: 'dimension:nursing', departmentId: null, comparator: 'at_least', value: -1 }), 'indicator_target.value_out_of_range', 'value');
    expect((await put({ indicator: 'dimension:nursing', departmentId: null, comparator: 'at_least', value: 85 })).status).toBe(200);
    // Two decimals as written, though 19.99 · 100 is not a whole number in floating point.
    for (const [indicator, value] of [['wait_median', 19.99], ['csat', 4.35], ['churn_rate', 0.29]] as const) {
      const stored = await put({ indicator, departmentId: internalMedicine, comparator: 'at_most', value });
      expect([indicator, stored.status, stored.body.value]).toEqual([indicator, 200, value]);
    }
    await refused(put({ indicator: 'nps', departmentId: null, comparator: 'at_least', value: 50.123 }), 'validation.failed', 'value');
    await refused(put({ indicator: 'nps', departmentId: null, comparator: 'near', value: 50 }), 'validation.failed', 'comparator');
    await refused(put({ indicator: 'nps', departmentId: null, comparator: 'at_least', value: '50' }), 'validation.failed', 'value');
    await refused(put({ indicator: 'bogus', departmentId: null, comparator: 'at_least', value: 50 }), 'improvement.unknown_indicator', 'indicator');
    await refused(put({ indicator: 'nps', departmentId: 99_999, comparator: 'at_least', value: 50 }), 'improvement.unknown_department', 'departmentId');
    await refused(put({ indicator: 'nps', comparator: 'at_least', value: 50 }), 'validation.failed', 'departmentId');

    const removed = await admin.request('DELETE', `/api/indicator-targets/${own.body.id}`);
    expect(removed.status).toBe(204);
    const again = await admin.request<ApiError>('DELETE', `/api/indicator-targets/${own.body.id}`);
    expect([again.status, again.body.code]).toEqual([404, 'indicator_target.not_found']);
    expect((await quality.request('DELETE', `/api/indicator-targets/${hospital.body.id}`)).status).toBe(403);

    const log = async (action: string) => (await admin.get<Page<AuditEntry>>(`/api/audit-log?action=${action}&pageSize=100`)).body.items;
    expect((await log('indicator_target.update')).map((e) => e.detail)).toEqual(
      expect.arrayContaining([`indicator: wait_median; department: all; at_most 20 → at_most 25.5`, `indicator: wait_median; department: all; none → at_most 20`]),
    );
    expect(await log('indicator_target.delete')).toEqual([expect.objectContaining({ entityId: own.body.id, entityType: 'indicator_target' })]);
  });
});
