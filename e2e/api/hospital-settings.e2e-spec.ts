import {
  addDays,
  calendarDayOf,
  HOSPITAL_SETTING_RANGES,
  type ApiError,
  type AuditEntry,
  type ClaimedCallback,
  type HospitalSettings,
  type IndicatorSeries,
  type Page,
  type Patient,
  type PublicSurvey,
  type SurveyInvitation,
} from '@huifang/shared';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runMaintenance } from '../support/maintenance-commands';
import { runSql } from '../support/sql';

const ZONE = 'America/Los_Angeles';
const MINUTE = 60_000;
/** A real 1×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const put = <T>(client: ApiClient, path: string, body?: unknown): Promise<ApiResponse<T>> => client.request<T>('PUT', path, body);

describe.each(testDatabases())('hospital settings on %s', (database) => {
  let db: TestDatabase;
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase(database);
    // The environment gives the defaults (a zone other than the built-in Shanghai, a non-default expiry).
    server = await startServerOn(database, db, { HUIFANG_TIMEZONE: ZONE, HUIFANG_SURVEY_EXPIRY_DAYS: '10', HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
  });
  afterAll(async () => {
    await server?.stopKeepingDatabase();
    await db?.drop();
  });

  it('serves the environment defaults to every staff role, and nothing to anonymous callers', async () => {
    for (const client of [desk, quality, admin]) {
      const response = await client.get<HospitalSettings>('/api/settings');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        timeZone: ZONE,
        returnGraceDays: 30,
        waitThresholdMinutes: 30,
        surveyExpiryDays: 10,
        surveyMinDays: 30,
        claimTimeoutMinutes: 30,
        clvDiscountPercent: 8,
        hospitalName: { zh: '', en: '' },
        logoUrl: null,
      });
    }
    expect((await anonymous.get('/api/settings')).status).toBe(401);
  });

  it('lets only admins change settings', async () => {
    for (const client of [desk, quality]) {
      const response = await put<ApiError>(client, '/api/settings', { waitThresholdMinutes: 45 });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('auth.role_forbidden');
    }
    expect((await put(anonymous, '/api/settings', { waitThresholdMinutes: 45 })).status).toBe(401);
    expect((await admin.get<HospitalSettings>('/api/settings')).body.waitThresholdMinutes).toBe(30);
  });

  it('refuses values outside the shared ranges with a 400 naming the field, and the read-only time zone', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ waitThresholdMinutes: HOSPITAL_SETTING_RANGES.waitThresholdMinutes.max + 1 }, 'waitThresholdMinutes'],
      [{ surveyExpiryDays: 0 }, 'surveyExpiryDays'],
      [{ returnGraceDays: -1 }, 'returnGraceDays'],
      [{ claimTimeoutMinutes: 7.5 }, 'claimTimeoutMinutes'],
      [{ surveyMinDays: '10' }, 'surveyMinDays'],
      [{ surveyMinDays: null }, 'surveyMinDays'],
      [{ hospitalName: { zh: '医'.repeat(101), en: 'x' } }, 'hospitalName.zh'],
      [{ timeZone: 'Asia/Shanghai' }, 'timeZone'],
    ];
    for (const [body, field] of cases) {
      const response = await put<ApiError>(admin, '/api/settings', body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.code).toBe('validation.failed');
      expect(([] as string[]).concat(response.body.message).join(' ')).toContain(field);
    }
    expect((await admin.get<HospitalSettings>('/api/settings')).body.timeZone).toBe(ZONE);
  });

  it('saves a change, answers with it and audits old and new values', async () => {
    const response = await put<HospitalSettings>(admin, '/api/settings', { waitThresholdMinutes: 45, hospitalName: { zh: ' 示例市第一人民医院 ', en: 'Example City First Hospital' } });
    expect(response.status).toBe(200);
    expect(response.body.waitThresholdMinutes).toBe(45);
    expect(response.body.hospitalName).toEqual({ zh: '示例市第一人民医院', en: 'Example City First Hospital' });
    expect((await desk.get<HospitalSettings>('/api/settings')).body.waitThresholdMinutes).toBe(45);
    const audit = await admin.get<Page<AuditEntry>>('/api/audit-log?pageSize=100');
    const entry = audit.body.items.find((e) => e.action === 'settings.update');
    expect(entry?.actor?.username).toBe('admin');
    expect(entry?.detail).toContain('waitThresholdMinutes: 30 → 45');
    expect(entry?.detail).toContain('示例市第一人民医院');
  });

  it('applies a changed survey expiry and spacing to the next invitation', async () => {
    expect((await put(admin, '/api/settings', { surveyExpiryDays: 3, surveyMinDays: 30 })).status).toBe(200);
    const { patient, encounterId } = await finishedVisit(desk);
    const first = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    expect(first.status).toBe(201);
    const days = (Date.parse(first.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);

    const second = await secondVisit(patient.id);
    expect((await desk.post('/api/survey-invitations', { encounterId: second })).status).toBe(409);
    expect((await put(admin, '/api/settings', { surveyMinDays: 0 })).status).toBe(200);
    expect((await desk.post('/api/survey-invitations', { encounterId: second })).status).toBe(201);
  });

  it('holds a claim for the claim timeout in force', async () => {
    expect((await put(admin, '/api/settings', { claimTimeoutMinutes: 10 })).status).toBe(200);
    const patient = await registerPatient(desk, { name: '认领超时' });
    const created = await desk.post<{ id: number }>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 5 * MINUTE).toISOString(), kind: 'manual' });
    const claimed = await desk.post<ClaimedCallback>(`/api/callbacks/${created.body.id}/claim`);
    expect(claimed.status).toBe(200);
    const minutes = (Date.parse(claimed.body.claimExpiresAt as string) - Date.now()) / MINUTE;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThan(10.1);
  });

  it('derives at risk and lapsed from the grace period in force', async () => {
    // A visit six days ago (in the hospital's zone) expected back the next day: five days overdue.
    const visitAt = new Date(Date.now() - 6 * 86_400_000);
    const patient = await registerPatient(desk, { name: '宽限期' });
    const encounter = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: 1, checkedInAt: visitAt.toISOString() });
    expect(encounter.status).toBe(201);
    await desk.post(`/api/encounters/${encounter.body.id}/call`, { at: new Date(visitAt.getTime() + MINUTE).toISOString() });
    const due = addDays(calendarDayOf(visitAt, ZONE), 1);
    expect((await desk.post(`/api/encounters/${encounter.body.id}/finish`, { at: new Date(visitAt.getTime() + 2 * MINUTE).toISOString(), nextVisitDue: due })).status).toBe(200);

    expect((await put(admin, '/api/settings', { returnGraceDays: 30 })).status).toBe(200);
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.status).toBe('at_risk');
    expect((await put(admin, '/api/settings', { returnGraceDays: 3 })).status).toBe(200);
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.status).toBe('lapsed');
  });

  it('counts waits over the threshold in force, also from the monthly rollup of whole months', async () => {
    // Two waits in one tenth-of-a-minute bucket (30.0): 29 min 58 s and 30 min 2 s.
    const department = await admin.post<{ id: number }>('/api/departments', { code: 'threshold_dept', name: '阈值科', nameEn: 'Threshold' });
    expect(department.status).toBe(201);
    for (const waitSeconds of [1798, 1802]) {
      const patient = await registerPatient(desk);
      const checkedInAt = new Date(Date.now() - 40 * MINUTE);
      const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: department.body.id, checkedInAt: checkedInAt.toISOString() });
      const call = await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(checkedInAt.getTime() + waitSeconds * 1000).toISOString() });
      expect(call.status).toBe(200);
    }
    // Move them into a whole past month (behind the app's back), then rebuild the wait histograms the figures read.
    await runSql(db.url, 'UPDATE encounter SET checked_in_on = $1 WHERE department_id = $2', ['2025-01-15', department.body.id]);
    expect(await runMaintenance('rollups-rebuild', null, db.url, { HUIFANG_TIMEZONE: ZONE })).toMatchObject({ code: 0 });
    const overThreshold = async (minutes: number, groupBy: string) => {
      expect((await put(admin, '/api/settings', { waitThresholdMinutes: minutes })).status).toBe(200);
      const series = await quality.get<IndicatorSeries<'wait-time'>>(
        `/api/indicators/wait-time?from=2025-01-01&to=2025-01-31&departmentId=${department.body.id}&groupBy=${groupBy}`,
      );
      expect(series.status).toBe(200);
      return series.body.points.reduce((sum, p) => sum + p.overThresholdCount, 0);
    };
    for (const groupBy of ['month', 'day']) {
      expect(await overThreshold(30, groupBy)).toBe(1);
      expect(await overThreshold(29, groupBy)).toBe(2);
      expect(await overThreshold(31, groupBy)).toBe(0);
    }
  });

  it('serves a PNG or JPEG logo publicly and refuses anything else', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');
    for (const body of [
      { contentType: 'image/png', data: svg },
      { contentType: 'image/svg+xml', data: svg },
      { contentType: 'image/jpeg', data: PNG_BASE64 },
      { contentType: 'image/png', data: 'not base64!' },
      { contentType: 'image/png', data: Buffer.alloc(300 * 1024, 1).toString('base64') },
    ]) {
      const response = await put<ApiError>(admin, '/api/settings/logo', body);
      expect(response.status).toBe(400);
      expect(response.body.message.toString()).toMatch(/contentType|data/);
    }
    expect((await anonymous.get('/api/public/hospital-logo')).status).toBe(404);
    expect((await put(desk, '/api/settings/logo', { contentType: 'image/png', data: PNG_BASE64 })).status).toBe(403);

    const saved = await put<HospitalSettings>(admin, '/api/settings/logo', { contentType: 'image/png', data: PNG_BASE64 });
    expect(saved.status).toBe(200);
    expect(saved.body.logoUrl).toMatch(/^\/api\/public\/hospital-logo\?v=\d+$/);
    const logo = await fetch(`${server.baseUrl}${saved.body.logoUrl}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logo.headers.get('content-security-policy')).toBe("default-src 'none'");
    // The URL changes with each upload (?v=), so the browser keeps this one for good.
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.baseUrl}/api/public/hospital-logo`)).headers.get('cache-control')).toBe('no-cache');
    expect(Buffer.from(await logo.arrayBuffer()).toString('base64')).toBe(PNG_BASE64);
  });

  it("shows the hospital's name and logo on the public survey, not the product's", async () => {
    expect((await put(admin, '/api/settings', { hospitalName: { zh: '示例市第一人民医院', en: 'Example City First Hospital' }, surveyMinDays: 0 })).status).toBe(200);
    const { encounterId } = await finishedVisit(desk);
    const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    const survey = await anonymous.get<PublicSurvey>(`/api/public/surveys/${invitation.body.token}`);
    expect(survey.status).toBe(200);
    expect(survey.body.hospital.name).toEqual({ zh: '示例市第一人民医院', en: 'Example City First Hospital' });
    expect(survey.body.hospital.logoUrl).toMatch(/^\/api\/public\/hospital-logo/);
  });

  it('is seen at once by a second server instance on the same database', async () => {
    const second = await startServerOn(database, db, { HUIFANG_TIMEZONE: ZONE });
    try {
      const deskOnSecond = new ApiClient(second.baseUrl, desk.token);
      expect((await put(admin, '/api/settings', { waitThresholdMinutes: 50, claimTimeoutMinutes: 20 })).status).toBe(200);
      const seen = await deskOnSecond.get<HospitalSettings>('/api/settings');
      expect(seen.body.waitThresholdMinutes).toBe(50);
      const patient = await registerPatient(deskOnSecond, { name: '第二实例' });
      const created = await deskOnSecond.post<{ id: number }>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 5 * MINUTE).toISOString(), kind: 'manual' });
      const claimed = await deskOnSecond.post<ClaimedCallback>(`/api/callbacks/${created.body.id}/claim`);
      const minutes = (Date.parse(claimed.body.claimExpiresAt as string) - Date.now()) / MINUTE;
      expect(minutes).toBeGreaterThan(19);
      expect(minutes).toBeLessThan(20.1);
    } finally {
      await second.stopKeepingDatabase();
    }
  });

  /** Another finished visit of the same patient (the desk checks in, calls and finishes). */
  async function secondVisit(patientId: number): Promise<number> {
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId, departmentId: 1 });
    expect(checkIn.status).toBe(201);
    await desk.post(`/api/encounters/${checkIn.body.id}/call`, {});
    expect((await desk.post(`/api/encounters/${checkIn.body.id}/finish`, {})).status).toBe(200);
    return checkIn.body.id;
  }
});
